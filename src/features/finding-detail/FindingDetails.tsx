import type { Finding } from '../../guardduty';
import { AccessKeySection } from './AccessKeySection';
import { ActionSection } from './ActionSection';
import { AttackSequenceStory, SequenceMembership } from './AttackSequence';
import { MalwareSections } from './MalwareSection';
import {
  ContainerSection,
  EbsSnapshotSection,
  EbsVolumesSection,
  EcsClusterSection,
  RdsInstanceSection,
  RdsUserSection,
} from './ResourceFamilies';
import { RuntimeSection } from './RuntimeSection';
import { GenericSection } from './Generic';
import { humanize } from './format';
import { InstanceSection } from './InstanceSection';
import { OVERVIEW_SERVICE_KEYS, Overview, TOP_LEVEL_KEYS } from './Overview';
import { RemoteIpSection } from './RemoteIpSection';

/** Readable names for the parts of a finding this version shows generically. */
const TITLES: Record<string, string> = {
  s3BucketDetails: 'S3 buckets',
  eksClusterDetails: 'EKS cluster',
  kubernetesDetails: 'Kubernetes',
  ecsClusterDetails: 'ECS cluster',
  containerDetails: 'Container',
  lambdaDetails: 'Lambda function',
  rdsDbInstanceDetails: 'RDS database instance',
  rdsDbUserDetails: 'RDS database user',
  rdsLimitlessDbDetails: 'RDS Limitless database',
  ebsVolumeDetails: 'EBS volumes',
  ebsSnapshotDetails: 'EBS snapshot',
  ec2ImageDetails: 'EC2 image',
  recoveryPointDetails: 'Recovery point',
  runtimeDetails: 'Runtime activity',
  malwareScanDetails: 'Malware scan',
  ebsVolumeScanDetails: 'EBS volume malware scan',
  evidence: 'Evidence',
  detection: 'Detection',
  additionalInfo: 'Additional information',
};

const titleOf = (key: string) => TITLES[key] ?? humanize(key);
const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Real findings send `{value, type}` with `value` a JSON string; older ones (the spec sample) plain properties. */
function additionalInfoOf(info: Record<string, unknown>): Record<string, unknown> {
  if (typeof info.value !== 'string') return info;
  try {
    const parsed: unknown = JSON.parse(info.value);
    if (!isPlainObject(parsed)) return info;
    const rest = Object.fromEntries(Object.entries(info).filter(([k]) => k !== 'value' && !(k in parsed)));
    return { ...parsed, ...rest };
  } catch {
    return info;
  }
}

/**
 * Generic cards for the properties of `obj` not in `known`: objects and arrays get a card each,
 * loose values share one card, so nothing a finding says is dropped.
 */
function OtherParts({ obj, known, looseTitle }: { obj: Record<string, unknown> | undefined; known: readonly string[]; looseTitle?: string }) {
  if (!obj) return null;
  const entries = Object.entries(obj).filter(([k, v]) => v !== undefined && !known.includes(k));
  const blocks = entries.filter(([, v]) => v !== null && typeof v === 'object');
  const loose = Object.fromEntries(entries.filter(([, v]) => v === null || typeof v !== 'object'));
  return (
    <>
        {blocks.map(([k, v]) => (
          <GenericSection key={k} title={titleOf(k)} value={v} name={k} />
        ))}
        {looseTitle && Object.keys(loose).length > 0 && <GenericSection title={looseTitle} value={loose} name={looseTitle} />}
    </>
  );
}

const RESOURCE_KEYS = [
  'resourceType', 'type', 'instanceDetails', 'accessKeyDetails', 'ecsClusterDetails', 'containerDetails', 'ebsVolumeDetails', 'ebsSnapshotDetails',
  'rdsDbInstanceDetails', 'rdsDbUserDetails',
];
const SERVICE_KEYS = [...OVERVIEW_SERVICE_KEYS, 'action', 'additionalInfo', 'runtimeDetails', 'ebsVolumeScanDetails', 'malwareScanDetails', 'detection'];

/** `service.detection` without the sequence the story tells (an anomaly, fields this version does not know). */
function detectionRest(detection: unknown): unknown {
  if (!isPlainObject(detection) || !isPlainObject(detection.sequence)) return detection;
  const rest = Object.fromEntries(Object.entries(detection).filter(([k]) => k !== 'sequence'));
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/** The Details tab: two columns on wide screens (what happened | what it happened to), one on narrow. */
export function FindingDetails({ finding }: { finding: Finding }) {
  const resource = finding.resource;
  const service = finding.service;
  const action = service?.action;
  const info = service?.additionalInfo;
  const detection = detectionRest(service?.detection);
  return (
    <>
      <SequenceMembership finding={finding} />
      <AttackSequenceStory finding={finding} />
      <div className="detail-grid">
        <div className="detail-col">
          <Overview finding={finding} />
          {action && <ActionSection action={action} />}
          <RemoteIpSection finding={finding} />
          <RuntimeSection runtime={service?.runtimeDetails} />
          <MalwareSections ebsScan={service?.ebsVolumeScanDetails} malwareScan={service?.malwareScanDetails} />
          {detection !== undefined && <GenericSection title={titleOf('detection')} value={detection} name="detection" />}
          {info !== undefined && (
            <GenericSection title={titleOf('additionalInfo')} value={isPlainObject(info) ? additionalInfoOf(info) : info} name="additionalInfo" />
          )}
          <OtherParts obj={service} known={SERVICE_KEYS} looseTitle="Service: other fields" />
          {/* Unknown top-level objects; unknown top-level values are listed in the overview. */}
          <OtherParts obj={finding} known={TOP_LEVEL_KEYS} />
        </div>
        <div className="detail-col">
          {resource?.instanceDetails && <InstanceSection instance={resource.instanceDetails} />}
          {resource?.accessKeyDetails && <AccessKeySection accessKey={resource.accessKeyDetails} />}
          <EcsClusterSection cluster={resource?.ecsClusterDetails} />
          <ContainerSection container={resource?.containerDetails} />
          <EbsVolumesSection volumes={resource?.ebsVolumeDetails} />
          <EbsSnapshotSection snapshot={resource?.ebsSnapshotDetails} />
          <RdsInstanceSection instance={resource?.rdsDbInstanceDetails} />
          <RdsUserSection user={resource?.rdsDbUserDetails} />
          <OtherParts obj={resource} known={RESOURCE_KEYS} looseTitle="Resource: other fields" />
        </div>
      </div>
    </>
  );
}

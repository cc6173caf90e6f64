/**
 * The detectors the emulator owns, and what GetDetector says about them (GuardDuty's response
 * shape, with the deprecated `dataSources` that real detectors still return beside `features`).
 */
import { noSuchEntity, type GetDetectorResponse } from '../../src/guardduty';
import { DAY, epochSeconds, formatTimestamp } from './dataset/time';

/** The spec's sample detector: the demo dataset, sample finding included. */
export const DEMO_DETECTOR_ID = 'c6b0be64463ff852400d8ae5b2353866';
/** 10,000 findings, for paging and sorting at scale. */
export const SCALE_DETECTOR_ID = '5ca1ab1e5ca1ab1e5ca1ab1e00010000';

/** The GuardDuty administrator account that owns both detectors. */
const ADMIN_ACCOUNT = '123456789012';

interface DetectorProfile {
  readonly id: string;
  readonly name: string;
  readonly ageDays: number;
}

const DETECTORS: readonly DetectorProfile[] = [
  { id: DEMO_DETECTOR_ID, name: 'findings-atlas-demo', ageDays: 412 },
  { id: SCALE_DETECTOR_ID, name: 'findings-atlas-scale', ageDays: 37 },
];

export const DETECTOR_IDS: readonly string[] = DETECTORS.map((d) => d.id);

/** The detector, or the NoSuchEntityException GuardDuty answers for one the account does not own. */
export function requireDetector(detectorId: string): DetectorProfile {
  const detector = DETECTORS.find((d) => d.id === detectorId);
  if (!detector) throw noSuchEntity('The request is rejected because the input detectorId is not owned by the current account.');
  return detector;
}

const FEATURES = ['CLOUD_TRAIL', 'DNS_LOGS', 'FLOW_LOGS', 'S3_DATA_EVENTS', 'EKS_AUDIT_LOGS', 'EBS_MALWARE_PROTECTION', 'RDS_LOGIN_EVENTS', 'LAMBDA_NETWORK_LOGS'];
const RUNTIME_AGENTS = ['EKS_ADDON_MANAGEMENT', 'ECS_FARGATE_AGENT_MANAGEMENT', 'EC2_AGENT_MANAGEMENT'];

export function describeDetector(detectorId: string, now: number): GetDetectorResponse {
  const detector = requireDetector(detectorId);
  const createdAt = now - detector.ageDays * DAY;
  const updatedAt = now - Math.min(9, detector.ageDays) * DAY;
  const enabled = (name: string) => ({ name, status: 'ENABLED', updatedAt: epochSeconds(updatedAt) });
  const serviceRoles = `arn:aws:iam::${ADMIN_ACCOUNT}:role/aws-service-role`;
  return {
    createdAt: formatTimestamp(createdAt, true),
    findingPublishingFrequency: 'SIX_HOURS',
    serviceRole: `${serviceRoles}/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
    status: 'ENABLED',
    updatedAt: formatTimestamp(updatedAt, true),
    dataSources: {
      cloudTrail: { status: 'ENABLED' },
      dnsLogs: { status: 'ENABLED' },
      flowLogs: { status: 'ENABLED' },
      s3Logs: { status: 'ENABLED' },
      kubernetes: { auditLogs: { status: 'ENABLED' } },
      malwareProtection: {
        scanEc2InstanceWithFindings: { ebsVolumes: { status: 'ENABLED' } },
        serviceRole: `${serviceRoles}/malware-protection.guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDutyMalwareProtection`,
      },
    },
    tags: { Name: detector.name, ManagedBy: 'findings-atlas-emulator' },
    features: [
      ...FEATURES.map(enabled),
      { ...enabled('RUNTIME_MONITORING'), additionalConfiguration: RUNTIME_AGENTS.map(enabled) },
    ],
  };
}

import { KeyValue, KeyValueList } from '../../components/KeyValueList';
import { SeverityBadge } from '../../components/SeverityBadge';
import { resourceTypeOf, type Finding } from '../../guardduty';
import { parseFindingType } from '../../lib/finding-type';
import { GenericFields } from './Generic';
import { Field } from './Field';
import { Section } from './Section';

/** Top-level properties the detail view shows in dedicated places (header, overview, sections). */
export const TOP_LEVEL_KEYS = [
  'schemaVersion', 'accountId', 'region', 'partition', 'id', 'arn', 'type', 'resource', 'service',
  'title', 'description', 'severity', 'confidence', 'createdAt', 'updatedAt', 'associatedAttackSequenceArn',
] as const;

/** Service properties shown in the overview (the rest get their own sections). */
export const OVERVIEW_SERVICE_KEYS = [
  'serviceName', 'detectorId', 'resourceRole', 'eventFirstSeen', 'eventLastSeen', 'userFeedback', 'archived', 'count', 'featureName',
] as const;

const looseValues = (obj: Record<string, unknown>) => Object.fromEntries(Object.entries(obj).filter(([, v]) => v === null || typeof v !== 'object'));

/** The finding's identity, classification and lifecycle. */
export function Overview({ finding }: { finding: Finding }) {
  const service = finding.service;
  const parts = parseFindingType(finding.type);
  return (
    <Section title="Overview">
      <KeyValueList>
        {finding.severity !== undefined && (
          <KeyValue label="Severity">
            <SeverityBadge severity={finding.severity} />
          </KeyValue>
        )}
        <Field label="Confidence" value={finding.confidence} name="confidence" />
        <Field label="Finding type" value={finding.type} name="type" pivot="type" mono />
        {parts && (
          <KeyValue label="Type, as GuardDuty names it">
            <dl className="type-parts">
              <div><dt>Threat purpose</dt><dd>{parts.threatPurpose}</dd></div>
              <div><dt>Resource</dt><dd>{parts.resourceTypeAffected}</dd></div>
              <div><dt>Threat family</dt><dd>{parts.threatFamilyName}</dd></div>
              {parts.detectionMechanism && <div><dt>Detection mechanism</dt><dd>{parts.detectionMechanism}</dd></div>}
              {parts.artifact && <div><dt>Artifact</dt><dd>{parts.artifact}</dd></div>}
            </dl>
          </KeyValue>
        )}
        <Field label="Finding ID" value={finding.id} name="id" copy />
        <Field label="Account" value={finding.accountId} name="accountId" pivot="account" copy />
        <Field label="Region" value={finding.region} name="region" pivot="inRegion" />
        <Field label="Resource type" value={resourceTypeOf(finding)} name="resourceType" pivot="resource" />
        <Field label="Resource role" value={service?.resourceRole} name="resourceRole" />
        <Field label="Created" value={finding.createdAt} name="createdAt" />
        <Field label="Updated" value={finding.updatedAt} name="updatedAt" />
        <Field label="First seen" value={service?.eventFirstSeen} name="eventFirstSeen" />
        <Field label="Last seen" value={service?.eventLastSeen} name="eventLastSeen" />
        <Field label="Count" value={service?.count} name="count" />
        <Field label="Archived" value={service?.archived} name="archived" />
        <Field label="User feedback" value={service?.userFeedback} name="userFeedback" />
        <Field label="Detected by" value={service?.serviceName} name="serviceName" />
        <Field label="Feature" value={service?.featureName} name="featureName" />
        {/* Top-level values this version does not know (unknown objects get cards of their own). */}
        <GenericFields value={looseValues(finding)} skip={TOP_LEVEL_KEYS} />
      </KeyValueList>
      {/* What an analyst rarely needs first: folded away, still on the page (and copyable). */}
      <details className="admin-fields">
        <summary>Administrative fields: partition, schema version, ARN, detector ID</summary>
        <KeyValueList>
          <Field label="Partition" value={finding.partition} name="partition" />
          <Field label="Schema version" value={finding.schemaVersion} name="schemaVersion" />
          <Field label="ARN" value={finding.arn} name="arn" />
          <Field label="Detector ID" value={service?.detectorId} name="detectorId" />
        </KeyValueList>
      </details>
    </Section>
  );
}

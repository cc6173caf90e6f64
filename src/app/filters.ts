/**
 * The findings filters an analyst can set, and how each maps to GuardDuty's `findingCriteria`.
 * Only attributes GuardDuty accepts as filters are used. Criteria are AND-ed with one condition
 * per attribute, so each control owns exactly one attribute; remote IP and country exist once per
 * action type because each action keeps them in its own field.
 */
import type { FindingCriteria, Condition } from '../guardduty';
import { bandInfo, type SeverityBand } from '../lib/severity';

/** List filters: the URL parameter, the attribute it filters, and a label. Values are OR-ed (`eq`). */
export interface ListFilterField {
  param: string;
  attribute: string;
  label: string;
}

const NC = 'service.action.networkConnectionAction.remoteIpDetails';
const API = 'service.action.awsApiCallAction.remoteIpDetails';
const PROBE = 'service.action.portProbeAction.portProbeDetails.remoteIpDetails';

export const LIST_FILTERS: readonly ListFilterField[] = [
  { param: 'type', attribute: 'type', label: 'Finding type' },
  { param: 'resource', attribute: 'resource.resourceType', label: 'Resource type' },
  { param: 'account', attribute: 'accountId', label: 'Account' },
  { param: 'inRegion', attribute: 'region', label: 'Region' },
  { param: 'instance', attribute: 'resource.instanceDetails.instanceId', label: 'Instance ID' },
  { param: 'accessKey', attribute: 'resource.accessKeyDetails.accessKeyId', label: 'Access key ID' },
  // One resource of the other kinds, by the attribute GuardDuty documents for its id (the overview's top resources link here).
  { param: 'bucket', attribute: 'resource.s3BucketDetails.name', label: 'S3 bucket' },
  { param: 'eksCluster', attribute: 'resource.eksClusterDetails.name', label: 'EKS cluster' },
  { param: 'ecsCluster', attribute: 'resource.ecsClusterDetails.name', label: 'ECS cluster' },
  { param: 'lambda', attribute: 'resource.lambdaDetails.functionName', label: 'Lambda function' },
  { param: 'rdsInstance', attribute: 'resource.rdsDbInstanceDetails.dbInstanceIdentifier', label: 'RDS DB instance' },
  { param: 'container', attribute: 'resource.containerDetails.id', label: 'Container ID' },
  { param: 'workload', attribute: 'resource.kubernetesDetails.kubernetesWorkloadDetails.name', label: 'Kubernetes workload' },
  { param: 'action', attribute: 'service.action.actionType', label: 'Action type' },
  { param: 'ip', attribute: `${NC}.ipAddressV4`, label: 'Remote IP (network connection)' },
  { param: 'apiIp', attribute: `${API}.ipAddressV4`, label: 'Remote IP (API call)' },
  { param: 'probeIp', attribute: `${PROBE}.ipAddressV4`, label: 'Remote IP (port probe)' },
  { param: 'country', attribute: `${NC}.country.countryName`, label: 'Country (network connection)' },
  { param: 'apiCountry', attribute: `${API}.country.countryName`, label: 'Country (API call)' },
  { param: 'probeCountry', attribute: `${PROBE}.country.countryName`, label: 'Country (port probe)' },
  { param: 'domain', attribute: 'service.action.dnsRequestAction.domain', label: 'DNS domain' },
];

/** The list-filter parameter for a remote IP or country, by the action type that holds it. */
export const REMOTE_FILTER_PARAMS: Record<string, { ip: string; country: string }> = {
  NETWORK_CONNECTION: { ip: 'ip', country: 'country' },
  AWS_API_CALL: { ip: 'apiIp', country: 'apiCountry' },
  PORT_PROBE: { ip: 'probeIp', country: 'probeCountry' },
};

export type ArchivedState = 'current' | 'archived' | 'all';
export const TIME_WINDOWS = { '24h': 24 * 3600_000, '7d': 7 * 24 * 3600_000, '30d': 30 * 24 * 3600_000, '90d': 90 * 24 * 3600_000 } as const;
export type TimeWindow = keyof typeof TIME_WINDOWS;

export interface Filters {
  /** Param → values (OR-ed). Only params of LIST_FILTERS. */
  lists: Record<string, string[]>;
  /** Severity range by bands, inclusive. */
  severity?: { from: SeverityBand; to: SeverityBand };
  /** updatedAt window: a preset relative to the query's anchor time, or a custom epoch-ms range. */
  updated?: { window: TimeWindow } | { from?: number; to?: number };
  /** Raised before this time (createdAt < `before`, epoch ms): the overview's triage-aging links. */
  created?: { before: number };
  archived: ArchivedState;
  /** Only attack sequences (Extended Threat Detection): `type` matches `AttackSequence:*`. */
  sequencesOnly?: boolean;
}

/** The `type` pattern of attack sequence findings (GuardDuty's `matches` takes `*` wildcards). */
export const ATTACK_SEQUENCE_TYPE_PATTERN = 'AttackSequence:*';

export const DEFAULT_FILTERS: Filters = { lists: {}, archived: 'current' };

/**
 * Builds the findingCriteria for the filters. `now` anchors relative time windows; callers keep
 * it stable between refreshes so the query key does not change on every render.
 */
export function criteriaFromFilters(filters: Filters, now: number): FindingCriteria {
  const criterion: Record<string, Condition> = {};
  for (const field of LIST_FILTERS) {
    const values = filters.lists[field.param];
    if (values && values.length > 0) criterion[field.attribute] = { eq: [...values] };
  }
  if (filters.severity) {
    criterion.severity = { gte: bandInfo(filters.severity.from).min, lt: bandInfo(filters.severity.to).max };
  }
  if (filters.updated) {
    const range = 'window' in filters.updated ? { from: now - TIME_WINDOWS[filters.updated.window] } : filters.updated;
    const condition: Condition = {};
    if (range.from !== undefined) condition.gte = Math.floor(range.from);
    if ('to' in range && range.to !== undefined) condition.lte = Math.floor(range.to);
    if (Object.keys(condition).length > 0) criterion.updatedAt = condition;
  }
  if (filters.created) criterion.createdAt = { lt: Math.floor(filters.created.before) };
  // One condition per attribute: the quick filter joins the type list's condition (operators are AND-ed).
  if (filters.sequencesOnly) criterion.type = { ...criterion.type, matches: [ATTACK_SEQUENCE_TYPE_PATTERN] };
  if (filters.archived !== 'all') criterion['service.archived'] = { eq: [filters.archived === 'archived' ? 'true' : 'false'] };
  return { criterion };
}

export function hasActiveFilters(filters: Filters): boolean {
  return (
    Object.values(filters.lists).some((v) => v.length > 0) || !!filters.severity || !!filters.updated || !!filters.created || !!filters.sequencesOnly || filters.archived !== 'current'
  );
}

/**
 * The findings filters an analyst can set, and how each maps to GuardDuty's `findingCriteria`.
 * Only attributes GuardDuty accepts as filters are used. Criteria are AND-ed with one condition
 * per attribute, so each control owns exactly one attribute; remote IP and country exist once per
 * action type because each action keeps them in its own field, and once for any action type (a
 * pseudo attribute that src/api/any-criteria.ts expands into a union of queries).
 */
import { REMOTE_IP_ATTRIBUTES, type FindingCriteria, type Condition, type RemoteIpSighting } from '../guardduty';
import { bandInfo, type SeverityBand } from '../lib/severity';
import { canonicalCountry, canonicalCountryPrefix } from './countries';

/** List filters: the URL parameter, the attribute it filters, and a label. Values are OR-ed (`eq`). */
export interface ListFilterField {
  param: string;
  /** A GuardDuty filter attribute, or an "any action" pseudo attribute (`any:…`, expanded by src/api/any-criteria.ts). */
  attribute: string;
  label: string;
  /**
   * Exact values only: no "starts with" offered. GuardDuty's `matches` takes `*` globs on string
   * attributes, but these fields hold a fixed set of values (pick one from the suggestions).
   */
  exact?: boolean;
  /** A country name: matched case-insensitively (turned into GuardDuty's spelling before the query). */
  country?: boolean;
  /** GetFindingsStatistics grouping whose keys are this field's values (for suggestions). */
  groupBy?: 'FINDING_TYPE' | 'ACCOUNT' | 'RESOURCE';
}

const { NETWORK_CONNECTION: NC, AWS_API_CALL: API, PORT_PROBE: PROBE } = REMOTE_IP_ATTRIBUTES;
const NI = 'resource.instanceDetails.networkInterfaces';

export const LIST_FILTERS: readonly ListFilterField[] = [
  { param: 'type', attribute: 'type', label: 'Finding type', groupBy: 'FINDING_TYPE' },
  // Remote IP and country of any action type (network connection, API call, port probe): a union of three queries.
  { param: 'anyIp', attribute: 'any:remoteIp', label: 'Remote IP' },
  { param: 'anyCountry', attribute: 'any:country', label: 'Country', country: true },
  { param: 'resource', attribute: 'resource.resourceType', label: 'Resource type', exact: true },
  { param: 'account', attribute: 'accountId', label: 'Account', groupBy: 'ACCOUNT' },
  { param: 'inRegion', attribute: 'region', label: 'Region', exact: true },
  { param: 'instance', attribute: 'resource.instanceDetails.instanceId', label: 'Instance ID', groupBy: 'RESOURCE' },
  { param: 'accessKey', attribute: 'resource.accessKeyDetails.accessKeyId', label: 'Access key ID', groupBy: 'RESOURCE' },
  { param: 'user', attribute: 'resource.accessKeyDetails.userName', label: 'IAM user name' },
  { param: 'api', attribute: 'service.action.awsApiCallAction.api', label: 'API name' },
  { param: 'vpc', attribute: `${NI}.vpcId`, label: 'VPC ID' },
  { param: 'sg', attribute: `${NI}.securityGroups.groupId`, label: 'Security group ID' },
  { param: 'sgName', attribute: `${NI}.securityGroups.groupName`, label: 'Security group name' },
  { param: 'tagKey', attribute: 'resource.instanceDetails.tags.key', label: 'Instance tag key' },
  { param: 'tagValue', attribute: 'resource.instanceDetails.tags.value', label: 'Instance tag value' },
  // One resource of the other kinds, by the attribute GuardDuty documents for its id (the overview's top resources link here).
  { param: 'bucket', attribute: 'resource.s3BucketDetails.name', label: 'S3 bucket', groupBy: 'RESOURCE' },
  { param: 'eksCluster', attribute: 'resource.eksClusterDetails.name', label: 'EKS cluster', groupBy: 'RESOURCE' },
  { param: 'ecsCluster', attribute: 'resource.ecsClusterDetails.name', label: 'ECS cluster', groupBy: 'RESOURCE' },
  { param: 'lambda', attribute: 'resource.lambdaDetails.functionName', label: 'Lambda function', groupBy: 'RESOURCE' },
  { param: 'rdsInstance', attribute: 'resource.rdsDbInstanceDetails.dbInstanceIdentifier', label: 'RDS DB instance', groupBy: 'RESOURCE' },
  { param: 'container', attribute: 'resource.containerDetails.id', label: 'Container ID', groupBy: 'RESOURCE' },
  { param: 'workload', attribute: 'resource.kubernetesDetails.kubernetesWorkloadDetails.name', label: 'Kubernetes workload', groupBy: 'RESOURCE' },
  { param: 'action', attribute: 'service.action.actionType', label: 'Action type', exact: true },
  { param: 'ip', attribute: `${NC}.ipAddressV4`, label: 'Remote IP (network connection)' },
  { param: 'apiIp', attribute: `${API}.ipAddressV4`, label: 'Remote IP (API call)' },
  { param: 'probeIp', attribute: `${PROBE}.ipAddressV4`, label: 'Remote IP (port probe)' },
  { param: 'country', attribute: `${NC}.country.countryName`, label: 'Country (network connection)', country: true },
  { param: 'apiCountry', attribute: `${API}.country.countryName`, label: 'Country (API call)', country: true },
  { param: 'probeCountry', attribute: `${PROBE}.country.countryName`, label: 'Country (port probe)', country: true },
  { param: 'domain', attribute: 'service.action.dnsRequestAction.domain', label: 'DNS domain' },
];

/** The list-filter parameter for a remote IP or country, by the action type that holds it. */
export const REMOTE_FILTER_PARAMS: Record<string, { ip: string; country: string }> = {
  NETWORK_CONNECTION: { ip: 'ip', country: 'country' },
  AWS_API_CALL: { ip: 'apiIp', country: 'apiCountry' },
  PORT_PROBE: { ip: 'probeIp', country: 'probeCountry' },
};

/**
 * The remote IPs the list can be filtered on (Remote IP, any action): those of the action types in
 * REMOTE_FILTER_PARAMS. Kubernetes API calls and RDS login attempts keep one too (remoteIpSightings
 * reads them, the detail view shows them) but the any-action union does not cover their fields.
 */
export const isFilterableRemoteIp = (s: RemoteIpSighting): boolean => s.actionType !== undefined && s.actionType in REMOTE_FILTER_PARAMS;

/**
 * The remote IPs the attack map plots and the table highlights for the map's selected IP: the
 * filterable ones (so "Filter to this IP" finds what the map showed) and an attack sequence's endpoints.
 */
export const isMappedRemoteIp = (s: RemoteIpSighting): boolean => isFilterableRemoteIp(s) || s.source === 'SEQUENCE_ENDPOINT';

/** The "any action" parameters: what Remote IP and Country mean by default. */
export const ANY_PARAMS = { ip: 'anyIp', country: 'anyCountry' } as const;

/**
 * How a list filter compares. In the URL the parameter name carries it, so old links (plain
 * names) keep meaning "is": `type=X` is, `-type=X` is not, `type*=X` starts with, `-type*=X`
 * does not start with. "Starts with" is GuardDuty's `matches` with a trailing `*`.
 */
export type FilterMode = 'is' | 'not' | 'prefix' | 'notPrefix';
export const FILTER_MODES: readonly FilterMode[] = ['is', 'not', 'prefix', 'notPrefix'];
export const MODE_LABELS: Record<FilterMode, string> = { is: 'is', not: 'is not', prefix: 'starts with', notPrefix: 'does not start with' };

/** The key of `Filters.lists` (and the URL parameter) of a field and mode. */
export function modeKey(param: string, mode: FilterMode): string {
  const neg = mode === 'not' || mode === 'notPrefix' ? '-' : '';
  const star = mode === 'prefix' || mode === 'notPrefix' ? '*' : '';
  return `${neg}${param}${star}`;
}

/** A `Filters.lists` key back to its field and mode (undefined for keys of no field). */
export function parseModeKey(key: string): { field: ListFilterField; mode: FilterMode } | undefined {
  const neg = key.startsWith('-');
  const star = key.endsWith('*');
  const param = key.slice(neg ? 1 : 0, star ? -1 : undefined);
  const field = LIST_FILTERS.find((f) => f.param === param);
  if (!field || (star && field.exact)) return undefined;
  return { field, mode: neg ? (star ? 'notPrefix' : 'not') : star ? 'prefix' : 'is' };
}

/** Every `Filters.lists` key, in LIST_FILTERS order (is, is not, starts with, does not start with). */
export const LIST_FILTER_KEYS: readonly string[] = LIST_FILTERS.flatMap((f) =>
  FILTER_MODES.filter((m) => !f.exact || m === 'is' || m === 'not').map((m) => modeKey(f.param, m)),
);

export type ArchivedState = 'current' | 'archived' | 'all';
export const TIME_WINDOWS = { '24h': 24 * 3600_000, '7d': 7 * 24 * 3600_000, '30d': 30 * 24 * 3600_000, '90d': 90 * 24 * 3600_000 } as const;
export type TimeWindow = keyof typeof TIME_WINDOWS;

export interface Filters {
  /** Key → values. Keys are LIST_FILTER_KEYS: a field's param with its mode (modeKey); "is" values are OR-ed. */
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
    const get = (mode: FilterMode) => filters.lists[modeKey(field.param, mode)] ?? [];
    // Country names compare exactly in GuardDuty: what the analyst typed is put in GuardDuty's spelling first.
    const exact = (v: string) => (field.country ? canonicalCountry(v) : v);
    const prefix = (v: string) => `${field.country ? canonicalCountryPrefix(v) : v}*`;
    const condition: Condition = {};
    if (get('is').length > 0) condition.eq = [...new Set(get('is').map(exact))];
    if (get('not').length > 0) condition.neq = [...new Set(get('not').map(exact))];
    if (!field.exact && get('prefix').length > 0) condition.matches = [...new Set(get('prefix').map(prefix))];
    if (!field.exact && get('notPrefix').length > 0) condition.notMatches = [...new Set(get('notPrefix').map(prefix))];
    if (Object.keys(condition).length > 0) criterion[field.attribute] = condition;
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
  if (filters.sequencesOnly) {
    // A condition's `matches` list is OR-ed, so "starts with" patterns on type are narrowed to sequences here.
    const own = criterion.type?.matches;
    const kept = own
      ? own.flatMap((p) => (p.startsWith('AttackSequence:') ? [p] : 'AttackSequence:'.startsWith(p.slice(0, -1)) ? [ATTACK_SEQUENCE_TYPE_PATTERN] : []))
      : [ATTACK_SEQUENCE_TYPE_PATTERN];
    criterion.type = kept.length > 0 ? { ...criterion.type, matches: [...new Set(kept)] } : { eq: ['AttackSequence: no type matches both filters'] };
  }
  if (filters.archived !== 'all') criterion['service.archived'] = { eq: [filters.archived === 'archived' ? 'true' : 'false'] };
  return { criterion };
}

export function hasActiveFilters(filters: Filters): boolean {
  return (
    Object.values(filters.lists).some((v) => v.length > 0) || !!filters.severity || !!filters.updated || !!filters.created || !!filters.sequencesOnly || filters.archived !== 'current'
  );
}

/**
 * The list filter that names one resource of a type, by GuardDuty's documented filter attribute
 * for its id; undefined for types without one (they cannot be linked exactly).
 */
const RESOURCE_ID_FILTERS: Readonly<Record<string, string>> = {
  Instance: 'instance',
  AccessKey: 'accessKey',
  S3Bucket: 'bucket',
  S3Object: 'bucket',
  EKSCluster: 'eksCluster',
  ECSCluster: 'ecsCluster',
  Lambda: 'lambda',
  RDSDBInstance: 'rdsInstance',
  Container: 'container',
  KubernetesCluster: 'workload',
};

export const resourceIdFilter = (resourceType: string): string | undefined =>
  Object.hasOwn(RESOURCE_ID_FILTERS, resourceType) ? RESOURCE_ID_FILTERS[resourceType] : undefined;

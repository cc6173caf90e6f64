import type { Finding } from './finding';
import { ipv4ToNumber, parseTimestamp } from './values';

/** How an attribute's values compare. */
export type ValueKind = 'number' | 'timestamp' | 'ipv4' | 'boolean' | 'string';

interface SortAttributeDefinition {
  /** The attribute name exactly as `sortCriteria.attributeName` takes it. */
  readonly name: string;
  readonly kind: ValueKind;
  /** A short label for people. */
  readonly label: string;
  /** The raw value in a finding, or undefined when the finding lacks it. */
  readonly get: (finding: Finding) => unknown;
}

const nc = (f: Finding) => f.service?.action?.networkConnectionAction;
const api = (f: Finding) => f.service?.action?.awsApiCallAction;

/**
 * The 18 attributes the GetFindings reference documents for `sortCriteria.attributeName`
 * (its bullet "…protocol, service.action.awsApiCallAction.api" is two).
 */
const DEFINITIONS = [
  { name: 'accountId', kind: 'string', label: 'Account', get: (f) => f.accountId },
  { name: 'severity', kind: 'number', label: 'Severity', get: (f) => f.severity },
  { name: 'confidence', kind: 'number', label: 'Confidence', get: (f) => f.confidence },
  { name: 'type', kind: 'string', label: 'Finding type', get: (f) => f.type },
  { name: 'service.eventFirstSeen', kind: 'timestamp', label: 'First seen', get: (f) => f.service?.eventFirstSeen },
  { name: 'service.eventLastSeen', kind: 'timestamp', label: 'Last seen', get: (f) => f.service?.eventLastSeen },
  { name: 'createdAt', kind: 'timestamp', label: 'Created', get: (f) => f.createdAt },
  { name: 'updatedAt', kind: 'timestamp', label: 'Updated', get: (f) => f.updatedAt },
  {
    name: 'service.action.networkConnectionAction.remoteIpDetails.ipAddressV4',
    kind: 'ipv4',
    label: 'Remote IP (network connection)',
    get: (f) => nc(f)?.remoteIpDetails?.ipAddressV4,
  },
  { name: 'resource.instanceDetails.instanceId', kind: 'string', label: 'Instance ID', get: (f) => f.resource?.instanceDetails?.instanceId },
  { name: 'service.action.networkConnectionAction.localPortDetails.port', kind: 'number', label: 'Local port', get: (f) => nc(f)?.localPortDetails?.port },
  { name: 'service.action.networkConnectionAction.remotePortDetails.port', kind: 'number', label: 'Remote port', get: (f) => nc(f)?.remotePortDetails?.port },
  {
    name: 'service.action.networkConnectionAction.remoteIpDetails.country.countryName',
    kind: 'string',
    label: 'Remote country (network connection)',
    get: (f) => nc(f)?.remoteIpDetails?.country?.countryName,
  },
  { name: 'service.action.networkConnectionAction.protocol', kind: 'string', label: 'Protocol', get: (f) => nc(f)?.protocol },
  { name: 'service.action.awsApiCallAction.api', kind: 'string', label: 'API name', get: (f) => api(f)?.api },
  { name: 'service.action.awsApiCallAction.serviceName', kind: 'string', label: 'API service', get: (f) => api(f)?.serviceName },
  { name: 'service.action.networkConnectionAction.blocked', kind: 'boolean', label: 'Blocked', get: (f) => nc(f)?.blocked },
  { name: 'service.count', kind: 'number', label: 'Count', get: (f) => f.service?.count },
] as const satisfies readonly SortAttributeDefinition[];

/** One of the 18 documented `sortCriteria.attributeName` values. */
export type SortAttributeName = (typeof DEFINITIONS)[number]['name'];

export interface SortAttribute extends SortAttributeDefinition {
  readonly name: SortAttributeName;
}

export const SORT_ATTRIBUTES: readonly SortAttribute[] = DEFINITIONS;

export const SORT_ATTRIBUTE_NAMES: readonly SortAttributeName[] = SORT_ATTRIBUTES.map((a) => a.name);

export const isSortAttributeName = (name: unknown): name is SortAttributeName => SORT_ATTRIBUTES.some((a) => a.name === name);

export function sortAttribute(name: string): SortAttribute | undefined {
  return SORT_ATTRIBUTES.find((a) => a.name === name);
}

/** The order a list is shown in: a documented attribute and a direction. */
export interface SortState {
  attribute: SortAttributeName;
  order: SortOrder;
}

/** A comparable key for a value of the given kind, or undefined when the value is missing or unusable. */
export function sortKey(kind: ValueKind, value: unknown): number | string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  switch (kind) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'timestamp':
      return parseTimestamp(value);
    case 'ipv4':
      return ipv4ToNumber(value);
    case 'boolean':
      return value === true || value === 'true' ? 1 : value === false || value === 'false' ? 0 : undefined;
    case 'string':
      return String(value);
  }
}

export type SortOrder = 'ASC' | 'DESC';

/**
 * Sorts findings the way the emulator answers `sortCriteria`: by value kind, findings that lack the
 * attribute last in either direction, finding id as a stable tie-break. Returns a new array.
 */
export function sortFindings<T extends Finding>(findings: readonly T[], attributeName: string, order: SortOrder): T[] {
  const attr = sortAttribute(attributeName);
  if (!attr) throw new Error(`Not a documented sort attribute: ${attributeName}`);
  const dir = order === 'DESC' ? -1 : 1;
  const keyed = findings.map((f) => ({ f, k: sortKey(attr.kind, attr.get(f)) }));
  keyed.sort((a, b) => {
    if (a.k === undefined || b.k === undefined) {
      if (a.k !== b.k) return a.k === undefined ? 1 : -1;
    } else if (a.k !== b.k) {
      return (a.k < b.k ? -1 : 1) * dir;
    }
    return a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0;
  });
  return keyed.map((x) => x.f);
}

/**
 * The table's data columns (pure metadata; cells live in columns.tsx). A column is sortable only
 * when a documented sort attribute backs it; `sortNote` names that attribute where the column
 * shows more than it.
 */
import type { SortAttributeName } from '../../guardduty';

export type ColumnId =
  | 'severity'
  | 'title'
  | 'type'
  | 'resource'
  | 'remoteIp'
  | 'account'
  | 'region'
  | 'count'
  | 'firstSeen'
  | 'lastSeen'
  | 'updated'
  | 'apiName'
  | 'apiService'
  | 'country'
  | 'localPort'
  | 'remotePort'
  | 'protocol'
  | 'blocked'
  | 'confidence'
  | 'created';

export interface ColumnInfo {
  id: ColumnId;
  label: string;
  /** A documented `sortCriteria.attributeName`, or none: no sort affordance. */
  sortAttribute?: SortAttributeName;
  /** Shown under the header when the column shows more than its sort attribute. */
  sortNote?: string;
  /** Width in px (table-layout: fixed keeps virtualized rows aligned); the title column takes what is left, at least this. */
  size: number;
  /**
   * Not shown unless the analyst turns it on in Columns, or the table is sorted by it: every sort
   * attribute has a column, so the value the rows are ordered by is always on screen.
   */
  optional?: boolean;
  /** Kept in the compact set (the map beside the table): what triage needs first. */
  compact?: boolean;
}

const NC = 'service.action.networkConnectionAction';

export const COLUMNS: readonly ColumnInfo[] = [
  { id: 'severity', label: 'Severity', sortAttribute: 'severity', size: 112, compact: true },
  { id: 'title', label: 'Title', size: 220, compact: true },
  { id: 'type', label: 'Finding type', sortAttribute: 'type', size: 172 },
  {
    id: 'resource',
    label: 'Resource',
    sortAttribute: 'resource.instanceDetails.instanceId',
    sortNote: 'sorts by instance ID',
    size: 168,
    compact: true,
  },
  { id: 'apiName', label: 'API name', sortAttribute: 'service.action.awsApiCallAction.api', size: 170, optional: true },
  { id: 'apiService', label: 'API service', sortAttribute: 'service.action.awsApiCallAction.serviceName', size: 170, optional: true },
  {
    id: 'remoteIp',
    label: 'Remote IP',
    sortAttribute: `${NC}.remoteIpDetails.ipAddressV4`,
    sortNote: 'sorts by network-connection IP',
    size: 150,
    compact: true,
  },
  { id: 'country', label: 'Country', sortAttribute: `${NC}.remoteIpDetails.country.countryName`, sortNote: 'network connection', size: 130, optional: true },
  { id: 'localPort', label: 'Local port', sortAttribute: `${NC}.localPortDetails.port`, sortNote: 'network connection', size: 110, optional: true },
  { id: 'remotePort', label: 'Remote port', sortAttribute: `${NC}.remotePortDetails.port`, sortNote: 'network connection', size: 110, optional: true },
  { id: 'protocol', label: 'Protocol', sortAttribute: `${NC}.protocol`, sortNote: 'network connection', size: 110, optional: true },
  { id: 'blocked', label: 'Blocked', sortAttribute: `${NC}.blocked`, sortNote: 'network connection', size: 110, optional: true },
  { id: 'account', label: 'Account', sortAttribute: 'accountId', size: 112 },
  { id: 'region', label: 'Region', size: 96 },
  { id: 'count', label: 'Count', sortAttribute: 'service.count', size: 64 },
  { id: 'confidence', label: 'Confidence', sortAttribute: 'confidence', size: 96, optional: true },
  { id: 'firstSeen', label: 'First seen', sortAttribute: 'service.eventFirstSeen', size: 96 },
  { id: 'created', label: 'Created', sortAttribute: 'createdAt', size: 96, optional: true },
  { id: 'lastSeen', label: 'Last seen', sortAttribute: 'service.eventLastSeen', size: 96, compact: true },
  { id: 'updated', label: 'Updated', sortAttribute: 'updatedAt', size: 96 },
];

/** Narrowest and widest a column can be resized to. */
export const MIN_COLUMN_WIDTH = 48;
export const MAX_COLUMN_WIDTH = 900;

export const COLUMN_IDS: readonly ColumnId[] = COLUMNS.map((c) => c.id);

export const columnInfo = (id: string): ColumnInfo | undefined => COLUMNS.find((c) => c.id === id);

export const COLUMN_SORT_ATTRIBUTES: Partial<Record<ColumnId, string>> = Object.fromEntries(
  COLUMNS.filter((c) => c.sortAttribute).map((c) => [c.id, c.sortAttribute!]),
);

/** The column that sorts by `attribute`, if any (otherwise the "Sort by" menu reaches it). */
export const columnForAttribute = (attribute: string): ColumnInfo | undefined => COLUMNS.find((c) => c.sortAttribute === attribute);

/**
 * The table's data columns (pure metadata; cells live in columns.tsx). A column is sortable only
 * when a documented sort attribute backs it; `sortNote` names that attribute where the column
 * shows more than it.
 */
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
  | 'updated';

export interface ColumnInfo {
  id: ColumnId;
  label: string;
  /** A documented `sortCriteria.attributeName`, or none: no sort affordance. */
  sortAttribute?: string;
  /** Shown under the header when the column shows more than its sort attribute. */
  sortNote?: string;
  /** Width in px (table-layout: fixed keeps virtualized rows aligned); the title column takes what is left, at least this. */
  size: number;
}

export const COLUMNS: readonly ColumnInfo[] = [
  { id: 'severity', label: 'Severity', sortAttribute: 'severity', size: 116 },
  { id: 'title', label: 'Title', size: 184 },
  { id: 'type', label: 'Finding type', sortAttribute: 'type', size: 190 },
  {
    id: 'resource',
    label: 'Resource',
    sortAttribute: 'resource.instanceDetails.instanceId',
    sortNote: 'sorts by instance ID',
    size: 150,
  },
  {
    id: 'remoteIp',
    label: 'Remote IP',
    sortAttribute: 'service.action.networkConnectionAction.remoteIpDetails.ipAddressV4',
    sortNote: 'sorts by network-connection IP',
    size: 170,
  },
  { id: 'account', label: 'Account', sortAttribute: 'accountId', size: 112 },
  { id: 'region', label: 'Region', size: 100 },
  { id: 'count', label: 'Count', sortAttribute: 'service.count', size: 60 },
  { id: 'firstSeen', label: 'First seen', sortAttribute: 'service.eventFirstSeen', size: 92 },
  { id: 'lastSeen', label: 'Last seen', sortAttribute: 'service.eventLastSeen', size: 92 },
  { id: 'updated', label: 'Updated', sortAttribute: 'updatedAt', size: 92 },
];

export const COLUMN_IDS: readonly ColumnId[] = COLUMNS.map((c) => c.id);

export const columnInfo = (id: string): ColumnInfo | undefined => COLUMNS.find((c) => c.id === id);

export const COLUMN_SORT_ATTRIBUTES: Partial<Record<ColumnId, string>> = Object.fromEntries(
  COLUMNS.filter((c) => c.sortAttribute).map((c) => [c.id, c.sortAttribute!]),
);

/** The column that sorts by `attribute`, if any (otherwise the "Sort by" menu reaches it). */
export const columnForAttribute = (attribute: string): ColumnInfo | undefined => COLUMNS.find((c) => c.sortAttribute === attribute);

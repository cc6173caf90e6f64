/** Sort state transitions for the table's headers and the "Sort by" menu (pure). */
import type { SortingState } from '@tanstack/react-table';
import { SORT_ATTRIBUTES, sortAttribute, type SortAttributeName, type SortState } from '../../guardduty';
import { DEFAULT_SORT } from '../../view/url-state';

export const isDefaultSort = (s: SortState) => s.attribute === DEFAULT_SORT.attribute && s.order === DEFAULT_SORT.order;

/**
 * Attributes whose first click sorts descending: what an analyst wants on top is the highest
 * severity (or confidence, or count), not the lowest.
 */
export const DESCENDING_FIRST: ReadonlySet<string> = new Set(['severity', 'confidence', 'service.count']);

/** The order a header's first click gives. */
export const firstOrder = (attribute: string): SortState['order'] => (DESCENDING_FIRST.has(attribute) ? 'DESC' : 'ASC');

/**
 * A sortable header cycles first order → the other → default; the first order is DESC for
 * severity, confidence and count, ASC otherwise. The default column (last seen, DESC) starts the
 * cycle at ASC, so every click changes something.
 */
export function nextHeaderSort(current: SortState, attribute: SortAttributeName): SortState {
  const first = firstOrder(attribute);
  const second = first === 'ASC' ? 'DESC' : 'ASC';
  if (current.attribute !== attribute) return { attribute, order: first };
  if (isDefaultSort(current)) return { attribute, order: 'ASC' };
  if (current.order === first) return { attribute, order: second };
  return DEFAULT_SORT;
}

/** The server's sort as TanStack Table's sorting state (manual sorting: one entry, by attribute name). */
export const toSorting = (s: SortState): SortingState => [{ id: s.attribute, desc: s.order === 'DESC' }];

/** TanStack Table's sorting state back as the server's sort; an empty state is the default sort. */
export function fromSorting(sorting: SortingState): SortState {
  const first = sorting[0];
  const attribute = first ? sortAttribute(first.id)?.name : undefined;
  return attribute ? { attribute, order: first.desc ? 'DESC' : 'ASC' } : DEFAULT_SORT;
}

/** `aria-sort` of a column that sorts by `attribute`. */
export function ariaSort(current: SortState, attribute: string): 'ascending' | 'descending' | 'none' {
  if (current.attribute !== attribute) return 'none';
  return current.order === 'ASC' ? 'ascending' : 'descending';
}

/** "Severity, highest first"-style wording of a sort, by value kind. */
export function describeSort(s: SortState): string {
  const attr = sortAttribute(s.attribute);
  const label = attr?.label ?? s.attribute;
  const asc = s.order === 'ASC';
  switch (attr?.kind) {
    case 'timestamp':
      return `${label}, ${asc ? 'oldest' : 'newest'} first`;
    case 'number':
      return `${label}, ${asc ? 'lowest' : 'highest'} first`;
    case 'boolean':
      return `${label}, ${asc ? 'false' : 'true'} first`;
    default:
      return `${label}, ${asc ? 'A to Z' : 'Z to A'}`;
  }
}

export const ALL_SORT_ATTRIBUTES = SORT_ATTRIBUTES;

/** Sort state transitions for the table's headers and the "Sort by" menu (pure). */
import { SORT_ATTRIBUTES, sortAttribute } from '../../guardduty';
import { DEFAULT_SORT, type SortState } from '../../app/url-state';

export const isDefaultSort = (s: SortState) => s.attribute === DEFAULT_SORT.attribute && s.order === DEFAULT_SORT.order;

/**
 * A sortable header cycles ASC → DESC → default. The default column (last seen, DESC) starts the
 * cycle at ASC, so every click changes something.
 */
export function nextHeaderSort(current: SortState, attribute: string): SortState {
  if (current.attribute !== attribute) return { attribute, order: 'ASC' };
  if (isDefaultSort(current)) return { attribute, order: 'ASC' };
  if (current.order === 'ASC') return { attribute, order: 'DESC' };
  return DEFAULT_SORT;
}

/** `aria-sort` of a column that sorts by `attribute`. */
export function ariaSort(current: SortState, attribute: string): 'ascending' | 'descending' | 'none' {
  if (current.attribute !== attribute) return 'none';
  return current.order === 'ASC' ? 'ascending' : 'descending';
}

export function sortLabel(attribute: string): string {
  return sortAttribute(attribute)?.label ?? attribute;
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

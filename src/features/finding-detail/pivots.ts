/**
 * Pivots: links from a value in the detail view to the findings table filtered on that value.
 * They change only the URL state (url-state.ts), through the list filters of filters.ts, whose
 * attributes are all GuardDuty filter attributes (pivots.test.ts checks them against
 * filter-attributes.ts, which stays out of this chunk).
 *
 * A pivot ADDS its value to the analyst's current filters (the way an analyst narrows down);
 * `replace` starts from a fresh set instead.
 */
import { ANY_PARAMS, DEFAULT_FILTERS, LIST_FILTERS, REMOTE_FILTER_PARAMS, type Filters } from '../../view/filters';
import { tableHref } from '../../view/paths';
import type { ViewState } from '../../view/url-state';
import type { Finding } from '../../guardduty';

/** The list filter of a URL parameter, if there is one. */
export function pivotFilter(param: string | undefined) {
  return LIST_FILTERS.find((f) => f.param === param);
}

/** The filter parameters for a remote IP and its country of one action type: the any-action forms (every action type's field). */
export function remoteParams(actionType: string | undefined): { ip?: string; country?: string } {
  return actionType && REMOTE_FILTER_PARAMS[actionType] ? { ip: ANY_PARAMS.ip, country: ANY_PARAMS.country } : {};
}

const ANY_OF: Record<string, 'ip' | 'country'> = { [ANY_PARAMS.ip]: 'ip', [ANY_PARAMS.country]: 'country' };

/**
 * The filters with one more value. Only one "any action" filter can apply at a time (see
 * src/api/any-criteria.ts), so a second one falls back to the field of the action type that holds
 * the value (`actionType`), which is exact for the finding it came from.
 */
export function withPivot(filters: Filters, param: string, value: string, actionType?: string): Filters {
  let key = param;
  const kind = ANY_OF[param];
  if (kind) {
    const otherAny = Object.keys(ANY_OF).some((p) => p !== param && (filters.lists[p]?.length || filters.lists[`${p}*`]?.length));
    const perAction = actionType ? REMOTE_FILTER_PARAMS[actionType]?.[kind] : undefined;
    if (otherAny && perAction) key = perAction;
  }
  const current = filters.lists[key] ?? [];
  if (current.includes(value)) return filters;
  return { ...filters, lists: { ...filters.lists, [key]: [...current, value] } };
}

/**
 * The findings view filtered on one more value: the current detector, sort and filters plus this
 * value (or, with `replace`, a fresh set of filters), archived findings included when this one is
 * archived, this finding selected.
 */
export function pivotHref(state: ViewState, finding: Finding, param: string, value: string, options: { replace?: boolean } = {}): string {
  const archived = finding.service?.archived;
  const base: Filters = options.replace ? { ...DEFAULT_FILTERS, lists: {} } : state.filters;
  const filters = withPivot(base, param, value, finding.service?.action?.actionType);
  return tableHref(state, {
    filters: { ...filters, archived: archived && filters.archived === 'current' ? 'all' : filters.archived },
    selected: finding.id,
  });
}

/** The findings view with the attack map open on a remote IP and this finding selected. */
export function attackMapHref(state: ViewState, finding: Finding, ip: string): string {
  return tableHref(state, { selected: finding.id, map: { ...state.map, open: true, ip } });
}

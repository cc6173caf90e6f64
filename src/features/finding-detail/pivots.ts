/**
 * Pivots: links from a value in the detail view to the findings table filtered on that value.
 * They change only the URL state (url-state.ts), through the list filters of filters.ts, whose
 * attributes are all GuardDuty filter attributes (pivots.test.ts checks them against
 * filter-attributes.ts, which stays out of this chunk).
 */
import { DEFAULT_FILTERS, LIST_FILTERS, REMOTE_FILTER_PARAMS } from '../../app/filters';
import { viewHref, type ViewState } from '../../app/url-state';
import type { Finding } from '../../guardduty';

/** The list filter of a URL parameter, if there is one. */
export function pivotFilter(param: string | undefined) {
  return LIST_FILTERS.find((f) => f.param === param);
}

/** The filter parameters for a remote IP and its country, by the action type that holds them. */
export function remoteParams(actionType: string | undefined): { ip?: string; country?: string } {
  return (actionType && REMOTE_FILTER_PARAMS[actionType]) || {};
}

/**
 * The findings view filtered to one value: the current detector and sort, a fresh set of
 * filters (archived findings included when this one is archived), this finding selected.
 */
export function pivotHref(state: ViewState, finding: Finding, param: string, value: string): string {
  return viewHref('/', {
    ...state,
    filters: { ...DEFAULT_FILTERS, archived: finding.service?.archived ? 'all' : 'current', lists: { [param]: [value] } },
    selected: finding.id,
  });
}

/** The findings view with the attack map open on a remote IP and this finding selected. */
export function attackMapHref(state: ViewState, finding: Finding, ip: string): string {
  return viewHref('/', { ...state, selected: finding.id, map: { ...state.map, open: true, ip } });
}

/** Remote IP details that the attack map plots (it reads these three action types). */
export const MAPPED_ACTION_TYPES = new Set(Object.keys(REMOTE_FILTER_PARAMS));

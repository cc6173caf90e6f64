/**
 * Every in-app link, built in one place: the findings table (with the list's state and any
 * change to it), the overview, and a finding's page (with where it lives and the list's state).
 * Links are real hrefs (middle-click opens a tab); router.ts matches the paths, url-state.ts
 * owns the query parameters.
 */
import type { Finding } from '../guardduty';
import { OVERVIEW_PATH } from './router';
import { findingLocation, viewHref, type ViewState } from './url-state';

export { OVERVIEW_PATH };
export const FINDINGS_PATH = '/';

/** A finding's path, without the view state. */
export function findingPath(findingId: string): string {
  return `/findings/${encodeURIComponent(findingId)}`;
}

/** The findings table with the view state, changed by `change` (filters, selection, map…). */
export function tableHref(state: ViewState, change: Partial<ViewState> = {}): string {
  return viewHref(FINDINGS_PATH, { ...state, ...change });
}

/** The table filtered on `filters`: nothing selected, no map IP picked (sort, scope and map kept). */
export function filteredTableHref(state: ViewState, filters: ViewState['filters']): string {
  return tableHref(state, { filters, selected: undefined, map: { ...state.map, ip: undefined } });
}

/** The overview of the view's scope and filters. */
export function overviewHref(state: ViewState, change: Partial<ViewState> = {}): string {
  return viewHref(OVERVIEW_PATH, { ...state, ...change });
}

/** A screen of the same view (the Findings | Overview tabs, the region switch). */
export function screenHref(screen: 'findings' | 'overview', state: ViewState, change: Partial<ViewState> = {}): string {
  return screen === 'overview' ? overviewHref(state, change) : tableHref(state, change);
}

/**
 * A finding's page, keeping the list's state (its scope, filters and sort: the detail steps
 * through that list) and selecting the finding. In all-regions mode the link says where the
 * finding lives: read from the finding when it is given (and tells), else `at`.
 */
export function findingHref(state: ViewState, finding: Finding | string, at?: ViewState['finding']): string {
  const id = typeof finding === 'string' ? finding : finding.id;
  const where = (typeof finding === 'string' ? undefined : findingLocation(state, finding)) ?? at;
  return viewHref(findingPath(id), { ...state, selected: id, finding: where });
}

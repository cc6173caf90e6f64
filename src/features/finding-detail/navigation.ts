/**
 * Moving between findings from the detail view, in the findings table's current order (the
 * list query of the URL's scope — one detector or all regions —, filters and sort, shared with
 * the table through the cache), and back to the table.
 */
import { useEffect, useMemo } from 'react';
import { requestRowReveal } from '../../view/detail-panel';
import { findingHref, tableHref as listHref } from '../../view/paths';
import { navigate, previousLocation } from '../../view/router';
import { useScope } from '../../view/scope';
import { findingLocation, parseViewState, type ViewState } from '../../view/url-state';
import { useFindingsList } from '../../view/findings-view';
import type { Finding } from '../../guardduty';

const currentState = () => parseViewState(new URLSearchParams(window.location.search));

/**
 * A finding's detail URL, keeping the view state (table order) and selecting it. In all-regions
 * mode it says where the finding lives: `at`, or (a finding of the same detector: a sequence's
 * member, a scan's finding) where the finding on screen lives.
 */
export const detailHref = (findingId: string, at: ViewState['finding'] = currentState().finding) =>
  findingHref(currentState(), findingId, at);

/** The findings table with this finding selected. */
export const tableHref = (findingId: string) => listHref(currentState(), { selected: findingId });

/**
 * Back to the table. When the previous history entry is the table, go back to it (the browser
 * and the table keep its scroll position) and select the finding shown last; otherwise (a pasted
 * link) open the table. Either way the finding's row is brought into view and focused.
 */
export function backToTable(findingId: string): void {
  requestRowReveal(findingId);
  const from = previousLocation();
  const fromUrl = from ? new URL(from, 'http://local') : undefined;
  if (fromUrl?.pathname !== '/') {
    navigate(tableHref(findingId));
    return;
  }
  if (fromUrl.searchParams.get('selected') !== findingId) {
    window.addEventListener('popstate', () => navigate(tableHref(findingId), { replace: true }), { once: true });
  }
  window.history.back();
}

export interface Neighbours {
  /** Position in the loaded list, -1 when the finding is not in it. */
  index: number;
  loaded: number;
  /** More findings exist beyond the loaded ones. */
  more: boolean;
  pending: boolean;
  previous?: Finding;
  next?: Finding;
}

/** Previous and next finding in the table's order; loads the next page when this is the last loaded one. */
export function useNeighbours(findingId: string): Neighbours {
  const { scope } = useScope();
  // The table's list (the view's query, shared through the cache), as loaded so far, in its order.
  const { findings: list, query, loadMore } = useFindingsList(scope);
  const ids = useMemo(() => list.map((f) => f.id), [list]);
  const index = ids.indexOf(findingId);
  const isLast = index >= 0 && index === ids.length - 1;
  useEffect(() => {
    if (isLast) loadMore();
  }, [isLast, loadMore]);
  return {
    index,
    loaded: ids.length,
    more: !!query.hasNextPage,
    pending: query.isPending || query.isFetchingNextPage,
    previous: index > 0 ? list[index - 1] : undefined,
    next: index >= 0 && index < list.length - 1 ? list[index + 1] : undefined,
  };
}

/** Shows another finding of the list in place of this one: one history entry for the detail, so Back returns to the table. */
export function goToFinding(finding: Finding): void {
  navigate(detailHref(finding.id, findingLocation(currentState(), finding)), { replace: true });
}

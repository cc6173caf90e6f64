/**
 * Moving between findings from the detail view, in the findings table's current order (the
 * list query of the URL's detector, filters and sort, shared with the table through the cache),
 * and back to the table.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { findingsQuery } from '../../api/queries';
import { findingPath, navigate, previousLocation } from '../../app/router';
import { parseViewState, useFindingCriteria, useViewState, viewHref } from '../../app/url-state';

const currentState = () => parseViewState(new URLSearchParams(window.location.search));

/** A finding's detail URL, keeping the view state (table order) and selecting it. */
export const detailHref = (findingId: string) => viewHref(findingPath(findingId), { ...currentState(), selected: findingId });

/** The findings table with this finding selected. */
export const tableHref = (findingId: string) => viewHref('/', { ...currentState(), selected: findingId });

/**
 * Back to the table. When the previous history entry is the table, go back to it (the browser
 * and the table keep its scroll position) and select the finding shown last; otherwise (a pasted
 * link) open the table.
 */
export function backToTable(findingId: string): void {
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
  previous?: string;
  next?: string;
}

/** Previous and next finding in the table's order; loads the next page when this is the last loaded one. */
export function useNeighbours(detectorId: string | undefined, findingId: string): Neighbours {
  const { state } = useViewState();
  const criteria = useFindingCriteria(state.filters);
  const { data, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage, isPending } = useInfiniteQuery({
    ...findingsQuery(detectorId ?? '', criteria, state.sort),
    enabled: !!detectorId,
  });
  // As the table lists them: ListFindings order, an id seen on an earlier page not repeated.
  const ids = useMemo(() => [...new Set(data?.pages.flatMap((p) => p.findings.map((f) => f.id)))], [data]);
  const index = ids.indexOf(findingId);
  const isLast = index >= 0 && index === ids.length - 1;
  useEffect(() => {
    if (isLast && hasNextPage && !isFetchingNextPage && !isFetchNextPageError) void fetchNextPage({ cancelRefetch: false });
  }, [isLast, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);
  return {
    index,
    loaded: ids.length,
    more: !!hasNextPage,
    pending: isPending || isFetchingNextPage,
    previous: index > 0 ? ids[index - 1] : undefined,
    next: index >= 0 && index < ids.length - 1 ? ids[index + 1] : undefined,
  };
}

/** Shows another finding in place of this one: one history entry for the detail, so Back returns to the table. */
export function goToFinding(findingId: string): void {
  navigate(detailHref(findingId), { replace: true });
}

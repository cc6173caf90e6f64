/**
 * The overview's queries. Every panel follows the view's filters; each query is one
 * GetFindingsStatistics request, keyed by the key factory so that panels sharing a question share
 * the request (React Query deduplicates identical keys).
 *
 *   trend             4 × groupBy DATE, one per severity band (bands outside the severity filter are not asked)
 *   top lists         groupBy FINDING_TYPE, RESOURCE, ACCOUNT (10 each)
 *   severity          the sums of the four DATE lists (exact while each holds every day, < 100 days);
 *                     otherwise one COUNT_BY_SEVERITY request
 *   triage aging      one COUNT_BY_SEVERITY request per distinct target (3 with the defaults)
 */
import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { groupedStatisticsQuery, statisticsQuery } from '../../api/queries';
import type { Scope } from '../../api/scope';
import { criteriaFromFilters, type Filters } from '../../view/filters';
import { useAnchorTime } from '../../view/url-state';
import { readJsonPreference, writeJsonPreference } from '../../lib/preferences';
import { countsByBand, type SeverityBand } from '../../lib/severity';
import type { GetFindingsStatisticsResponse } from '../../guardduty';
import { agingGroups, bandsInFilter, bandTotalFromDates, DATE_MAX_RESULTS, sanitizeTargets, TOP_N, withBand, type AgingTargets } from './model';

/** The criteria of the filters at the anchor time (stable between refreshes). */
export function useOverviewCriteria(filters: Filters) {
  const now = useAnchorTime();
  const key = JSON.stringify(filters);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the filters' content
  const criteria = useMemo(() => criteriaFromFilters(filters, now), [key, now]);
  return { now, criteria };
}

/** One DATE query per band in the severity filter, newest day first, up to 100 days. */
export function useTrendQueries(scope: Scope, filters: Filters, now: number) {
  const bands = bandsInFilter(filters);
  const results = useQueries({
    queries: bands.map((band) =>
      groupedStatisticsQuery(scope, {
        groupBy: 'DATE',
        findingCriteria: criteriaFromFilters(withBand(filters, band), now),
        orderBy: 'DESC',
        maxResults: DATE_MAX_RESULTS,
      }),
    ),
  });
  return { bands, results };
}

export function useTopQuery(scope: Scope, groupBy: 'FINDING_TYPE' | 'RESOURCE' | 'ACCOUNT', criteria: ReturnType<typeof criteriaFromFilters>) {
  return useQuery(groupedStatisticsQuery(scope, { groupBy, findingCriteria: criteria, orderBy: 'DESC', maxResults: TOP_N }));
}

export interface SeverityBreakdown {
  counts?: Record<SeverityBand, number>;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  retry: () => void;
}

/**
 * Findings per band: summed from the trend's DATE lists when each holds every day (no request of
 * its own), else from one COUNT_BY_SEVERITY request over the filters.
 */
export function useSeverityBreakdown(
  scope: Scope,
  criteria: ReturnType<typeof criteriaFromFilters>,
  trend: { bands: SeverityBand[]; results: UseQueryResult<GetFindingsStatisticsResponse>[] },
): SeverityBreakdown {
  const { bands, results } = trend;
  const settled = results.every((r) => r.isSuccess);
  const totals = bands.map((_, i) => (results[i].data ? bandTotalFromDates(results[i].data.findingStatistics?.groupedByDate) : undefined));
  const derivable = settled && totals.every((t) => t !== undefined);
  const fallback = useQuery({ ...statisticsQuery(scope, criteria), enabled: settled && !derivable });
  if (derivable) {
    const counts: Record<SeverityBand, number> = { low: 0, medium: 0, high: 0, critical: 0 };
    bands.forEach((band, i) => (counts[band] = totals[i]!));
    return { counts, isPending: false, isError: false, error: null, retry: () => {} };
  }
  const trendError = results.find((r) => r.isError);
  if (trendError) {
    return { isPending: false, isError: true, error: trendError.error, retry: () => results.forEach((r) => r.isError && void r.refetch()) };
  }
  if (!settled || fallback.isPending) return { isPending: true, isError: false, error: null, retry: () => {} };
  if (fallback.isError) return { isPending: false, isError: true, error: fallback.error, retry: () => void fallback.refetch() };
  return { counts: countsByBand(fallback.data.findingStatistics?.countBySeverity), isPending: false, isError: false, error: null, retry: () => {} };
}

// Aging targets, per browser.
const TARGETS_KEY = 'fa.agingTargets';
const targetListeners = new Set<() => void>();
let targetsCache: { raw: string | null; value: AgingTargets } | undefined;

function readTargets(): AgingTargets {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(TARGETS_KEY);
  } catch {
    // no storage: defaults
  }
  if (!targetsCache || targetsCache.raw !== raw) targetsCache = { raw, value: sanitizeTargets(readJsonPreference(TARGETS_KEY, null)) };
  return targetsCache.value;
}

export function useAgingTargets(): [AgingTargets, (targets: AgingTargets) => void] {
  const targets = useSyncExternalStore(
    (l) => {
      targetListeners.add(l);
      return () => targetListeners.delete(l);
    },
    readTargets,
    readTargets,
  );
  const set = useCallback((next: AgingTargets) => {
    writeJsonPreference(TARGETS_KEY, next);
    targetListeners.forEach((l) => l());
  }, []);
  return [targets, set];
}

/** Overdue current findings per band: one COUNT_BY_SEVERITY request per distinct target. */
export function useAging(scope: Scope, filters: Filters, targets: AgingTargets, now: number) {
  const groups = agingGroups(filters, targets, now);
  const results = useQueries({ queries: groups.map((g) => statisticsQuery(scope, g.criteria)) });
  const counts: Partial<Record<SeverityBand, number>> = {};
  groups.forEach((g, i) => {
    const data = results[i].data;
    if (!data) return;
    const byBand = countsByBand(data.findingStatistics?.countBySeverity);
    for (const band of g.bands) counts[band] = byBand[band];
  });
  return {
    counts,
    bands: bandsInFilter(filters),
    isPending: results.some((r) => r.isPending),
    error: results.find((r) => r.isError)?.error,
    retry: () => results.forEach((r) => r.isError && void r.refetch()),
  };
}

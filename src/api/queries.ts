/**
 * React Query options for every read the SPA makes, with hierarchical keys (TkDodo's key
 * factories). Findings load as ListFindings → GetFindings, 50 ids a page: never one request
 * per finding.
 */
import { infiniteQueryOptions, queryOptions, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import type { Finding, FindingCriteria, ListFindingsResponse } from '../guardduty';
import type { SortState } from '../app/url-state';
import {
  fetchHealth,
  getDetector,
  getFindings,
  getFindingsStatistics,
  getGroupedFindingsStatistics,
  listDetectors,
  listFindings,
  type GroupedStatisticsInput,
} from './client';

export const PAGE_SIZE = 50;

export const queryKeys = {
  health: ['health'] as const,
  detectors: ['detectors'] as const,
  detector: (detectorId: string) => ['detectors', detectorId] as const,
  findingsRoot: (detectorId: string) => ['findings', detectorId] as const,
  findings: (detectorId: string, criteria: FindingCriteria, sort: SortState) => ['findings', detectorId, 'list', { criteria, sort }] as const,
  finding: (detectorId: string, findingId: string) => ['findings', detectorId, 'one', findingId] as const,
  statistics: (detectorId: string, criteria: FindingCriteria) => ['findings', detectorId, 'statistics', criteria] as const,
  /** Every grouped statistics query of a detector (the overview's panels). */
  groupedStatisticsRoot: (detectorId: string) => ['findings', detectorId, 'statistics', 'grouped'] as const,
  groupedStatistics: (detectorId: string, input: GroupedStatisticsInput) => ['findings', detectorId, 'statistics', 'grouped', input] as const,
};

export const healthQuery = () => queryOptions({ queryKey: queryKeys.health, queryFn: ({ signal }) => fetchHealth(signal), staleTime: Infinity });

export const detectorsQuery = () =>
  queryOptions({ queryKey: queryKeys.detectors, queryFn: ({ signal }) => listDetectors(signal), staleTime: 5 * 60_000 });

export const detectorQuery = (detectorId: string) =>
  queryOptions({ queryKey: queryKeys.detector(detectorId), queryFn: ({ signal }) => getDetector(detectorId, signal), staleTime: 5 * 60_000 });

/** One page of the findings list: ids in ListFindings order, the findings in that order. */
export interface FindingsPage {
  ids: string[];
  findings: Finding[];
  /** Ids ListFindings named that GetFindings no longer returned (deleted or archived away meanwhile). */
  missingIds: string[];
  nextToken?: string;
}

/** The ListFindings body of a findings list page (the view's criteria and sort). */
export function listFindingsBody(criteria: FindingCriteria, sort: SortState, nextToken: string | undefined, maxResults = PAGE_SIZE) {
  return { findingCriteria: criteria, sortCriteria: { attributeName: sort.attribute, orderBy: sort.order }, maxResults, ...(nextToken ? { nextToken } : {}) };
}

/** A page from ListFindings' ids and GetFindings' bodies, in ListFindings' order. */
export function assembleFindingsPage(ids: string[], findings: Finding[], nextToken: string | undefined): FindingsPage {
  const byId = new Map(findings.map((f) => [f.id, f]));
  return {
    ids,
    findings: ids.map((id) => byId.get(id)).filter((f): f is Finding => f !== undefined),
    missingIds: ids.filter((id) => !byId.has(id)),
    // AWS ends the list with "" — treat it like no token.
    nextToken: nextToken || undefined,
  };
}

/** Fetches one page: ListFindings gives the order, GetFindings the bodies, in ListFindings' order. */
export async function fetchFindingsPage(
  detectorId: string,
  criteria: FindingCriteria,
  sort: SortState,
  nextToken: string | undefined,
  signal?: AbortSignal,
): Promise<FindingsPage> {
  const list: ListFindingsResponse = await listFindings(detectorId, listFindingsBody(criteria, sort, nextToken), signal);
  const ids = list.findingIds ?? [];
  const { findings } = ids.length > 0 ? await getFindings(detectorId, ids, signal) : { findings: [] as Finding[] };
  return assembleFindingsPage(ids, findings, list.nextToken);
}

export const findingsQuery = (detectorId: string, criteria: FindingCriteria, sort: SortState) =>
  infiniteQueryOptions({
    queryKey: queryKeys.findings(detectorId, criteria, sort),
    queryFn: ({ pageParam, signal }) => fetchFindingsPage(detectorId, criteria, sort, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextToken,
    // Never stale on its own: an infinite list refetches every loaded page when stale (400 sequential
    // requests for 10,000 findings on returning to the table). Refresh and "N new findings" are explicit.
    staleTime: Infinity,
  });

export const statisticsQuery = (detectorId: string, criteria: FindingCriteria) =>
  queryOptions({
    queryKey: queryKeys.statistics(detectorId, criteria),
    queryFn: ({ signal }) => getFindingsStatistics(detectorId, criteria, signal),
    // Refreshed with the list it counts (Refresh invalidates both), so "N of M" stays consistent.
    staleTime: Infinity,
  });

/** One GetFindingsStatistics `groupBy` query (ACCOUNT, DATE, FINDING_TYPE, RESOURCE or SEVERITY). */
export const groupedStatisticsQuery = (detectorId: string, input: GroupedStatisticsInput) =>
  queryOptions({
    queryKey: queryKeys.groupedStatistics(detectorId, input),
    queryFn: ({ signal }) => getGroupedFindingsStatistics(detectorId, input, signal),
    // Like the table's counts: refreshed when the analyst asks (Refresh invalidates the detector's findings).
    staleTime: Infinity,
  });

/** A finding already loaded by any findings list in the cache, so opening it costs no request. */
export function findLoadedFinding(client: QueryClient, detectorId: string, findingId: string): Finding | undefined {
  const lists = client.getQueriesData<InfiniteData<FindingsPage>>({ queryKey: [...queryKeys.findingsRoot(detectorId), 'list'] });
  for (const [, data] of lists) {
    for (const page of data?.pages ?? []) {
      const hit = page.findings.find((f) => f.id === findingId);
      if (hit) return hit;
    }
  }
  return undefined;
}

export const findingQuery = (client: QueryClient, detectorId: string, findingId: string) =>
  queryOptions({
    queryKey: queryKeys.finding(detectorId, findingId),
    queryFn: async ({ signal }) => {
      const { findings } = await getFindings(detectorId, [findingId], signal);
      // GetFindings leaves unknown ids out: null means "no such finding", which the UI says plainly.
      return findings.find((f) => f.id === findingId) ?? null;
    },
    initialData: () => findLoadedFinding(client, detectorId, findingId),
    staleTime: 60_000,
  });

/** Severity counts per band value as GetFindingsStatistics returns them ("8.0": 12). */
export function totalFromStatistics(countBySeverity: Record<string, number> | undefined): number | undefined {
  if (!countBySeverity) return undefined;
  return Object.values(countBySeverity).reduce((a, b) => a + b, 0);
}

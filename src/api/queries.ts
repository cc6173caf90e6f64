/**
 * React Query options for every read the SPA makes, with hierarchical keys (TkDodo's key
 * factories). Findings load as ListFindings → GetFindings, 50 ids a page: never one request
 * per finding.
 */
import { infiniteQueryOptions, queryOptions, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import type { Finding, FindingCriteria, GetFindingsStatisticsResponse, SortState } from '../guardduty';
import {
  fetchHealth,
  getAllRegionsStatistics,
  getFindings,
  getFindingsStatistics,
  getGroupedFindingsStatistics,
  groupedStatisticsBody,
  listAllRegionsFindings,
  listDetectors,
  listFindings,
  listRegions,
  severityStatisticsBody,
  type AllRegionsStatisticsResponse,
  type GroupedStatisticsInput,
  type RegionResult,
} from './client';
import { scopeKey, type DetectorRef, type Scope } from './scope';
import { expandCriteria, hasAnyAttribute } from './any-criteria';
import { unionListFetchers, unionStatistics } from './union';

export const PAGE_SIZE = 50;

export const queryKeys = {
  health: ['health'] as const,
  regions: ['regions'] as const,
  detectors: (region?: string) => ['detectors', region ?? 'default'] as const,
  /** Everything read from a scope's findings: Refresh invalidates it. */
  findingsRoot: (scope: Scope) => ['findings', scopeKey(scope)] as const,
  findingsLists: () => ['findings'] as const,
  findings: (scope: Scope, criteria: FindingCriteria, sort: SortState) => ['findings', scopeKey(scope), 'list', { criteria, sort }] as const,
  finding: (ref: DetectorRef, findingId: string) => ['findings', scopeKey({ kind: 'detector', ...ref }), 'one', findingId] as const,
  /** Every statistics query of a scope (the overview's Refresh). */
  statisticsRoot: (scope: Scope) => ['findings', scopeKey(scope), 'statistics'] as const,
  statistics: (scope: Scope, criteria: FindingCriteria) => ['findings', scopeKey(scope), 'statistics', criteria] as const,
  /** Every grouped statistics query of a scope (the overview's panels). */
  groupedStatisticsRoot: (scope: Scope) => ['findings', scopeKey(scope), 'statistics', 'grouped'] as const,
  groupedStatistics: (scope: Scope, input: GroupedStatisticsInput) => ['findings', scopeKey(scope), 'statistics', 'grouped', input] as const,
  /** The new-findings poll of a list's criteria (page 1's ids, most recently updated first). */
  poll: (scope: Scope, criteria: FindingCriteria) => ['findings', scopeKey(scope), 'poll', criteria] as const,
  /** The members of an attack sequence, and a finding looked up by ARN (the detail view's sequence section). */
  sequenceMembers: (ref: DetectorRef, sequenceArn: string) => ['findings', scopeKey({ kind: 'detector', ...ref }), 'sequence-members', sequenceArn] as const,
  findingByArn: (ref: DetectorRef, arn: string) => ['findings', scopeKey({ kind: 'detector', ...ref }), 'by-arn', arn] as const,
};

export const healthQuery = () => queryOptions({ queryKey: queryKeys.health, queryFn: ({ signal }) => fetchHealth(signal), staleTime: Infinity });

/** The regions the server covers, each with its detector and status (the server caches discovery for minutes). */
export const regionsQuery = () => queryOptions({ queryKey: queryKeys.regions, queryFn: ({ signal }) => listRegions(signal), staleTime: 5 * 60_000 });

/** ListDetectors of a region (undefined: the server's default region). */
export const detectorsQuery = (region?: string) =>
  queryOptions({ queryKey: queryKeys.detectors(region), queryFn: ({ signal }) => listDetectors(region, signal), staleTime: 5 * 60_000 });

/** One page of the findings list: ids in ListFindings order, the findings in that order. */
export interface FindingsPage {
  ids: string[];
  findings: Finding[];
  /** Ids ListFindings named that GetFindings no longer returned (deleted or archived away meanwhile). */
  missingIds: string[];
  nextToken?: string;
  /** All regions: how each region answered this page (ok, throttled, error, not enabled, no detector). */
  regions?: RegionResult[];
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

/**
 * A list's two steps, per scope: the ordered ids of a page, then the findings of up to 50 ids.
 * One detector: ListFindings, then GetFindings. All regions: one merged request answers both
 * (the server fans out); its findings wait in `bodies` for the second step, which costs nothing.
 */
export function listFetchers(scope: Scope, criteria: FindingCriteria, sort: SortState) {
  // "Any action" filters: the merged, de-duplicated streams of their alternatives (union.ts).
  if (hasAnyAttribute(criteria)) {
    const alternatives = expandCriteria(criteria);
    if (alternatives.length > 1) return unionListFetchers(scope, alternatives, sort);
    criteria = alternatives[0];
  }
  if (scope.kind === 'detector') {
    return {
      list: async (nextToken: string | undefined, maxResults: number, signal?: AbortSignal) => {
        const res = await listFindings(scope, listFindingsBody(criteria, sort, nextToken, maxResults), signal);
        return { findingIds: res.findingIds ?? [], nextToken: res.nextToken, regions: undefined as RegionResult[] | undefined };
      },
      get: (ids: string[], signal?: AbortSignal) => getFindings(scope, ids, signal),
    };
  }
  const bodies = new Map<string, Finding>();
  return {
    list: async (nextToken: string | undefined, maxResults: number, signal?: AbortSignal) => {
      const res = await listAllRegionsFindings(listFindingsBody(criteria, sort, nextToken, maxResults), signal);
      const findings = res.findings ?? [];
      for (const f of findings) bodies.set(f.id, f);
      return { findingIds: findings.map((f) => f.id), nextToken: res.nextToken, regions: res.regions as RegionResult[] | undefined };
    },
    get: async (ids: string[]) => {
      const findings = ids.map((id) => bodies.get(id)).filter((f): f is Finding => f !== undefined);
      for (const id of ids) bodies.delete(id);
      return { findings };
    },
  };
}

/** Fetches one page of a scope's list, in the list's order (see listFetchers). */
export async function fetchFindingsPage(
  scope: Scope,
  criteria: FindingCriteria,
  sort: SortState,
  nextToken: string | undefined,
  signal?: AbortSignal,
): Promise<FindingsPage> {
  const fetchers = listFetchers(scope, criteria, sort);
  const list = await fetchers.list(nextToken, PAGE_SIZE, signal);
  const ids = list.findingIds;
  const { findings } = ids.length > 0 ? await fetchers.get(ids, signal) : { findings: [] as Finding[] };
  const page = assembleFindingsPage(ids, findings, list.nextToken);
  return list.regions ? { ...page, regions: list.regions } : page;
}

export const findingsQuery = (scope: Scope, criteria: FindingCriteria, sort: SortState) =>
  infiniteQueryOptions({
    queryKey: queryKeys.findings(scope, criteria, sort),
    queryFn: ({ pageParam, signal }) => fetchFindingsPage(scope, criteria, sort, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextToken,
    // Never stale on its own: an infinite list refetches every loaded page when stale (400 sequential
    // requests for 10,000 findings on returning to the table). Refresh and "N new findings" are explicit.
    staleTime: Infinity,
  });

/** GetFindingsStatistics of a scope; all regions: summed by the server, each region's own in `regions`. */
export type StatisticsAnswer = GetFindingsStatisticsResponse & { regions?: AllRegionsStatisticsResponse['regions'] };

export const statisticsQuery = (scope: Scope, criteria: FindingCriteria) =>
  queryOptions({
    queryKey: queryKeys.statistics(scope, criteria),
    queryFn: ({ signal }): Promise<StatisticsAnswer> => {
      // "Any action" filters: exact counts of the union by inclusion–exclusion (union.ts).
      const alternatives = hasAnyAttribute(criteria) ? expandCriteria(criteria) : [criteria];
      if (alternatives.length > 1) return unionStatistics(scope, alternatives, signal) as Promise<StatisticsAnswer>;
      const wire = alternatives[0];
      return scope.kind === 'all' ? getAllRegionsStatistics(severityStatisticsBody(wire), signal) : getFindingsStatistics(scope, wire, signal);
    },
    // Refreshed with the list it counts (Refresh invalidates both), so "N of M" stays consistent.
    staleTime: Infinity,
  });

/** One GetFindingsStatistics `groupBy` query (ACCOUNT, DATE, FINDING_TYPE, RESOURCE or SEVERITY). */
export const groupedStatisticsQuery = (scope: Scope, input: GroupedStatisticsInput) =>
  queryOptions({
    queryKey: queryKeys.groupedStatistics(scope, input),
    queryFn: ({ signal }): Promise<StatisticsAnswer> => {
      const alternatives = hasAnyAttribute(input.findingCriteria) ? expandCriteria(input.findingCriteria) : [input.findingCriteria];
      // Grouped counts are cut to the top N per query, so inclusion–exclusion over them would be
      // wrong for groups cut from one term but not another: refused rather than approximated.
      if (alternatives.length > 1) {
        return Promise.reject(
          new Error('Grouped counts are not available with an "any action" filter (Remote IP or Country of any action); use the per-action filter for this view.'),
        );
      }
      const wire = { ...input, ...(alternatives[0] ? { findingCriteria: alternatives[0] } : {}) };
      return scope.kind === 'all' ? getAllRegionsStatistics(groupedStatisticsBody(wire), signal) : getGroupedFindingsStatistics(scope, wire, signal);
    },
    // Like the table's counts: refreshed when the analyst asks (Refresh invalidates the scope's findings).
    staleTime: Infinity,
  });

/** The first page's ids of a scope's list (the new-findings poll). */
export async function firstPageIds(scope: Scope, criteria: FindingCriteria, sort: SortState, signal?: AbortSignal): Promise<string[]> {
  return (await listFetchers(scope, criteria, sort).list(undefined, PAGE_SIZE, signal)).findingIds;
}

/**
 * A finding already loaded by any findings list in the cache (its detector's or all regions'), so
 * opening it costs no request. Matched by id and, where the ref names one, region.
 */
export function findLoadedFinding(client: QueryClient, ref: DetectorRef, findingId: string): Finding | undefined {
  const lists = client.getQueriesData<InfiniteData<FindingsPage>>({ queryKey: queryKeys.findingsLists() });
  for (const [key, data] of lists) {
    if (key[2] !== 'list') continue;
    for (const page of data?.pages ?? []) {
      const hit = page.findings.find(
        (f) => f.id === findingId && (!ref.region || f.region === ref.region) && (f.service?.detectorId ?? ref.detectorId) === ref.detectorId,
      );
      if (hit) return hit;
    }
  }
  return undefined;
}

export const findingQuery = (client: QueryClient, ref: DetectorRef, findingId: string) =>
  queryOptions({
    queryKey: queryKeys.finding(ref, findingId),
    queryFn: async ({ signal }) => {
      const { findings } = await getFindings(ref, [findingId], signal);
      // GetFindings leaves unknown ids out: null means "no such finding", which the UI says plainly.
      return findings.find((f) => f.id === findingId) ?? null;
    },
    initialData: () => findLoadedFinding(client, ref, findingId),
    staleTime: 60_000,
  });

/** Severity counts per band value as GetFindingsStatistics returns them ("8.0": 12). */
export function totalFromStatistics(countBySeverity: Record<string, number> | undefined): number | undefined {
  if (!countBySeverity) return undefined;
  return Object.values(countBySeverity).reduce((a, b) => a + b, 0);
}

/**
 * Lists and counts of a union of criteria (the "any action" filters, see any-criteria.ts), in
 * either scope. Each alternative is an ordinary stream of its scope (ListFindings → GetFindings
 * of one detector, or the server's merged all-regions pages); the streams are merged with
 * src/guardduty/merge.ts under the emulator's / GuardDuty's comparator and de-duplicated by id.
 *
 * Paging is stateless, like the all-regions endpoint: the page token records, per stream, the
 * stream's own token at the start of the page holding its next unread finding and how many of
 * that page were already read. A page re-reads at most one partly read page per stream.
 */
import type { Finding, FindingCriteria, SortState } from '../guardduty';
import { findingComparator, mergeStep, needsLookahead, type StreamBuffer } from '../guardduty/merge';
import { combineCounts, inclusionExclusionTerms } from './any-criteria';
import {
  getAllRegionsStatistics,
  getFindings,
  getFindingsStatistics,
  listAllRegionsFindings,
  listFindings,
  severityStatisticsBody,
  type AllRegionsStatisticsResponse,
  type RegionResult,
} from './client';
import type { Scope } from './scope';

/** The ListFindings page size of each stream (GuardDuty's maximum). */
const STREAM_PAGE = 50;

interface StreamPage {
  ids: string[];
  findings: Finding[];
  nextToken?: string;
  regions?: RegionResult[];
}

/** One page of one alternative, findings in the stream's order. */
async function streamPage(scope: Scope, criteria: FindingCriteria, sort: SortState, token: string | undefined, signal?: AbortSignal): Promise<StreamPage> {
  const body = {
    findingCriteria: criteria,
    sortCriteria: { attributeName: sort.attribute, orderBy: sort.order },
    maxResults: STREAM_PAGE,
    ...(token ? { nextToken: token } : {}),
  };
  if (scope.kind === 'all') {
    const res = await listAllRegionsFindings(body, signal);
    const findings = res.findings ?? [];
    return { ids: findings.map((f) => f.id), findings, nextToken: res.nextToken || undefined, regions: res.regions };
  }
  const res = await listFindings(scope, body, signal);
  const ids = res.findingIds ?? [];
  const { findings } = ids.length > 0 ? await getFindings(scope, ids, signal) : { findings: [] as Finding[] };
  const byId = new Map(findings.map((f) => [f.id, f]));
  // GetFindings leaves out ids it no longer knows; the order is ListFindings'.
  return { ids, findings: ids.map((id) => byId.get(id)).filter((f): f is Finding => !!f), nextToken: res.nextToken || undefined };
}

/** Where a stream stands: its token at the start of the page holding the next unread item, and how many of that page are read. */
interface Position {
  t?: string;
  k: number;
  d?: 1;
}

interface Cursor {
  v: 1;
  p: Position[];
  last?: string;
}

const encodeCursor = (c: Cursor) => `union:${JSON.stringify(c)}`;
function decodeCursor(token: string | undefined, streams: number): Cursor {
  if (!token) return { v: 1, p: Array.from({ length: streams }, () => ({ k: 0 })) };
  const parsed = JSON.parse(token.slice('union:'.length)) as Cursor;
  if (parsed.v !== 1 || parsed.p.length !== streams) throw new Error('This page token belongs to a different list; reload the view.');
  return parsed;
}

/** Region answers of several streams as one list: a region is ok only where every stream found it ok. */
function mergeRegionResults(lists: (RegionResult[] | undefined)[]): RegionResult[] | undefined {
  const present = lists.filter((l): l is RegionResult[] => !!l);
  if (present.length === 0) return undefined;
  const byRegion = new Map<string, RegionResult>();
  for (const list of present) {
    for (const r of list) {
      const seen = byRegion.get(r.region);
      if (!seen || (seen.status === 'ok' && r.status !== 'ok')) byRegion.set(r.region, r);
      else if (seen.status === r.status && r.latencyMs !== undefined) byRegion.set(r.region, { ...seen, latencyMs: Math.max(seen.latencyMs ?? 0, r.latencyMs) });
    }
  }
  return [...byRegion.values()];
}

/**
 * listFetchers' shape for a union: `list` returns up to `maxResults` ids of the merged order and
 * keeps their findings for `get` (which therefore costs no request).
 */
export function unionListFetchers(scope: Scope, alternatives: readonly FindingCriteria[], sort: SortState) {
  const compare = findingComparator(sort.attribute, sort.order);
  const bodies = new Map<string, Finding>();
  return {
    list: async (nextToken: string | undefined, maxResults: number, signal?: AbortSignal) => {
      const cursor = decodeCursor(nextToken, alternatives.length);
      const regionLists: (RegionResult[] | undefined)[] = [];
      // Buffer at least `maxResults` unread findings of every live stream, so the merge step is complete.
      const streams = await Promise.all(
        alternatives.map(async (criteria, s) => {
          const pos = cursor.p[s];
          const chunks: { token?: string; page: StreamPage }[] = [];
          const items: { f: Finding; chunk: number; off: number }[] = [];
          if (pos.d) return { chunks, items, exhausted: true };
          let token = pos.t;
          for (;;) {
            const page = await streamPage(scope, criteria, sort, token, signal);
            regionLists.push(page.regions);
            const chunk = chunks.length;
            chunks.push({ token, page });
            const offsetOf = new Map(page.ids.map((id, i) => [id, i]));
            for (const f of page.findings) {
              const off = offsetOf.get(f.id) ?? 0;
              if (chunk === 0 && off < pos.k) continue;
              items.push({ f, chunk, off });
            }
            // No progress (a throttled region in all-regions mode answers its old cursor): stop here;
            // the merge emits what is certain and the next page asks again.
            if (page.ids.length === 0 && page.nextToken && page.nextToken === token) break;
            token = page.nextToken;
            const buffer: StreamBuffer<unknown> = { items, exhausted: !token };
            if (!needsLookahead(buffer, maxResults)) break;
          }
          return { chunks, items, exhausted: !token };
        }),
      );
      const step = mergeStep(
        streams.map((s) => ({ items: s.items.map((i) => i.f), exhausted: s.exhausted })),
        compare,
        maxResults,
        { identity: (f) => f.id, last: cursor.last },
      );
      const next: Position[] = streams.map((s, i) => {
        if (cursor.p[i].d) return cursor.p[i];
        const head = s.items[step.taken[i]];
        if (head) return { t: s.chunks[head.chunk].token, k: head.off };
        const lastChunk = s.chunks[s.chunks.length - 1];
        return lastChunk?.page.nextToken ? { t: lastChunk.page.nextToken, k: 0 } : { k: 0, d: 1 };
      });
      const findings = step.merged.map((m) => m.item);
      for (const f of findings) bodies.set(f.id, f);
      const done = next.every((p) => p.d);
      return {
        findingIds: findings.map((f) => f.id),
        nextToken: done ? undefined : encodeCursor({ v: 1, p: next, last: step.last }),
        regions: mergeRegionResults(regionLists),
      };
    },
    get: async (ids: string[]) => {
      const findings = ids.map((id) => bodies.get(id)).filter((f): f is Finding => f !== undefined);
      for (const id of ids) bodies.delete(id);
      return { findings };
    },
  };
}

type StatisticsAnswer = { findingStatistics: { countBySeverity?: Record<string, number> }; regions?: AllRegionsStatisticsResponse['regions'] };

/**
 * Severity counts of a union: GetFindingsStatistics of every inclusion–exclusion term (2ⁿ−1
 * queries for n alternatives, in parallel), combined per severity key, and in all-regions mode per
 * region too. Why not count the merged list: that would mean downloading every matching finding;
 * GuardDuty can count each intersection (the AND of the alternatives) exactly, so the union's
 * size |A∪B∪C| = Σ|A| − Σ|A∩B| + |A∩B∩C| is exact, not an estimate.
 */
export async function unionStatistics(scope: Scope, alternatives: readonly FindingCriteria[], signal?: AbortSignal): Promise<StatisticsAnswer> {
  const terms = inclusionExclusionTerms(alternatives);
  const answers = await Promise.all(
    terms.map((t) =>
      scope.kind === 'all' ? getAllRegionsStatistics(severityStatisticsBody(t.criteria), signal) : getFindingsStatistics(scope, t.criteria, signal),
    ),
  );
  const countBySeverity = combineCounts(terms.map((t, i) => ({ sign: t.sign, counts: answers[i].findingStatistics?.countBySeverity })));
  if (scope.kind !== 'all') return { findingStatistics: { countBySeverity } };
  const all = answers as AllRegionsStatisticsResponse[];
  const regions = (all[0].regions ?? []).map((r) => {
    const each = all.map((a) => a.regions?.find((x) => x.region === r.region));
    const bad = each.findIndex((x) => !x || x.status !== 'ok');
    if (bad >= 0) return each[bad] ?? { ...r, status: 'error' as const, message: 'missing from one of the union queries', findingStatistics: undefined };
    return {
      ...r,
      latencyMs: Math.max(...each.map((x) => x!.latencyMs ?? 0)),
      findingStatistics: { countBySeverity: combineCounts(terms.map((t, i) => ({ sign: t.sign, counts: each[i]!.findingStatistics?.countBySeverity }))) },
    };
  });
  // The total is the sum over the regions that answered every term (a region missing from one term cannot be combined).
  const total: Record<string, number> = {};
  for (const r of regions) if (r.status === 'ok') for (const [k, n] of Object.entries(r.findingStatistics?.countBySeverity ?? {})) total[k] = (total[k] ?? 0) + n;
  return { findingStatistics: { countBySeverity: all[0].regions ? total : countBySeverity }, regions };
}

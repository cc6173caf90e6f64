/**
 * Every region in one view: `GET /api/regions` (which regions, which detector, what state) and
 * `POST /api/all-regions/findings` and `…/findings/statistics` (one ListFindings / statistics
 * query fanned out to every region, merged). Pure TypeScript over a transport that makes one
 * GuardDuty call in one region, so that the server (over its sources: the emulator or SigV4 to
 * AWS) and MSW (over the emulator in the browser) run the same code.
 *
 * Paging is stateless: the opaque `nextToken` records, per region, where its stream stands — the
 * region's own ListFindings nextToken at the start of its current page and how many of that page
 * were already emitted — so any replica can continue it. Region pages and findings are cached for
 * a few seconds (a cache, not session state: a replica without it fetches the same pages again).
 */
import { ApiError, internalError, invalidInput, parseWireError } from './errors';
import type { Finding } from './finding';
import { parseJsonObject } from './json';
import { createLimiter, type Limiter } from './limit';
import { findingComparator, mergeStep, type StreamBuffer } from './merge';
import { MODEL } from './model';
import type { FindingStatistics, IncomingRequest, WireResponse } from './operations';
import { errorResponse } from './operations';
import { invalidRequest, parseRequest, type GetFindingsStatisticsRequest, type ListFindingsRequest } from './requests';
import { checkRegion, invalidRegion, isRegionName } from './regions';
import { isSortAttributeName, SORT_ATTRIBUTE_NAMES } from './sort';
import { cutStatistics, MAX_STATISTICS_GROUPS, sumFindingStatistics } from './statistics-merge';
import { hash53, stableStringify } from './query-key';

/** One GuardDuty call in one region, answered in wire form (documented errors as answers, not throws). */
export type RegionTransport = (region: string, request: IncomingRequest, signal?: AbortSignal) => Promise<WireResponse>;

export type DiscoveryStatus = 'ok' | 'not-enabled' | 'no-detector' | 'error';
export type RegionStatusName = DiscoveryStatus | 'throttled';

/** One entry of `GET /api/regions`. */
export interface RegionInfo {
  region: string;
  detectorId?: string;
  status: DiscoveryStatus;
  message?: string;
}

export interface RegionsResponse {
  defaultRegion: string;
  regions: RegionInfo[];
}

/** One entry of an all-regions answer's `regions`. */
export interface RegionStatus {
  region: string;
  detectorId?: string;
  status: RegionStatusName;
  message?: string;
  /** Wall time of this region's calls in this request (cached answers cost ~0). */
  latencyMs?: number;
  /** Statistics only: that region's own answer. */
  findingStatistics?: FindingStatistics;
}

export interface AllRegionsFindingsResponse {
  findings: Finding[];
  /** Opaque; `""` when every region's stream is done. */
  nextToken: string;
  regions: RegionStatus[];
}

export interface AllRegionsStatisticsResponse {
  findingStatistics: FindingStatistics;
  regions: RegionStatus[];
}

export interface AllRegionsRequest extends ListFindingsRequest {
  regions?: string[];
}

export interface AllRegionsStatisticsRequest extends GetFindingsStatisticsRequest {
  regions?: string[];
}

export interface RegionsServiceOptions {
  defaultRegion: string;
  /** The regions covered, default first (see orderRegions). */
  regions: readonly string[];
  transport: RegionTransport;
  /** Discovery results (ok, no-detector, not-enabled) are kept this long; errors a tenth of it. Default 5 minutes. */
  discoveryTtlMs?: number;
  /** Region ListFindings pages and GetFindings findings are kept this long. Default 15 s. */
  pageTtlMs?: number;
  /** Calls in flight per region, and in all. Defaults 4 and 48. */
  perRegionConcurrency?: number;
  totalConcurrency?: number;
  /** Clock (ms) for the caches and latencies. */
  now?: () => number;
}

export interface RegionsService {
  readonly defaultRegion: string;
  readonly regions: readonly string[];
  /** The region itself when covered; otherwise the documented InvalidInputException (thrown). */
  checkRegion(region: string): string;
  listRegions(signal?: AbortSignal): Promise<RegionsResponse>;
  /** POST /api/all-regions/findings: validates, fans out, merges; errors as wire answers. */
  findings(request: IncomingRequest, signal?: AbortSignal): Promise<WireResponse>;
  /** POST /api/all-regions/findings/statistics. */
  statistics(request: IncomingRequest, signal?: AbortSignal): Promise<WireResponse>;
}

/** What each region's ListFindings page holds; the merge never asks for fewer (cursor positions assume it). */
export const REGION_PAGE_SIZE = 50;
const MAX_IDS_PER_GET = 50;
const DEFAULT_PAGE = 50;
const CACHE_PAGES = 4_000;
const CACHE_FINDINGS = 20_000;
const THROTTLING = new Set(['ThrottlingException', 'TooManyRequestsException']);
const NOT_ENABLED = new Set(['UnrecognizedClientException', 'InvalidClientTokenId']);

const json = (status: number, value: unknown): WireResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
const isJsonContentType = (ct: string | null | undefined) => !!ct && /^application\/(.+\+)?json\s*(;|$)/i.test(ct.trim());

/** A region's answer that was not a 200, as a status for people. */
class RegionFailure extends Error {
  constructor(readonly status: 'throttled' | 'not-enabled' | 'error', message: string) {
    super(message);
  }
}

function headerOf(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** How a failed regional call reads: throttled, an opt-in region the account has not enabled (auth refused there), or an error. */
export function classifyFailure(wire: WireResponse): RegionFailure {
  const { __type, message } = parseWireError(wire.status, wire.body, headerOf(wire.headers, 'x-amzn-errortype'));
  if (wire.status === 429 || THROTTLING.has(__type)) return new RegionFailure('throttled', `${__type}: ${message}`);
  if (NOT_ENABLED.has(__type) || (wire.status === 403 && /security token included in the request is invalid/i.test(message))) {
    return new RegionFailure('not-enabled', `The region is not enabled for this account (${__type}: ${message})`);
  }
  return new RegionFailure('error', `${__type}: ${message}`);
}

/** A region's discovery: the answer (shared by concurrent askers), until when it is fresh, and whether a refresh is under way. */
interface Discovery {
  value: Promise<RegionInfo>;
  until: number;
  settled?: RegionInfo;
  refreshing?: boolean;
}

/** A small TTL cache with a size bound (oldest first out). */
class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  constructor(private readonly max: number, private readonly now: () => number) {}
  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }
  set(key: string, value: V, ttlMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, until: this.now() + ttlMs });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
}

// ---------------------------------------------------------------------------------------------
// The cursor: base64url JSON {v, q: hash of the query, p: {region: [token, skip] | 0 (done)}}.

type Position = readonly [token: string, skip: number] | 0;
interface Cursor { q: string; p: Record<string, Position> }

const b64encode = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const b64decode = (token: string) => new TextDecoder().decode(Uint8Array.from(atob(token.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));

const badCursor = (why: string) => invalidInput(`The request is rejected: the parameter nextToken has an invalid value (${why}).`);

export function encodeCursor(cursor: Cursor): string {
  return b64encode(JSON.stringify({ v: 1, q: cursor.q, p: cursor.p }));
}

function decodeCursor(token: string, queryHash: string, regions: readonly string[]): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(b64decode(token));
  } catch {
    throw badCursor('not a token this service issued');
  }
  const { v, q, p } = (parsed ?? {}) as { v?: unknown; q?: unknown; p?: unknown };
  if (v !== 1 || typeof q !== 'string' || !p || typeof p !== 'object' || Array.isArray(p)) throw badCursor('not a token this service issued');
  if (q !== queryHash) throw badCursor('it belongs to a different query; start again without nextToken');
  const positions: Record<string, Position> = {};
  for (const [region, pos] of Object.entries(p as Record<string, unknown>)) {
    if (!regions.includes(region)) throw badCursor(`it names region ${JSON.stringify(region.slice(0, 40))}, which this query does not cover`);
    if (pos === 0) positions[region] = 0;
    else if (Array.isArray(pos) && pos.length === 2 && typeof pos[0] === 'string' && pos[0].length <= 8192 && Number.isInteger(pos[1]) && pos[1] >= 0 && pos[1] < REGION_PAGE_SIZE) {
      positions[region] = [pos[0], pos[1] as number];
    } else throw badCursor('not a token this service issued');
  }
  return { q, p: positions };
}

// ---------------------------------------------------------------------------------------------

/** The `regions` member: covered region names, each once. */
function parseRegionsMember(value: unknown, covered: readonly string[]): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length === 0 || value.length > covered.length) {
    throw invalidRequest([{ path: 'regions', message: `must be a list of 1 to ${covered.length} region names` }]);
  }
  const seen = new Set<string>();
  value.forEach((region, i) => {
    if (typeof region !== 'string') throw invalidRequest([{ path: `regions[${i}]`, message: 'must be a string' }]);
    if (!isRegionName(region) || !covered.includes(region)) throw invalidRegion(region, covered);
    if (seen.has(region)) throw invalidRequest([{ path: `regions[${i}]`, message: `${region} is given twice` }]);
    seen.add(region);
  });
  return [...seen];
}

/** The JSON body of an all-regions request, validated with the model (the operation's input members plus `regions`). */
function parseBody<T>(request: IncomingRequest, operation: 'ListFindings' | 'GetFindingsStatistics', covered: readonly string[]): T & { regions?: string[] } {
  if (request.method !== 'POST') throw new ApiError('UnsupportedOperationException', `${request.method} ${request.path} is not offered (allowed: POST).`, 405);
  if (!isJsonContentType(request.contentType)) {
    throw invalidInput(`The request is rejected: the all-regions ${operation} takes a JSON body (Content-Type: application/json).`, 415);
  }
  const { regions, ...rest } = parseJsonObject(request.body);
  const parsedRegions = parseRegionsMember(regions, covered);
  const parsed = parseRequest<T & { regions?: string[] }>(MODEL.operations[operation].input, rest);
  return parsedRegions ? { ...parsed, regions: parsedRegions } : parsed;
}

interface ListPage { ids: string[]; nextToken: string }
interface Entry { id: string; token: string; index: number }

export function createRegionsService(options: RegionsServiceOptions): RegionsService {
  const { defaultRegion, transport } = options;
  const covered = options.regions;
  const now = options.now ?? (() => Date.now());
  const discoveryTtl = options.discoveryTtlMs ?? 5 * 60_000;
  const pageTtl = options.pageTtlMs ?? 15_000;
  const total = createLimiter(options.totalConcurrency ?? 48);
  const perRegion = new Map<string, Limiter>();
  const discovery = new Map<string, Discovery>();
  const pages = new TtlCache<ListPage>(CACHE_PAGES, now);
  const findingsCache = new TtlCache<Finding>(CACHE_FINDINGS, now);

  /** One call, inside both concurrency caps; parsed JSON on 200, RegionFailure otherwise. */
  async function call(region: string, request: IncomingRequest, signal?: AbortSignal): Promise<Record<string, unknown>> {
    let limiter = perRegion.get(region);
    if (!limiter) perRegion.set(region, (limiter = createLimiter(options.perRegionConcurrency ?? 4)));
    const wire = await limiter.run(() => total.run(() => transport(region, request, signal)));
    if (wire.status !== 200) throw classifyFailure(wire);
    try {
      return JSON.parse(wire.body) as Record<string, unknown>;
    } catch {
      throw new RegionFailure('error', 'The region answered something that is not JSON.');
    }
  }

  const post = (path: string, body: unknown): IncomingRequest => ({ method: 'POST', path, query: new URLSearchParams(), contentType: 'application/json', body: JSON.stringify(body) });

  async function discover(region: string, signal?: AbortSignal): Promise<RegionInfo> {
    try {
      const answer = await call(region, { method: 'GET', path: '/detector', query: new URLSearchParams() }, signal);
      const ids = Array.isArray(answer.detectorIds) ? answer.detectorIds.filter((d): d is string => typeof d === 'string') : [];
      return ids.length > 0 ? { region, detectorId: ids[0], status: 'ok' } : { region, status: 'no-detector' };
    } catch (error) {
      if (error instanceof RegionFailure) {
        // A throttled discovery is an error for now; it is retried soon (short cache).
        return error.status === 'not-enabled' ? { region, status: 'not-enabled', message: error.message } : { region, status: 'error', message: error.message };
      }
      return { region, status: 'error', message: 'The region could not be asked.' };
    }
  }

  function remember(region: string, value: Promise<RegionInfo>): Discovery {
    const entry: Discovery = { value, until: now() + discoveryTtl };
    discovery.set(region, entry);
    void value.then((info) => {
      entry.settled = info;
      if (info.status === 'error') entry.until = now() + discoveryTtl / 10;
    });
    return entry;
  }

  /**
   * Discovery per region, cached (errors briefly); concurrent askers share one call. An expired
   * answer that was not an error is still given at once while a fresh one is fetched in the
   * background: a region's detector rarely changes, and waiting for discovery would add a round
   * trip in sequence before a visit's first rows.
   */
  function discovered(region: string, signal?: AbortSignal): Promise<RegionInfo> {
    const hit = discovery.get(region);
    if (hit && hit.until > now()) return hit.value;
    if (hit?.settled && hit.settled.status !== 'error') {
      if (!hit.refreshing) {
        hit.refreshing = true;
        const fresh = discover(region);
        void fresh.then(() => remember(region, fresh));
      }
      return hit.value;
    }
    return remember(region, discover(region, signal)).value;
  }

  async function listRegions(signal?: AbortSignal): Promise<RegionsResponse> {
    return { defaultRegion, regions: await Promise.all(covered.map((r) => discovered(r, signal))) };
  }

  // ---- findings ------------------------------------------------------------------------------

  async function listPage(region: string, detectorId: string, queryKey: string, query: ListFindingsRequest, token: string, signal?: AbortSignal): Promise<ListPage> {
    const key = `${region} ${detectorId} ${queryKey} ${token}`;
    const hit = pages.get(key);
    if (hit) return hit;
    const body: ListFindingsRequest = { ...query, maxResults: REGION_PAGE_SIZE };
    if (token) body.nextToken = token;
    const answer = await call(region, post(`/detector/${detectorId}/findings`, body), signal);
    const page = {
      ids: Array.isArray(answer.findingIds) ? answer.findingIds.filter((x): x is string => typeof x === 'string') : [],
      nextToken: typeof answer.nextToken === 'string' ? answer.nextToken : '',
    };
    pages.set(key, page, pageTtl);
    return page;
  }

  async function getFindings(region: string, detectorId: string, ids: readonly string[], signal?: AbortSignal): Promise<Map<string, Finding>> {
    const found = new Map<string, Finding>();
    const missing: string[] = [];
    for (const id of ids) {
      const hit = findingsCache.get(`${region} ${detectorId} ${id}`);
      if (hit) found.set(id, hit);
      else missing.push(id);
    }
    const chunks: string[][] = [];
    for (let i = 0; i < missing.length; i += MAX_IDS_PER_GET) chunks.push(missing.slice(i, i + MAX_IDS_PER_GET));
    const answers = await Promise.all(chunks.map((findingIds) => call(region, post(`/detector/${detectorId}/findings/get`, { findingIds }), signal)));
    for (const answer of answers) {
      for (const f of Array.isArray(answer.findings) ? (answer.findings as Finding[]) : []) {
        if (!f || typeof f.id !== 'string') continue;
        found.set(f.id, f);
        findingsCache.set(`${region} ${detectorId} ${f.id}`, f, pageTtl);
      }
    }
    return found;
  }

  interface Loaded {
    entries: Entry[];
    /** Where the stream stands after the last loaded entry: the next page's token, or "" when none follows. */
    endToken: string;
    buffer: StreamBuffer<Finding>;
    /** buffer.items[i] is entries[entryOf[i]]. */
    entryOf: number[];
  }

  /** A region's stream from its position, with at least `need` entries buffered (or all that remain). */
  async function loadRegion(region: string, detectorId: string, queryKey: string, query: ListFindingsRequest, position: readonly [string, number], need: number, signal?: AbortSignal): Promise<Loaded> {
    const [start, skip] = position;
    const entries: Entry[] = [];
    let token = start;
    let page = await listPage(region, detectorId, queryKey, query, token, signal);
    page.ids.slice(skip).forEach((id, i) => entries.push({ id, token, index: skip + i }));
    // Lookahead: the rest of the current page may be shorter than the page being built.
    while (entries.length < need && page.nextToken) {
      token = page.nextToken;
      page = await listPage(region, detectorId, queryKey, query, token, signal);
      page.ids.forEach((id, index) => entries.push({ id, token, index }));
    }
    const wanted = entries.slice(0, need);
    // Every loaded id, not only the wanted ones: the next steps of the walk find them cached, so a
    // region page costs one GetFindings, not one per merged page that advances into it.
    const found = await getFindings(region, detectorId, entries.map((e) => e.id), signal);
    const items: Finding[] = [];
    const entryOf: number[] = [];
    wanted.forEach((e, i) => {
      const f = found.get(e.id);
      // An id GetFindings no longer answers (deleted meanwhile) is passed over.
      if (f) {
        items.push(f);
        entryOf.push(i);
      }
    });
    const exhausted = entries.length <= need && !page.nextToken;
    return { entries, endToken: page.nextToken, buffer: { items, exhausted }, entryOf };
  }

  /** The position after `taken` buffered items were emitted. */
  function advance(loaded: Loaded, taken: number, before: Position): Position {
    // A stream that ended without a single item left to emit is done (otherwise a region with no
    // matching finding would keep the cursor alive: a nextToken on every page, forever).
    if (taken === 0) return loaded.buffer.exhausted && loaded.buffer.items.length === 0 && !loaded.endToken ? 0 : before;
    const next = loaded.entryOf[taken - 1] + 1;
    const entry = loaded.entries[next];
    if (entry) return [entry.token, entry.index];
    return loaded.endToken ? [loaded.endToken, 0] : 0;
  }

  async function findings(request: IncomingRequest, signal?: AbortSignal): Promise<WireResponse> {
    try {
      const body = parseBody<AllRegionsRequest>(request, 'ListFindings', covered);
      const attributeName = body.sortCriteria?.attributeName;
      if (attributeName !== undefined && !isSortAttributeName(attributeName)) {
        throw invalidInput(`The request is rejected: sortCriteria.attributeName: across regions, findings merge on the documented sort attributes only: ${SORT_ATTRIBUTE_NAMES.join(', ')}.`);
      }
      const limit = body.maxResults ?? DEFAULT_PAGE;
      const query: ListFindingsRequest = {};
      if (body.findingCriteria) query.findingCriteria = body.findingCriteria;
      if (body.sortCriteria) query.sortCriteria = body.sortCriteria;
      const queryKey = stableStringify(query);
      const infos = await Promise.all((body.regions ?? covered).map((r) => discovered(r, signal)));
      // Every region is reported; those whose detector answered are asked (without `regions`, they make the query).
      const inQuery = (body.regions ? infos : infos.filter((i) => i.status === 'ok')).map((i) => i.region);
      const queryHash = hash53(`${queryKey}|${inQuery.join(',')}`);
      const cursor = body.nextToken ? decodeCursor(body.nextToken, queryHash, inQuery) : { q: queryHash, p: {} as Record<string, Position> };

      const statuses: RegionStatus[] = [];
      const streams: { region: string; loaded: Loaded; before: Position }[] = [];
      await Promise.all(
        infos.map(async (info, i) => {
          const before: Position = cursor.p[info.region] ?? ['', 0];
          if (info.status !== 'ok') {
            statuses[i] = { region: info.region, status: info.status, ...(info.message ? { message: info.message } : {}) };
            return;
          }
          const detectorId = info.detectorId!;
          if (before === 0) {
            statuses[i] = { region: info.region, detectorId, status: 'ok', latencyMs: 0 };
            return;
          }
          const started = now();
          try {
            const loaded = await loadRegion(info.region, detectorId, queryKey, query, before, limit, signal);
            streams.push({ region: info.region, loaded, before });
            statuses[i] = { region: info.region, detectorId, status: 'ok', latencyMs: now() - started };
          } catch (error) {
            if (!(error instanceof RegionFailure)) throw error;
            statuses[i] = { region: info.region, detectorId, status: error.status, message: error.message, latencyMs: now() - started };
          }
        }),
      );
      // The merge sees the streams in the covered order, so ties between regions are decided the same way on every replica.
      streams.sort((a, b) => covered.indexOf(a.region) - covered.indexOf(b.region));
      const compare = findingComparator(attributeName, body.sortCriteria?.orderBy ?? 'ASC');
      const step = mergeStep(streams.map((s) => s.loaded.buffer), compare, limit);

      const positions: Record<string, Position> = {};
      for (const region of inQuery) positions[region] = cursor.p[region] ?? ['', 0];
      streams.forEach((s, i) => (positions[s.region] = advance(s.loaded, step.taken[i], s.before)));
      const more = Object.values(positions).some((p) => p !== 0);
      const answer: AllRegionsFindingsResponse = {
        findings: step.merged.map((m) => m.item),
        nextToken: more ? encodeCursor({ q: queryHash, p: positions }) : '',
        regions: statuses,
      };
      return json(200, answer);
    } catch (error) {
      return errorResponse(error instanceof ApiError ? error : internalError());
    }
  }

  // ---- statistics ----------------------------------------------------------------------------

  async function statistics(request: IncomingRequest, signal?: AbortSignal): Promise<WireResponse> {
    try {
      const { regions, ...query } = parseBody<AllRegionsStatisticsRequest>(request, 'GetFindingsStatistics', covered);
      const infos = await Promise.all((regions ?? covered).map((r) => discovered(r, signal)));
      // Each region is asked for its most groups, so that groups small in every region but large in sum are counted.
      const asked: GetFindingsStatisticsRequest = query.groupBy ? { ...query, maxResults: MAX_STATISTICS_GROUPS } : query;
      const full: FindingStatistics[] = [];
      const statuses = await Promise.all(
        infos.map(async (info): Promise<RegionStatus> => {
          if (info.status !== 'ok') return { region: info.region, status: info.status, ...(info.message ? { message: info.message } : {}) };
          const started = now();
          try {
            const answer = await call(info.region, post(`/detector/${info.detectorId}/findings/statistics`, asked), signal);
            const own = (answer.findingStatistics ?? {}) as FindingStatistics;
            full.push(own);
            return { region: info.region, detectorId: info.detectorId, status: 'ok', latencyMs: now() - started, findingStatistics: cutStatistics(own, query) };
          } catch (error) {
            if (!(error instanceof RegionFailure)) throw error;
            return { region: info.region, detectorId: info.detectorId, status: error.status, message: error.message, latencyMs: now() - started };
          }
        }),
      );
      // Summed from each region's full answer (up to 100 groups), then ordered and cut.
      const sums = sumFindingStatistics(full, query);
      const answer: AllRegionsStatisticsResponse = { findingStatistics: sums, regions: statuses };
      return json(200, answer);
    } catch (error) {
      return errorResponse(error instanceof ApiError ? error : internalError());
    }
  }

  return {
    defaultRegion,
    regions: covered,
    checkRegion: (region) => checkRegion(region, covered),
    listRegions,
    findings,
    statistics,
  };
}

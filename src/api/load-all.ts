/**
 * "Map all matching" and "Export all matching": load the rest of the current view's findings into the SAME infinite-query
 * cache entry the table reads (queryKeys.findings(detectorId, criteria, sort)), so nothing is
 * fetched twice and the table's "load more" continues where this stopped.
 *
 * ListFindings pages are walked one after another (each nextToken comes from the page before);
 * the GetFindings batch of each page (50 ids, the API maximum) starts as soon as its ids are
 * known and runs in parallel with the walk and with other batches. Finished pages are appended
 * in ListFindings order, a few times a second, so the map and the table grow while it runs.
 * An AbortSignal cancels it; pages already appended stay.
 */
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import { assembleFindingsPage, type FindingsPage } from './queries';
import type { Finding } from '../guardduty';

/** The most findings "Map all matching" loads, counting those already loaded. */
export const MAP_ALL_CAP = 10_000;

export interface LoadAllFetchers {
  /** One ListFindings page (at most `maxResults` ids) after `nextToken`. */
  list(nextToken: string | undefined, maxResults: number, signal: AbortSignal): Promise<{ findingIds?: string[]; nextToken?: string }>;
  /** GetFindings for up to 50 ids. */
  get(ids: string[], signal: AbortSignal): Promise<{ findings?: Finding[] }>;
}

export interface LoadAllProgress {
  /** Findings in the cache entry (appended pages only). */
  loaded: number;
  /** Findings fetched so far (appended, or fetched and waiting for their turn). */
  fetched: number;
  /** Findings whose ids are listed (loaded + in flight). */
  listed: number;
  /** What the run aims at: min(cap, total when known). */
  target: number;
  requests: number;
  /** True once ListFindings has no more pages (or the cap is reached). */
  listingDone: boolean;
}

export interface LoadAllOptions {
  client: QueryClient;
  queryKey: QueryKey;
  fetchers: LoadAllFetchers;
  signal: AbortSignal;
  /** Total matching findings, when known (GetFindingsStatistics). */
  total?: number;
  cap?: number;
  pageSize?: number;
  /** GetFindings batches in flight at once (the ListFindings walk uses one more of the browser's six connections). */
  concurrency?: number;
  /**
   * Least time between two cache appends, in ms. Appends also wait until the pages fetched since
   * the last one match what this run appended so far (doubling, up to maxFlushPages): everything
   * that reads the cache (the map's aggregation, the table's rows) re-runs on an append, so 200
   * pages make about a dozen appends, not 200, and the map grows while the analyst watches.
   */
  flushEveryMs?: number;
  /** Appends wait for at most this many pages (the doubling stops here), so each stays small. */
  maxFlushPages?: number;
  onProgress?(progress: LoadAllProgress): void;
  /** Called with each page as soon as it is fetched, before it is appended (to prepare it). */
  onPage?(page: FindingsPage): void;
}

export interface LoadAllResult extends LoadAllProgress {
  /** Whether the list was walked to its end (false: stopped at the cap). */
  complete: boolean;
}

export class ListChangedError extends Error {
  constructor() {
    super('The findings list changed while it was being loaded (refreshed or re-sorted). Run it again.');
    this.name = 'ListChangedError';
  }
}

type Data = InfiniteData<FindingsPage, string | undefined>;

interface PendingPage {
  pageParam: string | undefined;
  ids: string[];
  nextToken: string | undefined;
  page?: FindingsPage;
}

const countFindings = (data: Data | undefined) => (data?.pages ?? []).reduce((n, p) => n + p.ids.length, 0);

function abortError(): Error {
  return new DOMException('Loading every matching finding was cancelled', 'AbortError');
}

export async function loadAllMatching(options: LoadAllOptions): Promise<LoadAllResult> {
  const { client, queryKey, fetchers, signal } = options;
  const cap = options.cap ?? MAP_ALL_CAP;
  const pageSize = options.pageSize ?? 50;
  const concurrency = Math.max(1, options.concurrency ?? 5);
  const flushEveryMs = options.flushEveryMs ?? 300;
  const maxFlushPages = options.maxFlushPages ?? 32;

  const start = client.getQueryData<Data>(queryKey);
  if (!start || start.pages.length === 0) throw new Error('Load the first page of findings before mapping all of them.');
  let token = start.pages[start.pages.length - 1].nextToken;
  const alreadyLoaded = countFindings(start);
  const target = Math.max(alreadyLoaded, Math.min(cap, options.total ?? cap));

  let requests = 0;
  let listed = alreadyLoaded;
  let loaded = alreadyLoaded;
  let fetched = alreadyLoaded;
  let listingDone = !token || listed >= cap;
  const queue: PendingPage[] = [];
  let lastFlush = 0;
  let appendedPages = 0;

  const progress = (): LoadAllProgress => ({ loaded, fetched, listed, target: Math.max(target, listed), requests, listingDone });
  const report = () => options.onProgress?.(progress());

  /** Appends the finished pages at the head of the queue to the cache entry, in order. */
  const flush = (force: boolean) => {
    if (!force && Date.now() - lastFlush < flushEveryMs) return;
    let readyCount = 0;
    while (readyCount < queue.length && queue[readyCount].page) readyCount++;
    if (readyCount === 0 || (!force && readyCount < Math.max(1, Math.min(appendedPages, maxFlushPages)))) return;
    const ready = queue.splice(0, readyCount);
    appendedPages += readyCount;
    lastFlush = Date.now();
    let changed = false;
    client.setQueryData<Data>(queryKey, (data) => {
      if (!data || data.pages.length === 0) {
        changed = true;
        return data;
      }
      // The table may have loaded some of these pages itself meanwhile: skip those.
      const known = new Set(data.pageParams);
      const fresh = ready.filter((p) => !known.has(p.pageParam));
      if (fresh.length === 0) return data;
      if (data.pages[data.pages.length - 1].nextToken !== fresh[0].pageParam) {
        changed = true;
        return data;
      }
      return { pages: [...data.pages, ...fresh.map((p) => p.page!)], pageParams: [...data.pageParams, ...fresh.map((p) => p.pageParam)] };
    });
    if (changed) throw new ListChangedError();
    loaded = countFindings(client.getQueryData<Data>(queryKey));
    report();
  };

  let inFlight = 0;
  let wake: (() => void) | undefined;
  let failure: unknown;
  const batches: Promise<void>[] = [];

  const fetchBatch = async (pending: PendingPage) => {
    try {
      requests++;
      const { findings = [] } = pending.ids.length > 0 ? await fetchers.get(pending.ids, signal) : { findings: [] };
      pending.page = assembleFindingsPage(pending.ids, findings, pending.nextToken);
      options.onPage?.(pending.page);
      fetched += pending.ids.length;
      if (!signal.aborted) {
        report();
        flush(false);
      }
    } catch (error) {
      failure ??= error;
    } finally {
      inFlight--;
      wake?.();
    }
  };

  report();
  try {
    while (!listingDone) {
      if (signal.aborted) throw abortError();
      if (failure) throw failure;
      if (inFlight >= concurrency) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      requests++;
      const want = Math.min(pageSize, cap - listed);
      const list = await fetchers.list(token, want, signal);
      if (signal.aborted) throw abortError();
      const ids = (list.findingIds ?? []).slice(0, want);
      // AWS ends the list with "" — treat it like no token.
      const next = list.nextToken || undefined;
      const pending: PendingPage = { pageParam: token, ids, nextToken: next };
      queue.push(pending);
      listed += ids.length;
      token = next;
      listingDone = !token || listed >= cap;
      inFlight++;
      batches.push(fetchBatch(pending));
      report();
    }
    await Promise.all(batches);
    if (signal.aborted) throw abortError();
    if (failure) throw failure;
    flush(true);
  } catch (error) {
    // Keep what finished in order; drop the rest.
    await Promise.allSettled(batches);
    if (!(error instanceof ListChangedError)) {
      try {
        flush(true);
      } catch {
        // the list changed: nothing more to keep
      }
    }
    throw error;
  }
  return { ...progress(), complete: !token };
}

import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { FindingsPage } from './queries';
import type { Finding } from '../guardduty';
import { ListChangedError, loadAllMatching, type LoadAllFetchers } from './load-all';

const KEY = ['findings', 'det', 'list', { criteria: {}, sort: {} }];
type Data = InfiniteData<FindingsPage, string | undefined>;

/** A fake ListFindings/GetFindings over `total` ids, 50 per page, with tokens "t<offset>". */
function fakeApi(total: number, { delayMs = 1 } = {}) {
  const ids = Array.from({ length: total }, (_, i) => `f${String(i).padStart(5, '0')}`);
  const calls = { list: 0, get: 0, maxInFlight: 0, getSizes: [] as number[] };
  let inFlight = 0;
  const started = new Set<Promise<void>>();
  const wait = (signal: AbortSignal) => {
    const p = new Promise<void>((resolve, reject) => {
      const t = setTimeout(resolve, delayMs + Math.random() * delayMs);
      signal.addEventListener('abort', () => {
        clearTimeout(t);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
    started.add(p);
    return p;
  };
  /** Resolves once every request made so far, and any they led to, has ended. */
  const settled = async () => {
    for (let n = -1; n !== started.size; ) {
      n = started.size;
      await Promise.allSettled([...started]);
    }
  };
  const fetchers: LoadAllFetchers = {
    async list(token, maxResults, signal) {
      calls.list++;
      await wait(signal);
      const from = token ? Number(token.slice(1)) : 0;
      const to = Math.min(total, from + maxResults);
      return { findingIds: ids.slice(from, to), nextToken: to < total ? `t${to}` : '' };
    },
    async get(batch, signal) {
      calls.get++;
      calls.getSizes.push(batch.length);
      inFlight++;
      calls.maxInFlight = Math.max(calls.maxInFlight, inFlight);
      try {
        await wait(signal);
      } finally {
        inFlight--;
      }
      // GetFindings answers in any order and leaves out unknown ids.
      return { findings: batch.filter((id) => id !== 'f00077').reverse().map((id): Finding => ({ id })) };
    },
  };
  const firstPage: FindingsPage = { ids: ids.slice(0, 50), findings: ids.slice(0, 50).map((id) => ({ id })), missingIds: [], nextToken: total > 50 ? 't50' : undefined };
  return { ids, calls, fetchers, firstPage, settled };
}

function clientWith(page: FindingsPage) {
  const client = new QueryClient();
  client.setQueryData<Data>(KEY, { pages: [page], pageParams: [undefined] });
  return client;
}

describe('loadAllMatching', () => {
  it('loads every page into the same cache entry, in ListFindings order, with two requests per page', async () => {
    const api = fakeApi(1000);
    const client = clientWith(api.firstPage);
    const progress: number[] = [];
    const result = await loadAllMatching({ client, queryKey: KEY, fetchers: api.fetchers, signal: new AbortController().signal, total: 1000, flushEveryMs: 0, onProgress: (p) => progress.push(p.loaded) });
    const data = client.getQueryData<Data>(KEY)!;
    expect(data.pages).toHaveLength(20);
    expect(data.pageParams).toEqual([undefined, ...Array.from({ length: 19 }, (_, i) => `t${(i + 1) * 50}`)]);
    expect(data.pages.flatMap((p) => p.ids)).toEqual(api.ids);
    // Each page keeps ListFindings' order whatever order GetFindings answered in.
    expect(data.pages[1].findings.map((f) => f.id)).toEqual(api.ids.slice(50, 100).filter((id) => id !== 'f00077'));
    expect(data.pages[1].missingIds).toEqual(['f00077']);
    expect(data.pages.at(-1)!.nextToken).toBeUndefined();
    expect(api.calls).toMatchObject({ list: 19, get: 19 });
    expect(api.calls.getSizes.every((n) => n === 50)).toBe(true);
    expect(result).toMatchObject({ loaded: 1000, target: 1000, requests: 38, complete: true });
    expect(progress.at(-1)).toBe(1000);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('runs GetFindings batches in parallel, within the concurrency limit', async () => {
    const api = fakeApi(2000, { delayMs: 5 });
    const client = clientWith(api.firstPage);
    await loadAllMatching({ client, queryKey: KEY, fetchers: api.fetchers, signal: new AbortController().signal, concurrency: 4 });
    expect(api.calls.maxInFlight).toBeGreaterThan(1);
    expect(api.calls.maxInFlight).toBeLessThanOrEqual(4);
  });

  it('stops at the cap, counting the findings already loaded, and leaves the rest to load later', async () => {
    const api = fakeApi(1000);
    const client = clientWith(api.firstPage);
    const result = await loadAllMatching({ client, queryKey: KEY, fetchers: api.fetchers, signal: new AbortController().signal, cap: 420 });
    const data = client.getQueryData<Data>(KEY)!;
    expect(data.pages.flatMap((p) => p.ids)).toHaveLength(420);
    expect(data.pages.at(-1)!.nextToken).toBe('t420');
    expect(result).toMatchObject({ loaded: 420, target: 420, complete: false });
  });

  it('does nothing when everything is loaded', async () => {
    const api = fakeApi(40);
    const client = clientWith({ ...api.firstPage, ids: api.ids, findings: api.ids.map((id) => ({ id })), nextToken: undefined });
    const result = await loadAllMatching({ client, queryKey: KEY, fetchers: api.fetchers, signal: new AbortController().signal });
    expect(api.calls.list + api.calls.get).toBe(0);
    expect(result).toMatchObject({ loaded: 40, complete: true, requests: 0 });
  });

  it('is cancellable: it rejects with an AbortError, keeps finished pages in order and can resume', async () => {
    const api = fakeApi(3000, { delayMs: 3 });
    const client = clientWith(api.firstPage);
    const controller = new AbortController();
    const run = loadAllMatching({
      client,
      queryKey: KEY,
      fetchers: api.fetchers,
      signal: controller.signal,
      flushEveryMs: 0,
      onProgress: (p) => {
        if (p.loaded >= 500) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const partial = client.getQueryData<Data>(KEY)!;
    const loaded = partial.pages.flatMap((p) => p.ids);
    expect(loaded.length).toBeLessThan(3000);
    expect(loaded).toEqual(api.ids.slice(0, loaded.length));
    const callsAtCancel = api.calls.list;
    await api.settled();
    expect(api.calls.list).toBe(callsAtCancel);

    // Running again continues from the last page's nextToken: nothing is fetched twice.
    const before = api.calls.get;
    await loadAllMatching({ client, queryKey: KEY, fetchers: api.fetchers, signal: new AbortController().signal });
    expect(client.getQueryData<Data>(KEY)!.pages.flatMap((p) => p.ids)).toEqual(api.ids);
    expect(api.calls.get - before).toBe((3000 - loaded.length) / 50);
  });

  it('skips pages the table loaded meanwhile', async () => {
    const api = fakeApi(300);
    const client = clientWith(api.firstPage);
    // The table fetched page 2 itself before the run's flush.
    const page2: FindingsPage = { ids: api.ids.slice(50, 100), findings: api.ids.slice(50, 100).map((id) => ({ id })), missingIds: [], nextToken: 't100' };
    client.setQueryData<Data>(KEY, (d) => ({ pages: [...d!.pages, page2], pageParams: [...d!.pageParams, 't50'] }));
    const start = client.getQueryData<Data>(KEY)!;
    client.setQueryData<Data>(KEY, { pages: start.pages.slice(0, 1), pageParams: start.pageParams.slice(0, 1) });
    const run = loadAllMatching({ client, queryKey: KEY, fetchers: api.fetchers, signal: new AbortController().signal, flushEveryMs: 1e9 });
    client.setQueryData<Data>(KEY, start);
    await run;
    expect(client.getQueryData<Data>(KEY)!.pages.flatMap((p) => p.ids)).toEqual(api.ids);
  });

  it('fails with ListChangedError when the list was refreshed under it', async () => {
    const api = fakeApi(500);
    const client = clientWith(api.firstPage);
    const run = loadAllMatching({ client, queryKey: KEY, fetchers: api.fetchers, signal: new AbortController().signal, flushEveryMs: 1e9 });
    client.setQueryData<Data>(KEY, { pages: [{ ...api.firstPage, nextToken: 'other' }], pageParams: [undefined] });
    await expect(run).rejects.toBeInstanceOf(ListChangedError);
  });

  it('passes on API errors', async () => {
    const api = fakeApi(500);
    const client = clientWith(api.firstPage);
    const fetchers: LoadAllFetchers = { ...api.fetchers, get: async () => Promise.reject(new Error('ThrottlingException')) };
    await expect(loadAllMatching({ client, queryKey: KEY, fetchers, signal: new AbortController().signal })).rejects.toThrow('ThrottlingException');
  });
});

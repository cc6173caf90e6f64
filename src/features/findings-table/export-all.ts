/**
 * "Export all matching": every finding of the current view, not only the loaded ones. It loads the
 * rest of the list into the table's own cache entry with the loader "Map all matching" uses (same
 * cap, progress, Cancel; one detector pages ListFindings → GetFindings, all regions the merged
 * endpoint), then writes the file from the cache. A run stopped by the cap says so in the toolbar
 * and in the file name: never a silently incomplete file.
 */
import { useQueryClient, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { loadAllMatching, MAP_ALL_CAP, type LoadAllProgress } from '../../api/load-all';
import { oncePerFrame, useListRun } from '../../api/list-run';
import { listFetchers, type FindingsPage } from '../../api/queries';
import type { Scope } from '../../api/scope';
import type { Finding, FindingCriteria, SortState } from '../../guardduty';
import { flattenPages } from '../../view/findings-view';

export type ExportKind = 'json' | 'csv';

export type ExportAllRun =
  | { status: 'idle' }
  | { status: 'running'; kind: ExportKind; fetched: number; target: number }
  | { status: 'done'; kind: ExportKind; exported: number; total?: number; capped: boolean }
  | { status: 'cancelled'; fetched: number }
  | { status: 'error'; error: unknown };

export interface ExportAllSource {
  scope: Scope;
  criteria: FindingCriteria;
  sort: SortState;
  /** The table's infinite-query key: the loaded pages live there, and the rest is appended there. */
  queryKey: QueryKey;
  /** Findings matching the view (GetFindingsStatistics), when known. */
  total?: number;
  /** Whether ListFindings has more pages than those loaded. */
  hasMore: boolean;
  cap?: number;
}

type Data = InfiniteData<FindingsPage, string | undefined>;
const IDLE: ExportAllRun = { status: 'idle' };

/** How many findings "all matching" will export: every matching one, up to the cap. */
export function exportAllTarget(total: number | undefined, loaded: number, cap = MAP_ALL_CAP): number | undefined {
  if (total === undefined) return undefined;
  return Math.min(cap, Math.max(total, loaded));
}

export function useExportAll(source: ExportAllSource, write: (findings: readonly Finding[], kind: ExportKind, capped: boolean) => void) {
  const client = useQueryClient();
  const { run, begin, cancel } = useListRun<ExportAllRun>(source.queryKey, IDLE);
  const cap = source.cap ?? MAP_ALL_CAP;
  const { scope, criteria, sort, queryKey, total, hasMore } = source;

  const start = useCallback(
    async (kind: ExportKind) => {
      const { signal, set, isCurrent, end } = begin();
      const loadedNow = flattenPages(client.getQueryData<Data>(queryKey)?.pages).length;
      set({ status: 'running', kind, fetched: loadedNow, target: exportAllTarget(total, loadedNow, cap) ?? cap });
      let fetched = loadedNow;
      let complete = !hasMore;
      try {
        if (hasMore && loadedNow < cap) {
          const progress = oncePerFrame((p: LoadAllProgress) => {
            if (isCurrent()) set({ status: 'running', kind, fetched: p.fetched, target: p.target });
          });
          const result = await loadAllMatching({
            client,
            queryKey,
            signal,
            total,
            cap,
            fetchers: listFetchers(scope, criteria, sort),
            onProgress: (p) => {
              fetched = p.fetched;
              progress(p);
            },
          });
          complete = result.complete;
        }
        const all = flattenPages(client.getQueryData<Data>(queryKey)?.pages).slice(0, cap);
        const capped = !complete || (total !== undefined && total > all.length);
        write(all, kind, capped);
        set({ status: 'done', kind, exported: all.length, total, capped });
      } catch (error) {
        if (signal.aborted) set({ status: 'cancelled', fetched });
        else set({ status: 'error', error });
      } finally {
        end();
      }
    },
    [client, begin, queryKey, scope, criteria, sort, total, hasMore, cap, write],
  );
  return { run, start, cancel, cap };
}

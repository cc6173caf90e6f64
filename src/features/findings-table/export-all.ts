/**
 * "Export all matching": every finding of the current view, not only the loaded ones. It loads the
 * rest of the list into the table's own cache entry with the loader "Map all matching" uses (same
 * cap, progress, Cancel; one detector pages ListFindings → GetFindings, all regions the merged
 * endpoint), then writes the file from the cache. A run stopped by the cap says so in the toolbar
 * and in the file name: never a silently incomplete file.
 */
import { useQueryClient, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadAllMatching, MAP_ALL_CAP, type LoadAllProgress } from '../../api/load-all';
import { listFetchers, type FindingsPage } from '../../api/queries';
import type { Scope } from '../../api/scope';
import type { SortState } from '../../app/url-state';
import type { Finding, FindingCriteria } from '../../guardduty';
import { flattenPages } from './useFindingsList';

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

/** How many findings "all matching" will export: every matching one, up to the cap. */
export function exportAllTarget(total: number | undefined, loaded: number, cap = MAP_ALL_CAP): number | undefined {
  if (total === undefined) return undefined;
  return Math.min(cap, Math.max(total, loaded));
}

export function useExportAll(source: ExportAllSource, write: (findings: readonly Finding[], kind: ExportKind, capped: boolean) => void) {
  const client = useQueryClient();
  const keyHash = JSON.stringify(source.queryKey);
  const [state, setState] = useState<{ key: string; run: ExportAllRun }>({ key: keyHash, run: { status: 'idle' } });
  const controller = useRef<AbortController | undefined>(undefined);
  // A run belongs to one list: another filter or sort (or leaving the table) cancels it.
  useEffect(
    () => () => {
      controller.current?.abort();
      controller.current = undefined;
    },
    [keyHash],
  );
  const run: ExportAllRun = state.key === keyHash ? state.run : { status: 'idle' };
  const cap = source.cap ?? MAP_ALL_CAP;
  const { scope, criteria, sort, queryKey, total, hasMore } = source;

  const start = useCallback(
    async (kind: ExportKind) => {
      controller.current?.abort();
      const ctrl = new AbortController();
      controller.current = ctrl;
      const set = (r: ExportAllRun) => setState({ key: keyHash, run: r });
      const loadedNow = flattenPages(client.getQueryData<Data>(queryKey)?.pages).length;
      set({ status: 'running', kind, fetched: loadedNow, target: exportAllTarget(total, loadedNow, cap) ?? cap });
      let fetched = loadedNow;
      let complete = !hasMore;
      try {
        if (hasMore && loadedNow < cap) {
          let scheduled = false;
          const result = await loadAllMatching({
            client,
            queryKey,
            signal: ctrl.signal,
            total,
            cap,
            fetchers: listFetchers(scope, criteria, sort),
            onProgress: (p: LoadAllProgress) => {
              fetched = p.fetched;
              if (scheduled) return;
              scheduled = true;
              requestAnimationFrame(() => {
                scheduled = false;
                if (controller.current === ctrl) set({ status: 'running', kind, fetched, target: p.target });
              });
            },
          });
          complete = result.complete;
        }
        const all = flattenPages(client.getQueryData<Data>(queryKey)?.pages).slice(0, cap);
        const capped = !complete || (total !== undefined && total > all.length);
        write(all, kind, capped);
        set({ status: 'done', kind, exported: all.length, total, capped });
      } catch (error) {
        if (ctrl.signal.aborted) set({ status: 'cancelled', fetched });
        else set({ status: 'error', error });
      } finally {
        if (controller.current === ctrl) controller.current = undefined;
      }
    },
    [client, keyHash, queryKey, scope, criteria, sort, total, hasMore, cap, write],
  );
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { run, start, cancel, cap };
}

/** "Map all matching": loads the rest of the current filter's findings, with progress and Cancel. */
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { listFetchers } from '../../api/queries';
import type { Scope } from '../../api/scope';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { FindingCriteria, SortState } from '../../guardduty';
import { prepareFindings } from './aggregate';
import { loadAllMatching, MAP_ALL_CAP, type LoadAllProgress } from '../../api/load-all';
import { oncePerFrame, useListRun } from '../../api/list-run';
import { clock, measure } from './metrics';

const nf = new Intl.NumberFormat('en');

type Run =
  | { status: 'idle' }
  | { status: 'running'; progress: LoadAllProgress }
  | { status: 'done'; progress: LoadAllProgress; ms: number; complete: boolean }
  | { status: 'cancelled'; progress?: LoadAllProgress }
  | { status: 'error'; error: unknown };
const IDLE: Run = { status: 'idle' };

export function MapAllControl({ scope, criteria, sort, queryKey, loaded, total, hasMore, ready, cap = MAP_ALL_CAP }: {
  scope: Scope;
  criteria: FindingCriteria;
  sort: SortState;
  queryKey: QueryKey;
  /** Findings loaded (in the cache entry). */
  loaded: number;
  /** Findings matching the filter, when known. */
  total?: number;
  hasMore: boolean;
  ready: boolean;
  cap?: number;
}) {
  const client = useQueryClient();
  const { run: current, begin, cancel } = useListRun<Run>(queryKey, IDLE);
  const running = current.status === 'running';

  const start = async () => {
    const { signal, set, isCurrent, end } = begin();
    const startedAt = clock();
    let last: LoadAllProgress | undefined;
    set({ status: 'running', progress: { loaded, fetched: loaded, listed: loaded, target: Math.min(cap, total ?? cap), requests: 0, listingDone: false } });
    const progress = oncePerFrame((p: LoadAllProgress) => {
      if (isCurrent()) set({ status: 'running', progress: p });
    });
    try {
      const result = await loadAllMatching({
        client,
        queryKey,
        signal,
        total,
        cap,
        // One detector: ListFindings pages and GetFindings batches; all regions: the merged endpoint, page by page.
        fetchers: listFetchers(scope, criteria, sort),
        onPage: (page) => prepareFindings(page.findings),
        onProgress: (p) => {
          last = p;
          progress(p);
        },
      });
      end();
      const stop = clock();
      measure('fa-map:map-all', startedAt, stop);
      set({ status: 'done', progress: result, ms: stop - startedAt, complete: result.complete });
    } catch (error) {
      end();
      if (signal.aborted) set({ status: 'cancelled', progress: last });
      else set({ status: 'error', error });
    }
  };

  const capped = total !== undefined && total > cap;
  const target = current.status === 'running' ? current.progress.target : Math.min(cap, total ?? cap);

  return (
    <div className="fa-map-all">
      {running ? (
        <button type="button" className="button" onClick={cancel}>
          Cancel
        </button>
      ) : (
        <button
          type="button"
          className="button"
          onClick={start}
          disabled={!ready || !hasMore || loaded >= cap}
          title={`Loads the rest of the findings matching the filter (at most ${nf.format(cap)}) and maps their IPs`}
        >
          Map all matching
        </button>
      )}
      {running && (
        <progress className="fa-map-all__bar" max={target} value={current.progress.fetched} aria-label="Findings loaded so far">
          {Math.round((100 * current.progress.fetched) / Math.max(1, target))}%
        </progress>
      )}
      <span className="fa-map-all__label" role="status" aria-live="polite">
        {nf.format(loaded)}
        {total !== undefined ? ` of ${nf.format(total)}` : ''} {total === 1 ? 'finding' : 'findings'} mapped
        {current.status === 'done' && ` · loaded in ${(current.ms / 1000).toFixed(1)} s`}
        {current.status === 'done' && capped && !current.complete && ` · stopped at the ${nf.format(cap)} cap`}
        {current.status === 'cancelled' && ' · cancelled'}
      </span>
      {current.status === 'error' && <ErrorBanner error={current.error} context="Map all matching stopped" onRetry={start} />}
    </div>
  );
}

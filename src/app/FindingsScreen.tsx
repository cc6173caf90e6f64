import { Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { lazyWithRetry } from '../components/lazy';
import { FindingsTable } from '../features/findings-table/FindingsTable';
import { SeveritySummary } from '../features/summary/SeveritySummary';
import { rememberMapChoice, useMapBesideTableDefault } from './map-default';
import { RegionUnavailable } from '../components/RegionUnavailable';
import { useScope } from '../view/scope';
import { useFindingsList } from '../view/findings-view';
import { requestRowReveal, useRowReveal } from '../view/detail-panel';
import { findingHref } from '../view/paths';
import { navigate } from '../view/router';
import { useViewState } from '../view/url-state';

// Leaflet and the basemap are not in the first load: they load when the browser is idle after
// the first rows (usePreloadWhenIdle), or when the analyst opens the map before that.
const AttackMapPanel = lazyWithRetry(() => import('../features/attack-map/AttackMapPanel'));
// The finding's page, also shown in the side panel.
const FindingDetailScreen = lazyWithRetry(() => import('../features/finding-detail/FindingDetailScreen'));
/** The map's code and the world outline it draws (a chunk of its own, loaded by the map): all that opening the map needs. */
const preloadMap = () => Promise.all([AttackMapPanel.preload(), import('../lib/world').then((w) => w.loadWorld())]).catch(() => undefined);

/** Once `ready`, starts `preload` when the browser is next idle (a timeout where requestIdleCallback is missing). */
function usePreloadWhenIdle(ready: boolean, preload: () => unknown) {
  useEffect(() => {
    if (!ready) return;
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(() => preload(), { timeout: 5000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(() => preload(), 1000);
    return () => window.clearTimeout(id);
  }, [ready, preload]);
}

const panelFrame = (fallback: ReactNode) => (
  <aside className="detail-panel" aria-label="Finding">
    {fallback}
  </aside>
);

/**
 * The side panel's wiring: the table's selection (moved by j / k or a click in the table) and the
 * finding in the panel stay one; a finding stepped to from the panel is brought into view in the
 * table; returning from a finding (Escape, Back) brings its row into view and focuses it.
 */
function usePanelSync(panelFindingId: string | undefined) {
  const { state } = useViewState();
  const { scope } = useScope();
  const { findings: list } = useFindingsList(scope);
  const index = useMemo(() => new Map(list.map((f, i) => [f.id, i])), [list]);
  useRowReveal(
    () => document.querySelector<HTMLElement>('[data-testid="findings-scroll"]'),
    useCallback((id: string) => index.get(id) ?? -1, [index]),
  );
  const selected = state.selected;
  const byId = useMemo(() => new Map(list.map((f) => [f.id, f])), [list]);
  // The table moved its selection (j / k, a click): the panel shows that finding.
  useEffect(() => {
    if (!panelFindingId || !selected || selected === panelFindingId) return;
    const s = state;
    navigate(findingHref(s, byId.get(selected) ?? selected, s.finding), { replace: true });
  }, [panelFindingId, selected, state, byId]);
  // The panel stepped to another finding (its buttons): show its row, without taking the focus.
  useEffect(() => {
    if (panelFindingId) requestRowReveal(panelFindingId, false);
  }, [panelFindingId]);
}

/** The findings screen: composes the features, which share the URL state and the query cache. */
export function FindingsScreen({ panelFindingId }: { panelFindingId?: string }) {
  const { scope, regions, unavailable } = useScope();
  const { state, update } = useViewState();
  // The side panel takes the map's place while it is open (the map comes back when it closes).
  const mapOpen = state.map.open && !panelFindingId;
  useMapBesideTableDefault();
  usePanelSync(panelFindingId);
  // The first rows come first (they are the largest paint): the map's chunk loads after them,
  // when the browser is idle, so that opening the map then is instant; a map open from the start
  // (a link, the wide-screen default) also waits for them.
  const { query: { isPending: listPending } } = useFindingsList(scope);
  const [firstRows, setFirstRows] = useState(false);
  // Once per visit of the screen: a new filter's loading does not take the map down again.
  if (!listPending && !firstRows) setFirstRows(true);
  usePreloadWhenIdle(firstRows, preloadMap);
  return (
    <>
    <main id="main" className={`page findings-page${mapOpen ? ' with-map' : ''}${panelFindingId ? ' with-panel' : ''}`}>
      <h1 className="visually-hidden">Findings</h1>
      {regions.isError && !scope && <ErrorBanner error={regions.error} context="Could not list the regions" onRetry={() => regions.refetch()} />}
      {unavailable && <RegionUnavailable info={unavailable} />}
      {scope && (
        <div className="findings-top">
          <SeveritySummary scope={scope} />
          <div className="view-switch">
            <button
              type="button"
              className="button"
              aria-pressed={mapOpen}
              onClick={() => {
                rememberMapChoice(!mapOpen);
                update((s) => ({ ...s, map: { ...s.map, open: !mapOpen } }));
              }}
            >
              {mapOpen ? 'Hide attack map' : 'Show attack map'}
            </button>
          </div>
        </div>
      )}
      {scope && (
        <div className="findings-layout">
          <section className="findings-pane" aria-label="Findings">
            <FindingsTable scope={scope} />
          </section>
          {mapOpen && (
            <section className="map-pane" aria-label="Attack map">
              {firstRows ? (
                <ErrorBoundary what="the attack map">
                  <Suspense fallback={<p className="loading-line">Loading map…</p>}>
                    <AttackMapPanel scope={scope} />
                  </Suspense>
                </ErrorBoundary>
              ) : (
                <p className="loading-line">Loading map…</p>
              )}
            </section>
          )}
        </div>
      )}
    </main>
    {panelFindingId && (
      <ErrorBoundary what="this finding" resetKey={panelFindingId} frame={panelFrame}>
        <Suspense fallback={<aside className="detail-panel" aria-label="Finding"><p className="loading-line">Loading finding…</p></aside>}>
          <FindingDetailScreen findingId={panelFindingId} inPanel />
        </Suspense>
      </ErrorBoundary>
    )}
    </>
  );
}

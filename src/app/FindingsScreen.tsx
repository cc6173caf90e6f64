import { lazy, Suspense, useCallback, useEffect, useMemo } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { FindingsTable } from '../features/findings-table/FindingsTable';
import { SeveritySummary } from '../features/summary/SeveritySummary';
import { rememberMapChoice, useMapBesideTableDefault } from './map-default';
import { RegionUnavailable } from '../components/RegionUnavailable';
import { useScope } from '../view/scope';
import { useFindingsList } from '../view/findings-view';
import { requestRowReveal, useRowReveal } from '../view/detail-panel';
import { findingPath, navigate } from '../view/router';
import { findingLocation, useViewState, viewHref } from '../view/url-state';

// Leaflet and the basemap load only when the analyst opens the map.
const AttackMapPanel = lazy(() => import('../features/attack-map/AttackMapPanel'));
// The finding's page, also shown in the side panel.
const FindingDetailScreen = lazy(() => import('../features/finding-detail/FindingDetailScreen'));

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
    navigate(viewHref(findingPath(selected), { ...s, finding: findingLocation(s, byId.get(selected)) ?? s.finding }), { replace: true });
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
              <Suspense fallback={<p className="loading-line">Loading map…</p>}>
                <AttackMapPanel scope={scope} />
              </Suspense>
            </section>
          )}
        </div>
      )}
    </main>
    {panelFindingId && (
      <Suspense fallback={<aside className="detail-panel" aria-label="Finding"><p className="loading-line">Loading finding…</p></aside>}>
        <FindingDetailScreen findingId={panelFindingId} inPanel />
      </Suspense>
    )}
    </>
  );
}

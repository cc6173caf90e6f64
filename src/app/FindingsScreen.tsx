import { lazy, Suspense } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { FindingsTable } from '../features/findings-table/FindingsTable';
import { SeveritySummary } from '../features/summary/SeveritySummary';
import { rememberMapChoice, useMapBesideTableDefault } from './map-default';
import { RegionUnavailable } from './RegionUnavailable';
import { useScope } from './scope';
import { useViewState } from './url-state';

// Leaflet and the basemap load only when the analyst opens the map.
const AttackMapPanel = lazy(() => import('../features/attack-map/AttackMapPanel'));

/** The findings screen: composes the features, which share the URL state and the query cache. */
export function FindingsScreen() {
  const { scope, regions, unavailable } = useScope();
  const { state, update } = useViewState();
  const mapOpen = state.map.open;
  useMapBesideTableDefault();
  return (
    <main id="main" className={`page findings-page${mapOpen ? ' with-map' : ''}`}>
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
                update((s) => ({ ...s, map: { ...s.map, open: !s.map.open } }));
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
  );
}

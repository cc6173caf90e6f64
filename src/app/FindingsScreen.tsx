import { lazy, Suspense } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { FindingsTable } from '../features/findings-table/FindingsTable';
import { SeveritySummary } from '../features/summary/SeveritySummary';
import { rememberMapChoice, useMapBesideTableDefault } from './map-default';
import { useDetectorId } from './useDetector';
import { useViewState } from './url-state';

// Leaflet and the basemap load only when the analyst opens the map.
const AttackMapPanel = lazy(() => import('../features/attack-map/AttackMapPanel'));

/** The findings screen: composes the features, which share the URL state and the query cache. */
export function FindingsScreen() {
  const { detectorId, detectors } = useDetectorId();
  const { state, update } = useViewState();
  const mapOpen = state.map.open;
  useMapBesideTableDefault();
  return (
    <main id="main" className={`page findings-page${mapOpen ? ' with-map' : ''}`}>
      <h1 className="visually-hidden">Findings</h1>
      {detectors.isError && <ErrorBanner error={detectors.error} context="Could not list detectors" onRetry={() => detectors.refetch()} />}
      {detectors.data && detectors.data.detectorIds.length === 0 && (
        <div className="empty-state">
          <h2>No GuardDuty detector in this region</h2>
          <p>Enable GuardDuty in the account and region the server is configured for, then reload.</p>
        </div>
      )}
      <div className="findings-top">
        {detectorId && <SeveritySummary detectorId={detectorId} />}
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
      {detectorId && (
        <div className="findings-layout">
          <section className="findings-pane" aria-label="Findings">
            <FindingsTable detectorId={detectorId} />
          </section>
          {mapOpen && (
            <section className="map-pane" aria-label="Attack map">
              <Suspense fallback={<p className="loading-line">Loading map…</p>}>
                <AttackMapPanel detectorId={detectorId} />
              </Suspense>
            </section>
          )}
        </div>
      )}
    </main>
  );
}

/**
 * The attack map: where the remote IPs of the loaded findings are, clustered and coloured by the
 * highest severity inside, linked with the table through the URL (map.ip, selected, map view).
 * A lazy chunk: Leaflet, its CSS and the world outline load only when the analyst opens the map.
 */
import 'leaflet/dist/leaflet.css';
import './attack-map.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import * as L from 'leaflet';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { MapContainer } from 'react-leaflet';
import { findingQuery, healthQuery } from '../../api/queries';
import { useMediaQuery } from '../../lib/media-query';
import type { Scope } from '../../api/scope';
import { findingPath } from '../../view/paths';
import { findingLocation, useViewState, type MapView } from '../../view/url-state';
import { useFindingsList, useViewStatistics } from '../../view/findings-view';
import { ErrorBanner } from '../../components/ErrorBanner';
import { aggregatePages, compareIps, locatedIpOfFinding, type IpAggregate } from './aggregate';
import { Basemap } from './basemap';
import { clock, measure } from './metrics';
import { clusterIndexFor, type MapFeature } from './cluster';
import { IpDetails } from './IpDetails';
import { IpPopup } from './IpPopup';
import { MapAllControl } from './MapAllControl';
import { Attribution, ClusterLayer, FitControl, Legend, MapA11y, MapPortal, PanTo, ViewSync } from './MapLayers';
import { IpList, IpsInView, UnknownLocations } from './SideList';

/** City-level geolocation: deeper zooms show nothing new. Clusters exist up to this zoom. */
export const MAX_ZOOM = 12;
const WORLD: L.LatLngBoundsExpression = [
  [-50, -165],
  [72, 175],
];
const NARROW = '(max-width: 760px)';

const nf = new Intl.NumberFormat('en');

/** The attribution of configured tiles as plain text (it may be written as HTML, e.g. "&copy; <a>…</a>"). */
function plainText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent?.trim() ?? '';
}

type SideContent = { kind: 'cluster'; ips: IpAggregate[]; focus?: boolean } | undefined;

export default function AttackMapPanel({ scope }: { scope: Scope }) {
  const client = useQueryClient();
  const { state, update } = useViewState();
  // The table's query (same key, same cache entry): the map never fetches the list itself, and a
  // long list loaded by "Map all matching" is not refetched just because the map opened.
  const { view, query } = useFindingsList(scope, { refetchOnMount: false });
  const stats = useViewStatistics(scope);
  const health = useQuery(healthQuery());
  const tiles = health.data?.tiles ?? null;
  const narrow = useMediaQuery(NARROW);

  const prepared = useMemo(() => {
    const start = clock();
    const data = aggregatePages(query.data?.pages);
    const aggregated = clock();
    const index = clusterIndexFor(data.located, MAX_ZOOM);
    measure('fa-map:aggregate', start, aggregated);
    measure('fa-map:index', aggregated, clock());
    return { start, data, index };
  }, [query.data]);
  const { data, index } = prepared;

  const total = stats.data?.total;
  const pages = query.data?.pages;
  const hasMore = !!query.data?.hasMore;

  const [map, setMap] = useState<L.Map | null>(null);
  const [side, setSide] = useState<SideContent>(undefined);
  const [sideEl, setSideEl] = useState<HTMLElement | null>(null);
  const [focusKey, setFocusKey] = useState<number | undefined>(undefined);
  const [initialView] = useState(() => ({ view: state.map.view }));

  const selectedIp = state.map.ip;
  const selectedPoint = selectedIp ? data.byIp.get(selectedIp) : undefined;

  // The selected finding: loaded with the list, or (one detector) fetched by id. All regions: only loaded ones are known by id alone.
  const loadedFinding = useCallback((id: string | undefined) => (id ? pages?.flatMap((p) => p.findings).find((f) => f.id === id) : undefined), [pages]);
  const loadedSelected = useMemo(() => loadedFinding(state.selected), [loadedFinding, state.selected]);
  const selectedFinding = useQuery({
    ...findingQuery(client, scope.kind === 'detector' ? scope : { detectorId: '' }, state.selected ?? ''),
    enabled: !!state.selected && !loadedSelected && scope.kind === 'detector',
  });
  const findingPoint = state.selected ? locatedIpOfFinding(loadedSelected ?? selectedFinding.data ?? undefined, data) : undefined;
  const panTarget = useMemo(
    () => (state.selected && findingPoint?.location ? { id: state.selected, lat: findingPoint.location.lat, lon: findingPoint.location.lon } : undefined),
    [state.selected, findingPoint],
  );

  const selectIp = useCallback(
    (ip: IpAggregate | undefined, how: { focus?: boolean; pan?: boolean } = {}) => {
      update((s) => ({ ...s, map: { ...s.map, ip: ip?.ip } }), { replace: true });
      if (ip && how.focus) setFocusKey((k) => (k ?? 0) + 1);
      if (ip?.location && how.pan && map && !map.getBounds().contains([ip.location.lat, ip.location.lon])) map.panTo([ip.location.lat, ip.location.lon]);
    },
    [update, map],
  );

  const onActivate = useCallback(
    (feature: MapFeature) => {
      if (feature.point) {
        setSide(undefined);
        selectIp(feature.point, { focus: true });
        return;
      }
      if (!map || feature.clusterId === undefined) return;
      const [s, w, n, e] = feature.bounds;
      const zoom = map.getZoom();
      const canSplit = zoom < MAX_ZOOM && index.expansionZoom(feature.clusterId) <= MAX_ZOOM && !(s === n && w === e);
      if (canSplit) {
        // Zoom to the cluster's bounds, at least one level further in.
        const target = Math.min(MAX_ZOOM, Math.max(zoom + 1, map.getBoundsZoom([[s, w], [n, e]], false, L.point(80, 80))));
        map.flyTo([(s + n) / 2, (w + e) / 2], target, { duration: 0.35 });
      } else {
        setSide({ kind: 'cluster', ips: index.leaves(feature.clusterId).sort(compareIps), focus: true });
      }
    },
    [map, index, selectIp],
  );

  // The list of a cluster that cannot be split takes the focus when it opens.
  useEffect(() => {
    if (side?.focus) sideEl?.querySelector<HTMLElement>('#fa-cluster-ips')?.focus();
  }, [side, sideEl]);

  const onViewChange = useCallback((view: MapView) => update((s) => ({ ...s, map: { ...s.map, view } }), { replace: true }), [update]);

  const closePopup = useCallback(() => {
    const ip = state.map.ip;
    update((s) => ({ ...s, map: { ...s.map, ip: undefined } }), { replace: true });
    // Back to the marker that opened it, if it is still drawn.
    const key = ip && index.locate(ip, map?.getZoom() ?? 0);
    const marker = key ? map?.getContainer().querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) : undefined;
    if (marker && map?.getContainer().contains(document.activeElement)) marker.focus({ preventScroll: true });
  }, [update, state.map.ip, index, map]);

  const openFinding = useCallback(
    (findingId: string) => {
      update((s) => ({ ...s, selected: findingId }), { replace: true });
      update((s) => ({ ...s, finding: findingLocation(s, loadedFinding(findingId)) }), { pathname: findingPath(findingId) });
    },
    [update, loadedFinding],
  );
  const showInTable = useCallback(() => update((s) => ({ ...s, map: { ...s.map, open: false } })), [update]);

  const attribution = tiles ? plainText(tiles.attribution ?? '') || 'Map tiles: configured tile server' : 'World outline: Natural Earth';

  return (
    <div className="attack-map">
      <div className="attack-map__bar">
        <MapAllControl
          scope={scope}
          criteria={view.criteria}
          sort={view.sort}
          queryKey={view.listQueryKey}
          loaded={data.findingCount}
          total={total}
          hasMore={hasMore}
          ready={query.isSuccess}
        />
        <span className="attack-map__ips muted">
          {nf.format(data.located.length)} {data.located.length === 1 ? 'IP' : 'IPs'} on the map
          {data.unknown.length > 0 && ` · ${nf.format(data.unknown.length)} without a location`}
        </span>
      </div>
      {query.isError && <ErrorBanner error={query.error} context="Could not load findings for the map" onRetry={() => query.refetch()} />}
      <div className="attack-map__body">
        <div className="attack-map__canvas">
          <MapContainer
            ref={setMap}
            className="fa-map"
            {...(initialView.view ? { center: [initialView.view.lat, initialView.view.lng] as [number, number], zoom: initialView.view.zoom } : { bounds: WORLD })}
            minZoom={1}
            maxZoom={MAX_ZOOM}
            zoomSnap={0.5}
            zoomDelta={1}
            worldCopyJump={false}
            attributionControl={false}
          >
            <MapA11y label="Attack map: remote IPs of the findings. Arrow keys pan, plus and minus zoom, Tab reaches the markers; a cluster zooms in when activated." />
            <Basemap tiles={tiles} />
            <ClusterLayer index={index} renderStart={prepared.start} selectedIp={selectedIp} findingIp={findingPoint?.ip} onActivate={onActivate} />
            <ViewSync view={state.map.view} onViewChange={onViewChange} />
            <PanTo target={panTarget} />
            <FitControl points={data.located} />
            <UnknownLocations ips={data.unknown} selectedIp={selectedIp} onSelect={(ip) => selectIp(ip)} />
            <Attribution text={attribution} />
            <Legend />
            <IpPopup at={selectedPoint?.location} focusKey={focusKey} onClose={closePopup}>
              {selectedPoint?.location && <IpDetails ip={selectedPoint} onOpenFinding={openFinding} onShowInTable={narrow ? showInTable : undefined} />}
            </IpPopup>
            <MapPortal target={sideEl}>
              {side?.kind === 'cluster' ? (
                <section className="fa-side__section" aria-labelledby="fa-cluster-ips">
                  <div className="fa-side__head">
                    <h2 id="fa-cluster-ips" className="fa-side__title" tabIndex={-1}>
                      {nf.format(side.ips.length)} IPs at this spot
                    </h2>
                    <button type="button" className="button button-quiet" onClick={() => setSide(undefined)}>
                      Back to IPs in view
                    </button>
                  </div>
                  <IpList ips={side.ips} selectedIp={selectedIp} onSelect={(ip) => selectIp(ip, { focus: true })} />
                </section>
              ) : selectedPoint && !selectedPoint.location ? (
                <section className="fa-side__section" aria-label={`Selected IP ${selectedPoint.ip}`}>
                  <div className="fa-side__head">
                    <h2 className="fa-side__title">Selected IP (location unknown)</h2>
                    <button type="button" className="button button-quiet" onClick={() => selectIp(undefined)}>
                      Clear
                    </button>
                  </div>
                  <IpDetails ip={selectedPoint} level={3} onOpenFinding={openFinding} onShowInTable={narrow ? showInTable : undefined} />
                </section>
              ) : (
                <IpsInView points={data.located} selectedIp={selectedIp} onSelect={(ip) => selectIp(ip, { focus: true, pan: true })} />
              )}
            </MapPortal>
          </MapContainer>
        </div>
        <aside className="attack-map__side" ref={setSideEl} aria-label="Mapped IPs" />
      </div>
    </div>
  );
}

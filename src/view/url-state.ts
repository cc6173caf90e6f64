/**
 * View state in the URL: detector, sort, filters, selected finding and map view, so every view is
 * a shareable link that restores itself on reload and on back/forward. This module is the only
 * place that knows the parameter names.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { isSortAttributeName, type Finding, type FindingCriteria, type SortState } from '../guardduty';
import { detectorIdFromArn } from '../lib/attack-sequence';
import { SEVERITY_BANDS, type SeverityBand } from '../lib/severity';
import { criteriaFromFilters, DEFAULT_FILTERS, LIST_FILTER_KEYS, TIME_WINDOWS, type ArchivedState, type Filters, type TimeWindow } from './filters';
import { matchPath, navigate, useLocation } from './router';

export interface MapView {
  lat: number;
  lng: number;
  zoom: number;
}

export interface ViewState {
  /** `all`, one region's name, or undefined: all regions, unless `detectorId` names a detector of the default region (links of before regions). */
  region?: string;
  detectorId?: string;
  /** On a finding's page in all-regions mode: where the finding lives (the list stays all regions). */
  finding?: { region: string; detectorId: string };
  sort: SortState;
  filters: Filters;
  /** The finding highlighted in the table and on the map. */
  selected?: string;
  /** Whether the attack map panel is shown, its view, and the selected remote IP. */
  map: { open: boolean; view?: MapView; ip?: string };
  /** A finding opens in a side panel over the table (true) or as a page (false); undefined: as this browser last chose. */
  panel?: boolean;
}

/** The GuardDuty console's default: most recently seen first. */
export const DEFAULT_SORT: SortState = { attribute: 'service.eventLastSeen', order: 'DESC' };

const BANDS = SEVERITY_BANDS.map((b) => b.band) as string[];
const isBand = (v: string | null): v is SeverityBand => v !== null && BANDS.includes(v);
const num = (v: string | null) => (v !== null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

export function parseViewState(search: URLSearchParams): ViewState {
  const attr = search.get('sort');
  const sort: SortState =
    isSortAttributeName(attr)
      ? { attribute: attr, order: search.get('order') === 'ASC' ? 'ASC' : 'DESC' }
      : DEFAULT_SORT;

  const lists: Record<string, string[]> = {};
  // Plain names are "is" (as in links made before modes); `-name`, `name*`, `-name*` the other modes.
  for (const key of LIST_FILTER_KEYS) {
    const values = search.getAll(key).filter((v) => v !== '');
    if (values.length > 0) lists[key] = values;
  }
  const filters: Filters = { ...DEFAULT_FILTERS, lists };
  const sevFrom = search.get('sev');
  const sevTo = search.get('sevTo');
  if (isBand(sevFrom)) filters.severity = { from: sevFrom, to: isBand(sevTo) ? sevTo : 'critical' };
  const updated = search.get('updated');
  if (updated && updated in TIME_WINDOWS) filters.updated = { window: updated as TimeWindow };
  else if (updated === 'custom') filters.updated = { from: num(search.get('from')), to: num(search.get('to')) };
  const createdBefore = num(search.get('createdBefore'));
  if (createdBefore !== undefined) filters.created = { before: createdBefore };
  if (search.get('sequences') === '1') filters.sequencesOnly = true;
  const archived = search.get('archived');
  if (archived === 'archived' || archived === 'all') filters.archived = archived as ArchivedState;

  const lat = num(search.get('lat'));
  const lng = num(search.get('lng'));
  const zoom = num(search.get('z'));
  const findingRegion = search.get('findingRegion');
  const findingDetector = search.get('findingDetector');
  return {
    region: search.get('region') || undefined,
    detectorId: search.get('detector') || undefined,
    finding: findingRegion && findingDetector ? { region: findingRegion, detectorId: findingDetector } : undefined,
    sort,
    filters,
    selected: search.get('selected') || undefined,
    map: {
      open: search.get('map') === '1',
      view: lat !== undefined && lng !== undefined && zoom !== undefined ? { lat, lng, zoom } : undefined,
      ip: search.get('mapIp') || undefined,
    },
    panel: search.get('panel') === '1' ? true : search.get('panel') === '0' ? false : undefined,
  };
}

/** Whether a view state reads every region (the default for a URL that names neither region nor detector). */
export const isAllRegions = (state: Pick<ViewState, 'region' | 'detectorId'>) => state.region === 'all' || (!state.region && !state.detectorId);

/**
 * Where a finding lives, for a link to its page: needed in all-regions mode only (otherwise the
 * view's region and detector say it). Undefined when the finding does not tell.
 */
export function findingLocation(state: ViewState, finding: Finding | undefined): ViewState['finding'] {
  if (!isAllRegions(state)) return undefined;
  const detectorId = finding?.service?.detectorId ?? detectorIdFromArn(finding?.arn);
  return finding?.region && detectorId ? { region: finding.region, detectorId } : undefined;
}

/** Writes a state to parameters, leaving defaults out so links stay short. */
export function serializeViewState(state: ViewState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.region) p.set('region', state.region);
  if (state.detectorId) p.set('detector', state.detectorId);
  if (state.finding) {
    p.set('findingRegion', state.finding.region);
    p.set('findingDetector', state.finding.detectorId);
  }
  if (state.sort.attribute !== DEFAULT_SORT.attribute || state.sort.order !== DEFAULT_SORT.order) {
    p.set('sort', state.sort.attribute);
    p.set('order', state.sort.order);
  }
  const f = state.filters;
  for (const key of LIST_FILTER_KEYS) for (const v of f.lists[key] ?? []) p.append(key, v);
  if (f.severity) {
    p.set('sev', f.severity.from);
    if (f.severity.to !== 'critical') p.set('sevTo', f.severity.to);
  }
  if (f.updated) {
    if ('window' in f.updated) p.set('updated', f.updated.window);
    else {
      p.set('updated', 'custom');
      if (f.updated.from !== undefined) p.set('from', String(f.updated.from));
      if (f.updated.to !== undefined) p.set('to', String(f.updated.to));
    }
  }
  if (f.created) p.set('createdBefore', String(f.created.before));
  if (f.sequencesOnly) p.set('sequences', '1');
  if (f.archived !== 'current') p.set('archived', f.archived);
  if (state.selected) p.set('selected', state.selected);
  if (state.map.open) p.set('map', '1');
  if (state.map.view) {
    p.set('lat', state.map.view.lat.toFixed(4));
    p.set('lng', state.map.view.lng.toFixed(4));
    p.set('z', String(state.map.view.zoom));
  }
  if (state.map.ip) p.set('mapIp', state.map.ip);
  if (state.panel !== undefined) p.set('panel', state.panel ? '1' : '0');
  return p;
}

export function viewHref(pathname: string, state: ViewState): string {
  // Where a finding lives matters on its page only.
  const qs = serializeViewState(matchPath(pathname).screen === 'finding' ? state : { ...state, finding: undefined }).toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/**
 * The view state of the current URL and an updater. `update` takes a function of the current
 * state; `replace` is for changes that should not add a history entry (map panning, selection).
 */
export function useViewState() {
  const { pathname, href } = useLocation();
  const state = useMemo(() => parseViewState(new URL(href, 'http://local').searchParams), [href]);
  const update = useCallback(
    (change: (s: ViewState) => ViewState, options: { replace?: boolean; pathname?: string } = {}) => {
      const current = parseViewState(new URLSearchParams(window.location.search));
      navigate(viewHref(options.pathname ?? window.location.pathname, change(current)), { replace: options.replace });
    },
    [],
  );
  return { state, update, pathname };
}

// The anchor time for relative windows ("last 24 h"): fixed until the analyst refreshes, so the
// query key (and the data) does not change under them on every render.
let anchor = Date.now();
const anchorListeners = new Set<() => void>();

export function refreshAnchor(now = Date.now()): void {
  anchor = now;
  anchorListeners.forEach((l) => l());
}

export function useAnchorTime(): number {
  return useSyncExternalStore(
    (l) => {
      anchorListeners.add(l);
      return () => anchorListeners.delete(l);
    },
    () => anchor,
    () => anchor,
  );
}

/** The findingCriteria of the current filters, stable between refreshes. */
export function useFindingCriteria(filters: Filters): FindingCriteria {
  const now = useAnchorTime();
  const key = JSON.stringify(filters);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the filters' content
  return useMemo(() => criteriaFromFilters(filters, now), [key, now]);
}

/**
 * The findings table feature: server-side sort (every documented attribute), server-side filters,
 * pages of 50 loaded as the analyst scrolls, virtualized rows, URL state, keyboard, export.
 */
import type { ColumnSizingState, OnChangeFn, RowSelectionState, SortingState, Updater } from '@tanstack/react-table';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { Scope } from '../../api/scope';
import { useMediaQuery } from '../../lib/media-query';
import type { SortState } from '../../guardduty';
import { hasActiveFilters, type Filters } from '../../view/filters';
import { RegionChips, regionChips, useRegionList } from '../../components/RegionStatus';
import { findingHref, findingPath } from '../../view/paths';
import { findingLocation, useViewState } from '../../view/url-state';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useTimePreference } from '../../lib/preferences';
import { clampWidth, columnVisibility as visibleColumns, useColumnPrefs } from './column-prefs';
import type { ColumnId } from './column-meta';
import { clearFilters, filterChips, withAnyIp, type FilterChip } from './filter-model';
import { EmptyHints } from './EmptyHints';
import { FilterBar } from './FilterBar';
import { FindingsGrid } from './FindingsGrid';
import { actionTypeHoldingIp, hasRemoteIp } from './format';
import { describeSort, fromSorting, toSorting } from './sorting';
import { ColumnsMenu, ExportMenu, RefreshControls, SortMenu, TimeZoneToggle } from './TableToolbar';
import { HOTKEYS, useHotkeys } from '../../lib/hotkeys';
import { useFindingsList, useRefreshView, useViewStatistics } from '../../view/findings-view';
import { useGridScroll } from './useGridScroll';
import { useNewFindings } from './useNewFindings';
import './table.css';

const NO_ROWS: RowSelectionState = {};
/** The grid's virtualizer re-renders the table as rows scroll in: the filter bar only when its own props change. */
const MemoFilterBar = memo(FilterBar);

/** Screens this narrow get the card list instead of columns. */
export const CARD_LIST_QUERY = '(max-width: 600px)';

const nf = new Intl.NumberFormat('en');

/** Active filters as removable chips (the filter bar and the empty state show the same list). */
function FilterChips({ chips, onRemove }: { chips: readonly FilterChip[]; onRemove: (chip: FilterChip) => void }) {
  return (
    <ul className="chip-list">
      {chips.map((c) => (
        <li key={c.key}>
          <button type="button" className="chip" onClick={() => onRemove(c)} aria-label={`Remove filter ${c.label}`}>
            {c.label} <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function FindingsTable({ scope }: { scope: Scope }) {
  const { state, update } = useViewState();
  // The view's list and statistics (src/view/findings-view: the same cache entries as the map, the summary and the detail's previous / next).
  const { view, query, findings, loadMore } = useFindingsList(scope);
  const stats = useViewStatistics(scope);
  const refresh = useRefreshView(view);
  const { criteria, listQueryKey: queryKey } = view;
  const total = stats.data?.total;
  const pageRegions = query.data?.pageRegions;
  const allRegions = scope.kind === 'all';
  const knownRegions = useRegionList();
  const regionChipList = useMemo(
    () => (allRegions ? regionChips(knownRegions, pageRegions, stats.data?.regions, (r) => stats.data?.regionCounts.get(r)) : []),
    [allRegions, knownRegions, pageRegions, stats.data],
  );
  const countedRegions = stats.data?.regions?.filter((r) => r.status === 'ok').length;
  const [zone] = useTimePreference();
  const columns = useColumnPrefs(scope.kind === 'all');
  const filterInput = useRef<HTMLInputElement>(null);
  const listKey = useMemo(() => JSON.stringify(queryKey), [queryKey]);
  // Narrow screens fold the controls away (CSS only acts on this below 760 px).
  const [controlsCollapsed, setControlsCollapsed] = useState(true);

  // Checked rows belong to one list: a new sort or filter starts with none.
  const [checkedState, setCheckedState] = useState<{ key: string; rows: RowSelectionState }>({ key: listKey, rows: NO_ROWS });
  const checked = checkedState.key === listKey ? checkedState.rows : NO_ROWS;
  const setChecked = useCallback((rows: RowSelectionState) => setCheckedState({ key: listKey, rows }), [listKey]);
  const selectedFindings = useMemo(() => findings.filter((f) => checked[f.id]), [findings, checked]);

  const loadedIds = useMemo(() => new Set(findings.map((f) => f.id)), [findings]);
  const fresh = useNewFindings(scope, criteria, loadedIds, query.isSuccess);

  // The grid's scroll container and virtualizer live here, with the controls that change the list:
  // a new list (sort, filters) starts at the top in the commit that shows it (useGridScroll).
  const cards = useMediaQuery(CARD_LIST_QUERY);
  const selectedIndex = useMemo(() => (state.selected ? findings.findIndex((f) => f.id === state.selected) : -1), [findings, state.selected]);
  const idAt = useCallback((i: number) => findings[i]?.id, [findings]);
  const pending = query.isPending && !query.isError;
  const { scrollRef, virtualizer, rowHeight, keep: keepScroll } = useGridScroll({
    listKey,
    count: pending ? 0 : findings.length,
    idAt,
    cards,
    selectedIndex,
    loadMore,
  });
  const setFilters = useCallback((filters: Filters) => update((s) => ({ ...s, filters })), [update]);
  const setSort = useCallback((sort: SortState) => update((s) => ({ ...s, sort })), [update]);
  // Manual sorting: the header asks TanStack Table for a new sorting state, which becomes the URL's sort (the server sorts).
  const onSortingChange = useCallback<OnChangeFn<SortingState>>(
    (updater) => update((s) => ({ ...s, sort: fromSorting(typeof updater === 'function' ? updater(toSorting(s.sort)) : updater) })),
    [update],
  );
  const onSelect = useCallback((id: string) => update((s) => ({ ...s, selected: id }), { replace: true }), [update]);
  // All regions: a finding's page needs to know where the finding lives.
  const byId = useMemo(() => new Map(findings.map((f) => [f.id, f])), [findings]);
  const onOpen = useCallback(
    (id: string) => {
      // The list entry remembers the finding and the scroll offset, so Back returns to both; then the detail view opens.
      keepScroll();
      update((s) => ({ ...s, selected: id }), { replace: true });
      update((s) => ({ ...s, finding: findingLocation(s, byId.get(id)) }), { pathname: findingPath(id) });
    },
    [update, byId, keepScroll],
  );
  const hrefFor = useCallback((id: string) => findingHref(state, byId.get(id) ?? id), [state, byId]);

  const focusTable = useCallback(() => {
    const row = scrollRef.current?.querySelector<HTMLElement>('tbody tr[tabindex="0"]');
    if (row) row.focus();
    else filterInput.current?.blur();
  }, [scrollRef]);

  // "/" focuses the filter from anywhere outside a text field.
  useHotkeys({ [HOTKEYS.focusFilter]: () => filterInput.current?.focus() });

  const doRefresh = useCallback(() => {
    fresh.acknowledge();
    scrollRef.current?.scrollTo({ top: 0 });
    refresh();
  }, [fresh, refresh, scrollRef]);

  // The map beside the table leaves room for the compact set; the sort column always shows.
  const compact = state.map.open;
  const columnVisibility = useMemo(
    () => visibleColumns(columns.prefs, { compact, sortAttribute: state.sort.attribute }),
    [columns.prefs, compact, state.sort.attribute],
  );
  const { setWidths } = columns;
  const columnSizing = columns.prefs.widths as ColumnSizingState;
  const onColumnSizingChange = useCallback(
    (updater: Updater<ColumnSizingState>) =>
      setWidths((old) => {
        const next = typeof updater === 'function' ? updater(old as ColumnSizingState) : updater;
        return Object.fromEntries(Object.entries(next).map(([id, w]) => [id as ColumnId, clampWidth(w)]));
      }),
    [setWidths],
  );

  const gridList = useMemo(() => ({ findings, pending, total }), [findings, pending, total]);
  const gridColumns = useMemo(
    () => ({ order: columns.prefs.order, visibility: columnVisibility, sizing: columnSizing, onSizingChange: onColumnSizingChange }),
    [columns.prefs.order, columnVisibility, columnSizing, onColumnSizingChange],
  );
  const selection = useMemo(() => ({ checked, onCheckedChange: setChecked, selectedId: state.selected, onSelect }), [checked, setChecked, state.selected, onSelect]);
  const scroll = useMemo(() => ({ ref: scrollRef, virtualizer, rowHeight }), [scrollRef, virtualizer, rowHeight]);

  const filters = state.filters;
  const filterChipList = filterChips(filters, zone === 'local');
  const mapIp = state.map.ip;
  const mapMatches = useMemo(() => (mapIp ? findings.filter((f) => hasRemoteIp(f, mapIp)) : []), [findings, mapIp]);

  const filterToMapIp = () => {
    if (!mapIp) return;
    const type = mapMatches.map((f) => actionTypeHoldingIp(f, mapIp)).find(Boolean) ?? 'NETWORK_CONNECTION';
    // Every action type's IP field at once (one any-action filter at a time: with Country of any action set, the field that holds it).
    setFilters(withAnyIp(filters, mapIp, type));
  };

  const retry = () => {
    if (query.isFetchNextPageError) void query.fetchNextPage();
    else void query.refetch();
  };

  const empty = (
    <div className="empty-state table-empty">
      <h2>No findings match</h2>
      {filterChipList.length > 0 ? (
        <>
          <p>
            {filterChipList.length === 1 ? 'This filter hides' : 'These filters together hide'} every finding{' '}
            {allRegions ? 'in every region that answered' : 'of the detector'}:
          </p>
          <FilterChips chips={filterChipList} onRemove={(c) => setFilters(c.remove(filters))} />
          <EmptyHints scope={scope} filters={filters} chips={filterChipList} onChange={setFilters} />
        </>
      ) : null}
      {filters.archived === 'current' && <p>Only current findings are shown; archived findings are hidden (as in the GuardDuty console).</p>}
      <p className="empty-actions">
        {hasActiveFilters(filters) && (
          <button type="button" className="button" onClick={() => setFilters(clearFilters())}>
            Clear all filters
          </button>
        )}
        {filters.archived === 'current' && (
          <button type="button" className="button" onClick={() => setFilters({ ...filters, archived: 'all' })}>
            Include archived findings
          </button>
        )}
      </p>
    </div>
  );

  const footer = query.isFetchingNextPage ? (
    <span className="loading-line">Loading more findings…</span>
  ) : query.isFetchNextPageError ? (
    <span>
      Could not load more findings.{' '}
      <button type="button" className="button" onClick={() => void query.fetchNextPage()}>
        Retry
      </button>
    </span>
  ) : !query.hasNextPage ? (
    <span className="muted">End of the list · {nf.format(findings.length)} findings</span>
  ) : null;

  return (
    <div className="findings-table-feature">
      <div className="table-controls" id="table-controls" data-collapsed={controlsCollapsed}>
        <button
          type="button"
          className="button controls-toggle"
          aria-expanded={!controlsCollapsed}
          onClick={() => setControlsCollapsed((c) => !c)}
        >
          Filters and sorting{filterChipList.length > 0 ? ` (${filterChipList.length} active)` : ''} <span aria-hidden="true">{controlsCollapsed ? '▾' : '▴'}</span>
        </button>
        <MemoFilterBar scope={scope} filters={filters} onChange={setFilters} findings={findings} inputRef={filterInput} onEscape={focusTable} localTime={zone === 'local'} />
        <div className="table-toolbar">
          <SortMenu sort={state.sort} onChange={setSort} />
          <RefreshControls onRefresh={doRefresh} fetching={query.isFetching && !query.isFetchingNextPage} />
          <TimeZoneToggle />
          <div className="toolbar-end">
            <ColumnsMenu columns={columns} />
            <ExportMenu
              source={scope.kind === 'all' ? 'all-regions' : scope.detectorId}
              loaded={findings}
              selected={selectedFindings}
              all={{ scope, criteria, sort: state.sort, queryKey, total, hasMore: !!query.hasNextPage }}
            />
          </div>
        </div>
      </div>

      {(filterChipList.length > 0 || mapIp) && (
        <div className="active-filters" aria-label="Active filters" role="region">
          <FilterChips chips={filterChipList} onRemove={(c) => setFilters(c.remove(filters))} />
          {filterChipList.length > 0 && (
            <button type="button" className="button button-quiet" onClick={() => setFilters(clearFilters())}>
              Clear all
            </button>
          )}
          {mapIp && (
            <span className="map-ip-note">
              <span>
                Map selection <span className="mono">{mapIp}</span> — {mapMatches.length} loaded {mapMatches.length === 1 ? 'finding' : 'findings'}{' '}
                highlighted
              </span>
              <button type="button" className="button button-quiet" onClick={filterToMapIp}>
                Filter to this IP
              </button>
              <button
                type="button"
                className="button button-quiet"
                aria-label="Clear the map selection"
                onClick={() => update((s) => ({ ...s, map: { ...s.map, ip: undefined } }), { replace: true })}
              >
                ×
              </button>
            </span>
          )}
        </div>
      )}

      {allRegions && <RegionChips chips={regionChipList} pending={query.isPending || stats.isPending} />}

      <div className="table-status">
        <span className="result-count" data-testid="result-count">
          {pending
            ? 'Loading findings…'
            : `Showing ${nf.format(findings.length)} of ${total !== undefined ? nf.format(Math.max(total, findings.length)) : stats.isError ? '? (total unavailable)' : '…'} findings`}
          {allRegions && countedRegions !== undefined && !pending && ` across ${countedRegions} ${countedRegions === 1 ? 'region' : 'regions'}`}
        </span>
        <span className="muted"> · sorted by {describeSort(state.sort)}</span>
        {selectedFindings.length > 0 && (
          <span>
            {' '}
            · {selectedFindings.length} selected{' '}
            <button type="button" className="button button-quiet" onClick={() => setChecked(NO_ROWS)}>
              Clear selection
            </button>
          </span>
        )}
        <span className="visually-hidden" role="status">
          {pending
            ? ''
            : `${total !== undefined ? `${nf.format(total)} findings` : ''}${allRegions && countedRegions !== undefined ? ` across ${countedRegions} regions` : ''}, sorted by ${describeSort(state.sort)}`}
        </span>
      </div>

      {query.isError && (
        <ErrorBanner
          error={query.error}
          context={query.isFetchNextPageError ? 'Could not load more findings' : query.data ? 'Could not refresh the findings' : 'Could not load findings'}
          onRetry={retry}
        />
      )}

      <div className="grid-wrap">
        {fresh.newIds.length > 0 && (
          <button type="button" className="new-findings" onClick={doRefresh}>
            {fresh.newIds.length >= 50 ? '50+' : fresh.newIds.length} new {fresh.newIds.length === 1 ? 'finding' : 'findings'} — show
          </button>
        )}
        <FindingsGrid
          list={gridList}
          sort={state.sort}
          onSortingChange={onSortingChange}
          columns={gridColumns}
          selection={selection}
          hrefFor={hrefFor}
          onOpen={onOpen}
          scroll={scroll}
          layout={cards ? 'cards' : 'table'}
          mapIp={mapIp}
          empty={query.isError ? <p className="muted table-empty">No findings loaded.</p> : empty}
          footer={footer}
        />
      </div>
    </div>
  );
}

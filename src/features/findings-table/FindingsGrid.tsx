/**
 * The findings grid: a real <table> (native semantics, aria-rowcount/rowindex for the rows not in
 * the DOM) inside its own scroll container. Rows are virtualized with padding rows, so at most
 * the visible rows plus overscan are rendered however many pages are loaded.
 */
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnOrderState,
  type ColumnSizingState,
  type Header,
  type Row,
  type RowSelectionState,
  type Updater,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Finding, SortAttributeName, SortState } from '../../guardduty';
import { SeverityBadge } from '../../components/SeverityBadge';
import { Time } from '../../components/Time';
import { columnInfo, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from './column-meta';
import { SELECT_COLUMN_ID, TABLE_COLUMNS, type GridMeta } from './columns';
import { hasRemoteIp, remoteLabel, resourceLabel } from './format';
import { HOTKEYS, useHotkeys } from '../../lib/hotkeys';
import { isTextEntry } from '../../lib/keyboard';
import { ariaSort } from './sorting';

/** Two lines: titles, finding types and resources wrap once instead of being cut at 20 characters. */
export const ROW_HEIGHT = 52;
/** A card of the narrow-screen list: severity and last seen, title (two lines), resource, remote IP. */
export const CARD_HEIGHT = 108;
export const HEADER_HEIGHT = 50;
/** A keyboard step of a column resize handle, in px (Shift: four times as much). */
const RESIZE_STEP = 16;
const OVERSCAN = 8;
/** Start loading the next page this many rows before the end of the loaded ones. */
const PREFETCH_ROWS = 15;

/** Scroll offsets per list, so coming back from a finding lands where the analyst was. */
const scrollMemory = new Map<string, number>();

/** Forgets remembered scroll offsets (tests start each case from the top). */
export function forgetScrollPositions(): void {
  scrollMemory.clear();
}

export interface FindingsGridProps {
  findings: Finding[];
  pending: boolean;
  /** Identity of the list (detector, criteria, sort): a new list starts at the top. */
  listKey: string;
  sort: SortState;
  onSort: (attribute: SortAttributeName) => void;
  columnOrder: ColumnOrderState;
  columnVisibility: VisibilityState;
  /** Widths the analyst gave columns (column id → px). */
  columnSizing?: ColumnSizingState;
  onColumnSizingChange?: (updater: Updater<ColumnSizingState>) => void;
  /** 'cards': the narrow-screen list, one card per finding, instead of columns. */
  layout?: 'table' | 'cards';
  /** How the list is sorted, in words (the card list's header says it). */
  sortDescription?: string;
  checked: RowSelectionState;
  onCheckedChange: (next: RowSelectionState) => void;
  selectedId?: string;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  hrefFor: (id: string) => string;
  mapIp?: string;
  /** All findings of the view (statistics), for aria-rowcount. */
  total?: number;
  loadMore: () => void;
  empty?: ReactNode;
  footer?: ReactNode;
  /**
   * The scroll container, as state: the rows' virtualizer may mount in the same commit as the
   * container (a list already in the cache), before a ref object would be set.
   */
  scrollElement: HTMLDivElement | null;
  onScrollElement: (el: HTMLDivElement | null) => void;
  /**
   * True when the change of list was made by the table's own controls, which already scrolled to
   * the top before the DOM changed (cheap); otherwise (back/forward, the summary bar) the grid does
   * it after rendering, which costs a forced layout.
   */
  consumeScrollReset?: () => boolean;
}


export function FindingsGrid(props: FindingsGridProps) {
  const { findings, checked, onCheckedChange, onOpen, hrefFor, sort, onSort, pending, onScrollElement } = props;
  const lastToggled = useRef<number | undefined>(undefined);

  const meta = useMemo<GridMeta>(
    () => ({
      hrefFor,
      open: onOpen,
      toggleRow: (index, value, shiftKey) => {
        const next = { ...checked };
        const from = shiftKey && lastToggled.current !== undefined ? Math.min(lastToggled.current, index) : index;
        const to = shiftKey && lastToggled.current !== undefined ? Math.max(lastToggled.current, index) : index;
        for (let i = from; i <= to; i++) {
          const id = findings[i]?.id;
          if (!id) continue;
          if (value) next[id] = true;
          else delete next[id];
        }
        lastToggled.current = index;
        onCheckedChange(next);
      },
      toggleAll: (value) => onCheckedChange(value ? Object.fromEntries(findings.map((f) => [f.id, true])) : {}),
    }),
    [hrefFor, onOpen, checked, onCheckedChange, findings],
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table returns a stable instance by design
  const table = useReactTable({
    data: findings,
    columns: TABLE_COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (f) => f.id,
    manualSorting: true,
    enableRowSelection: true,
    enableColumnResizing: true,
    columnResizeMode: 'onChange',
    onColumnSizingChange: props.onColumnSizingChange,
    state: {
      columnOrder: [SELECT_COLUMN_ID, ...props.columnOrder],
      columnVisibility: props.columnVisibility,
      rowSelection: checked,
      columnSizing: props.columnSizing ?? NO_SIZING,
    },
    meta,
  });

  if (props.layout === 'cards') return <CardGrid {...props} table={table} />;

  const visibleColumns = table.getVisibleLeafColumns();
  const colCount = visibleColumns.length;
  const width = visibleColumns.reduce((sum, c) => sum + c.getSize(), 0);
  const sizing = props.columnSizing ?? NO_SIZING;

  return (
    <div className="grid-scroll" ref={onScrollElement} data-testid="findings-scroll">
      <table
        className="findings-grid"
        aria-label="Findings"
        aria-rowcount={props.total !== undefined ? Math.max(props.total, findings.length) + 1 : -1}
        aria-busy={pending || undefined}
        data-state={pending ? 'loading' : 'ready'}
        data-sort={`${sort.attribute}:${sort.order}`}
        style={{ minWidth: width }}
      >
        <colgroup>
          {visibleColumns.map((c) => (
            // The title column (no fixed width) takes the room left over.
            // (Once the analyst resizes it, it keeps that width like the others.)
            <col key={c.id} style={c.id === 'title' && sizing.title === undefined ? undefined : { width: c.getSize() }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const info = columnInfo(header.column.id);
                const attribute = info?.sortAttribute;
                if (!info || !attribute) {
                  return (
                    <th key={header.id} scope="col" className={header.column.id === SELECT_COLUMN_ID ? 'select-cell' : 'plain-header'}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      {info && <ResizeHandle header={header} label={info.label} />}
                    </th>
                  );
                }
                const state = ariaSort(sort, attribute);
                return (
                  <th key={header.id} scope="col" aria-sort={state === 'none' ? undefined : state} className={`sortable${state !== 'none' ? ' sorted' : ''}`}>
                    <button type="button" className="sort-button" onClick={() => onSort(attribute)} data-sort-attribute={attribute}>
                      <span className="sort-label">
                        {info.label}
                        <span className={`sort-indicator sort-${state}`} aria-hidden="true">
                          {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕'}
                        </span>
                      </span>
                      {info.sortNote && <span className="sort-note">{info.sortNote}</span>}
                    </button>
                    <ResizeHandle header={header} label={info.label} />
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        {!pending && findings.length === 0 ? (
          <tbody>
            <tr>
              <td colSpan={colCount} className="empty-cell">
                {props.empty}
              </td>
            </tr>
          </tbody>
        ) : (
          // Stays mounted through loading (skeleton rows inside): the virtualizer keeps its measured
          // viewport, so a new sort costs one render and one layout.
          <GridBody {...props} rows={pending ? NO_ROWS : table.getRowModel().rows} colCount={colCount} />
        )}
        {props.footer && !pending && findings.length > 0 && (
          <tfoot>
            <tr>
              <td colSpan={colCount} className="footer-cell">
                {props.footer}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

const NO_ROWS: Row<Finding>[] = [];
const NO_SIZING: ColumnSizingState = {};

/**
 * A column's resize handle: drag it (mouse or touch), or focus it and use the arrow keys (Shift for
 * bigger steps, Home for the default width). The width is kept per browser with the column prefs.
 */
function ResizeHandle({ header, label }: { header: Header<Finding, unknown>; label: string }) {
  const column = header.column;
  const size = column.getSize();
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? RESIZE_STEP * 4 : RESIZE_STEP;
    let next: number | undefined;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') next = size - step;
    else if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = size + step;
    else if (e.key === 'Home') {
      e.preventDefault();
      e.stopPropagation();
      column.resetSize();
      return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
    const width = Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, next));
    header.getContext().table.setColumnSizing((old) => ({ ...old, [column.id]: width }));
  };
  const handler = header.getResizeHandler();
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${label} column`}
      aria-valuenow={size}
      aria-valuemin={MIN_COLUMN_WIDTH}
      aria-valuemax={MAX_COLUMN_WIDTH}
      tabIndex={0}
      className={`resize-handle${column.getIsResizing() ? ' is-resizing' : ''}`}
      title="Drag or use the arrow keys to resize; double-click or Home for the default width"
      onMouseDown={handler}
      onTouchStart={handler}
      onDoubleClick={() => column.resetSize()}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={onKeyDown}
    />
  );
}

/**
 * Narrow screens (≤ 600 px): one card per finding (severity, title, resource, remote IP, last
 * seen) instead of a squeezed table. Still a <table> of one data column, so the rows keep their
 * semantics, virtualization, selection and keyboard (j/k, arrows, Enter, Space/x).
 */
function CardGrid(props: FindingsGridProps & { table: ReturnType<typeof useReactTable<Finding>> }) {
  const { table, findings, pending, onScrollElement, sort } = props;
  const colCount = 2;
  return (
    <div className="grid-scroll grid-cards" ref={onScrollElement} data-testid="findings-scroll">
      <table
        className="findings-grid findings-cards"
        aria-label="Findings"
        aria-rowcount={props.total !== undefined ? Math.max(props.total, findings.length) + 1 : -1}
        aria-busy={pending || undefined}
        data-state={pending ? 'loading' : 'ready'}
        data-sort={`${sort.attribute}:${sort.order}`}
      >
        <colgroup>
          <col className="select-col" />
          <col />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="select-cell">
              {flexRender(TABLE_COLUMNS[0].header, table.getFlatHeaders()[0].getContext())}
            </th>
            <th scope="col" className="plain-header">
              Finding{props.sortDescription && <span className="sort-note"> · sorted by {props.sortDescription}</span>}
            </th>
          </tr>
        </thead>
        {!pending && findings.length === 0 ? (
          <tbody>
            <tr>
              <td colSpan={colCount} className="empty-cell">
                {props.empty}
              </td>
            </tr>
          </tbody>
        ) : (
          <GridBody {...props} rows={pending ? NO_ROWS : table.getRowModel().rows} colCount={colCount} cards />
        )}
        {props.footer && !pending && findings.length > 0 && (
          <tfoot>
            <tr>
              <td colSpan={colCount} className="footer-cell">
                {props.footer}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

function FindingCard({ finding, href, onOpen }: { finding: Finding; href: string; onOpen: (id: string) => void }) {
  const resource = resourceLabel(finding);
  const remote = remoteLabel(finding);
  return (
    <div className="finding-card">
      <div className="card-top">
        <SeverityBadge severity={finding.severity} />
        <span className="card-seen">
          <Time value={finding.service?.eventLastSeen} />
        </span>
      </div>
      <a
        href={href}
        tabIndex={-1}
        className="title-link card-title"
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) {
            e.stopPropagation();
            return;
          }
          e.preventDefault();
          e.stopPropagation();
          onOpen(finding.id);
        }}
      >
        {finding.title || finding.id}
      </a>
      <div className="card-facts">
        <span className="card-resource" title={resource?.text}>
          {resource ? resource.text : '—'}
        </span>
        {remote && (
          <span className="card-remote">
            <span className="mono">{remote.ip}</span>
            {remote.country && <span className="cell-sub"> {remote.country}</span>}
          </span>
        )}
      </div>
    </div>
  );
}

function SkeletonRows({ colCount }: { colCount: number }) {
  return Array.from({ length: 12 }, (_, i) => (
    <tr key={`skeleton-${i}`} className="skeleton-row" aria-hidden="true">
      {Array.from({ length: colCount }, (_, j) => (
        <td key={j}>
          <span className="skeleton-bar" />
        </td>
      ))}
    </tr>
  ));
}

interface GridBodyProps extends FindingsGridProps {
  rows: Row<Finding>[];
  colCount: number;
  /** The narrow-screen card list. */
  cards?: boolean;
}

/** The lowest component that renders rows: it owns the virtualizer. */
function GridBody({ rows, colCount, cards, pending, scrollElement, consumeScrollReset, listKey, selectedId, onSelect, onOpen, hrefFor, mapIp, loadMore, checked, onCheckedChange }: GridBodyProps) {
  const rowHeight = cards ? CARD_HEIGHT : ROW_HEIGHT;
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const pendingFocus = useRef<string | undefined>(undefined);

  // The container is already laid out: rows render in the first pass instead of after a measure.
  const [initialRect] = useState(() => (scrollElement ? { width: scrollElement.clientWidth, height: scrollElement.clientHeight } : undefined));
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollElement,
    initialRect,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialOffset: () => scrollMemory.get(listKey) ?? 0,
    getItemKey: (i) => rows[i]?.id ?? i,
  });

  // A new list (sort, filters, detector) starts at the top; the same list keeps its offset.
  const shownKey = useRef(listKey);
  useEffect(() => {
    const el = scrollElement;
    if (!el) return;
    if (shownKey.current !== listKey) {
      shownKey.current = listKey;
      if (!consumeScrollReset?.()) el.scrollTo({ top: 0 });
    }
    const onScroll = () => scrollMemory.set(listKey, el.scrollTop);
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [listKey, scrollElement, consumeScrollReset]);

  const indexById = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);
  const activeIndex = selectedId !== undefined ? (indexById.get(selectedId) ?? -1) : -1;

  // Coming back to a list with a selected finding that is not in view: bring it into view once.
  const revealed = useRef(false);
  useEffect(() => {
    if (revealed.current || activeIndex < 0) return;
    revealed.current = true;
    if (scrollMemory.has(listKey)) return;
    // After the virtualizer has measured its viewport (not inside this commit).
    const timer = window.setTimeout(() => virtualizer.scrollToIndex(activeIndex, { align: 'center' }), 0);
    return () => window.clearTimeout(timer);
  }, [activeIndex, listKey, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1].index : -1;

  // Back on a list seen before (e.g. from a finding): scroll the element to where the analyst left
  // it once its rows are laid out, before paint. (The virtualizer's initialOffset scrolls too early,
  // while the body is still empty, and the browser clamps it to 0.)
  const restored = useRef(false);
  useLayoutEffect(() => {
    const el = scrollElement;
    if (!el || restored.current || items.length === 0) return;
    restored.current = true;
    const saved = scrollMemory.get(listKey);
    if (saved) el.scrollTop = saved;
  }, [scrollElement, items.length, listKey]);
  useEffect(() => {
    if (lastIndex >= rows.length - PREFETCH_ROWS) loadMore();
  }, [lastIndex, rows.length, loadMore]);

  // Focus follows the keyboard once the target row is rendered.
  useEffect(() => {
    const id = pendingFocus.current;
    if (!id || !bodyRef.current) return;
    const el = bodyRef.current.querySelector<HTMLElement>(`tr[data-finding-id="${CSS.escape(id)}"]`);
    if (el) {
      pendingFocus.current = undefined;
      el.focus({ preventScroll: true });
    }
  });

  const moveTo = useCallback(
    (index: number) => {
      if (rows.length === 0) return;
      const i = Math.max(0, Math.min(rows.length - 1, index));
      const id = rows[i].id;
      pendingFocus.current = id;
      virtualizer.scrollToIndex(i, { align: 'auto' });
      onSelect(id);
      const el = bodyRef.current?.querySelector<HTMLElement>(`tr[data-finding-id="${CSS.escape(id)}"]`);
      if (el) {
        pendingFocus.current = undefined;
        el.focus({ preventScroll: true });
      }
    },
    [rows, virtualizer, onSelect],
  );

  const toggleChecked = useCallback(
    (id: string) => {
      const next = { ...checked };
      if (next[id]) delete next[id];
      else next[id] = true;
      onCheckedChange(next);
    },
    [checked, onCheckedChange],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || isTextEntry(e.target)) return;
    const page = Math.max(1, Math.floor(((scrollElement?.clientHeight ?? 400) - HEADER_HEIGHT) / rowHeight) - 1);
    const at = activeIndex;
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        moveTo(at + 1);
        break;
      case 'ArrowUp':
      case 'k':
        moveTo(at < 0 ? 0 : at - 1);
        break;
      case 'PageDown':
        moveTo(at + page);
        break;
      case 'PageUp':
        moveTo(at - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'Enter':
        if (at >= 0) onOpen(rows[at].id);
        break;
      case ' ':
      case 'x':
        // A focused checkbox toggles itself on Space.
        if (e.key === ' ' && e.target instanceof HTMLInputElement) return;
        if (at >= 0) toggleChecked(rows[at].id);
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  // j / k also work when focus is not in the table (and not in a text field); in the table its own handler answers.
  useHotkeys({
    [HOTKEYS.next]: () => moveTo(activeIndex + 1),
    [HOTKEYS.previous]: () => moveTo(activeIndex < 0 ? 0 : activeIndex - 1),
  });

  const padTop = items.length > 0 ? items[0].start - HEADER_HEIGHT : 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1].end - HEADER_HEIGHT) : 0;
  const focusIndex = activeIndex >= 0 ? activeIndex : 0;

  return (
    <tbody ref={bodyRef} onKeyDown={onKeyDown} className={pending ? 'skeleton-body' : undefined}>
      {pending && <SkeletonRows colCount={colCount} />}
      {padTop > 0 && (
        <tr className="spacer-row" aria-hidden="true">
          <td colSpan={colCount} style={{ height: padTop }} />
        </tr>
      )}
      {items.map((item) => {
        const row = rows[item.index];
        const f = row.original;
        const isActive = item.index === activeIndex;
        const mapMatch = mapIp ? hasRemoteIp(f, mapIp) : false;
        const cls = ['finding-row', isActive && 'is-active', row.getIsSelected() && 'is-checked', mapMatch && 'is-map-match'].filter(Boolean).join(' ');
        return (
          <tr
            key={row.id}
            className={cls}
            data-finding-id={f.id}
            data-index={item.index}
            aria-rowindex={item.index + 2}
            aria-current={isActive ? 'true' : undefined}
            tabIndex={item.index === focusIndex ? 0 : -1}
            onFocus={(e) => {
              if (e.target === e.currentTarget && !isActive) onSelect(f.id);
            }}
            onClick={(e) => {
              if ((e.target as HTMLElement).closest('input, button, a, label')) return;
              if (window.getSelection()?.toString()) return; // copying an IP is not opening
              onOpen(f.id);
            }}
          >
            {cards ? (
              <>
                <td className="select-cell">{flexRender(TABLE_COLUMNS[0].cell, row.getAllCells()[0].getContext())}</td>
                <td className="card-cell">
                  <FindingCard finding={f} href={hrefFor(f.id)} onOpen={onOpen} />
                </td>
              </>
            ) : (
              row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={cell.column.id === SELECT_COLUMN_ID ? 'select-cell' : `cell-${cell.column.id}`}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))
            )}
          </tr>
        );
      })}
      {padBottom > 0 && (
        <tr className="spacer-row" aria-hidden="true">
          <td colSpan={colCount} style={{ height: padBottom }} />
        </tr>
      )}
    </tbody>
  );
}

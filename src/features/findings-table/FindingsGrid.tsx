/**
 * The findings grid: a real <table> (native semantics, aria-rowcount/rowindex for the rows not in
 * the DOM) inside its own scroll container. Rows are virtualized with padding rows, so at most
 * the visible rows plus overscan are rendered however many pages are loaded. The container and
 * the virtualizer belong to the table (useGridScroll), which changes the list; the grid renders
 * what it is given: the list, the sort (TanStack Table in manual sorting), columns, selection.
 */
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnOrderState,
  type ColumnSizingState,
  type Header,
  type OnChangeFn,
  type Row,
  type RowSelectionState,
  type SortingState,
  type Table,
  type VisibilityState,
} from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { Finding, SortState } from '../../guardduty';
import { SeverityBadge } from '../../components/SeverityBadge';
import { Time } from '../../components/Time';
import { columnInfo, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from './column-meta';
import { FindingLink, SELECT_COLUMN_ID, TABLE_COLUMNS, type GridMeta } from './columns';
import { hasRemoteIp, remoteLabel, resourceLabel } from './format';
import { HOTKEYS, useHotkeys } from '../../lib/hotkeys';
import { isTextEntry } from '../../lib/keyboard';
import { ariaSort, describeSort, nextHeaderSort, toSorting } from './sorting';
import { HEADER_HEIGHT, type GridVirtualizer } from './useGridScroll';

/** A keyboard step of a column resize handle, in px (Shift: four times as much). */
const RESIZE_STEP = 16;

/** The list the grid shows (from the view's list query). */
export interface GridList {
  findings: Finding[];
  /** The first page is on its way. */
  pending: boolean;
  /** All findings of the view (statistics), for aria-rowcount. */
  total?: number;
}

/** Column order, visibility and the widths the analyst gave columns (column id → px). */
export interface GridColumns {
  order: ColumnOrderState;
  visibility: VisibilityState;
  sizing: ColumnSizingState;
  onSizingChange: OnChangeFn<ColumnSizingState>;
}

/** Checked rows (bulk actions) and the selected (active) row. */
export interface GridSelection {
  checked: RowSelectionState;
  onCheckedChange: (next: RowSelectionState) => void;
  selectedId?: string;
  onSelect: (id: string) => void;
}

export interface FindingsGridProps {
  list: GridList;
  /** The server's sort; a header click goes through TanStack Table's onSortingChange (manual sorting). */
  sort: SortState;
  onSortingChange: OnChangeFn<SortingState>;
  columns: GridColumns;
  selection: GridSelection;
  /** A finding's link, and opening it (click, Enter). */
  hrefFor: (id: string) => string;
  onOpen: (id: string) => void;
  /** The scroll container and its rows' virtualizer, owned by the table (see useGridScroll). */
  scroll: { ref: RefObject<HTMLDivElement | null>; virtualizer: GridVirtualizer; rowHeight: number };
  /** 'cards': the narrow-screen list, one card per finding, instead of columns. */
  layout: 'table' | 'cards';
  mapIp?: string;
  empty?: ReactNode;
  footer?: ReactNode;
}

export function FindingsGrid(props: FindingsGridProps) {
  const { list, sort, selection, columns, onOpen, hrefFor, scroll } = props;
  const { findings, pending } = list;
  const { checked, onCheckedChange } = selection;
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

  const sorting = useMemo(() => toSorting(sort), [sort]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table returns a stable instance by design
  const table = useReactTable({
    data: findings,
    columns: TABLE_COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (f) => f.id,
    // The server sorts: the table only holds the sort state, and a header click asks for a new one.
    manualSorting: true,
    onSortingChange: props.onSortingChange,
    enableRowSelection: true,
    enableColumnResizing: true,
    columnResizeMode: 'onChange',
    onColumnSizingChange: columns.onSizingChange,
    state: {
      sorting,
      columnOrder: [SELECT_COLUMN_ID, ...columns.order],
      columnVisibility: columns.visibility,
      rowSelection: checked,
      columnSizing: columns.sizing,
    },
    meta,
  });

  const cards = props.layout === 'cards';
  const visibleColumns = table.getVisibleLeafColumns();
  const colCount = cards ? 2 : visibleColumns.length;
  const width = visibleColumns.reduce((sum, c) => sum + c.getSize(), 0);
  const rows = pending ? NO_ROWS : table.getRowModel().rows;

  return (
    <div className={`grid-scroll${cards ? ' grid-cards' : ''}`} ref={scroll.ref} data-testid="findings-scroll">
      <table
        className={`findings-grid${cards ? ' findings-cards' : ''}`}
        aria-label="Findings"
        aria-rowcount={list.total !== undefined ? Math.max(list.total, findings.length) + 1 : -1}
        aria-busy={pending || undefined}
        data-state={pending ? 'loading' : 'ready'}
        data-sort={`${sort.attribute}:${sort.order}`}
        style={cards ? undefined : { minWidth: width }}
      >
        {cards ? <CardHead table={table} sort={sort} /> : <TableHead table={table} sort={sort} sizing={columns.sizing} />}
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
          <GridBody {...props} rows={rows} colCount={colCount} cards={cards} />
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

type GridTable = Table<Finding>;

function TableHead({ table, sort, sizing }: { table: GridTable; sort: SortState; sizing: ColumnSizingState }) {
  return (
    <>
      <colgroup>
        {table.getVisibleLeafColumns().map((c) => (
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
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => table.setSorting(toSorting(nextHeaderSort(sort, attribute)))}
                    data-sort-attribute={attribute}
                  >
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
    </>
  );
}

/**
 * Narrow screens (≤ 600 px): one card per finding (severity, title, resource, remote IP, last
 * seen) instead of a squeezed table. Still a <table> of one data column, so the rows keep their
 * semantics, virtualization, selection and keyboard (j/k, arrows, Enter, Space/x).
 */
function CardHead({ table, sort }: { table: GridTable; sort: SortState }) {
  return (
    <>
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
            Finding<span className="sort-note"> · sorted by {describeSort(sort)}</span>
          </th>
        </tr>
      </thead>
    </>
  );
}

const NO_ROWS: Row<Finding>[] = [];

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
      <FindingLink finding={finding} href={href} open={onOpen} className="title-link card-title" />
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
  cards: boolean;
}

/** The rows in view (the table's virtualizer), with the grid's keyboard. */
function GridBody({ rows, colCount, cards, list, selection, onOpen, hrefFor, mapIp, scroll }: GridBodyProps) {
  const { pending } = list;
  const { selectedId, onSelect, checked, onCheckedChange } = selection;
  const { virtualizer, rowHeight } = scroll;
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const pendingFocus = useRef<string | undefined>(undefined);

  const indexById = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);
  const activeIndex = selectedId !== undefined ? (indexById.get(selectedId) ?? -1) : -1;

  const items = virtualizer.getVirtualItems();

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
    const page = Math.max(1, Math.floor(((scroll.ref.current?.clientHeight ?? 400) - HEADER_HEIGHT) / rowHeight) - 1);
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

/** TanStack Table column definitions, at module scope (stable identities, no re-creation per render). */
import type { ColumnDef, Table } from '@tanstack/react-table';
import type { MouseEvent } from 'react';
import { SeverityBadge } from '../../components/SeverityBadge';
import { Time } from '../../components/Time';
import { isAttackSequence, type Finding } from '../../guardduty';
import { COLUMNS, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, type ColumnId } from './column-meta';
import { remoteLabel, resourceLabel } from './format';

/** What cells need from the grid (passed as the table's `meta`). */
export interface GridMeta {
  hrefFor: (id: string) => string;
  open: (id: string) => void;
  toggleRow: (index: number, checked: boolean, shiftKey: boolean) => void;
  toggleAll: (checked: boolean) => void;
}

export const gridMeta = (table: Table<Finding>) => table.options.meta as GridMeta;

const dash = <span className="muted">—</span>;

/**
 * Text with line-break opportunities after ':', '/' and '.' (finding types, ARNs), so a wrapped
 * "UnauthorizedAccess:EC2/SSHBruteForce" breaks between its parts. Still text, never markup.
 */
function breakable(text: string): React.ReactNode {
  const parts = text.split(/(?<=[:/.])/);
  if (parts.length === 1) return text;
  return parts.map((part, i) => (
    <span key={i}>
      {part}
      {i < parts.length - 1 && <wbr />}
    </span>
  ));
}

const nc = (f: Finding) => f.service?.action?.networkConnectionAction;

/** A string value as text (finding text is attacker-influenced), or a dash. */
function text(value: unknown, className?: string) {
  if (typeof value !== 'string' && typeof value !== 'number') return dash;
  const s = String(value);
  if (!s) return dash;
  return (
    <span className={className} title={s}>
      {s}
    </span>
  );
}

function port(details: { port?: number; portName?: string } | undefined) {
  if (typeof details?.port !== 'number') return dash;
  return (
    <span title={details.portName ? `${details.port} (${details.portName})` : String(details.port)}>
      <span className="num">{String(details.port)}</span>
      {details.portName && details.portName !== 'Unknown' && <span className="cell-sub"> {details.portName}</span>}
    </span>
  );
}

/**
 * A finding's title as a link (the table's title cell and the card list's title): a plain click
 * opens the finding in the app (`open`), a modified click (new tab, …) is the browser's; neither
 * reaches the row's own click.
 */
export function FindingLink({ finding, href, open, className, children }: { finding: Finding; href: string; open: (id: string) => void; className: string; children?: React.ReactNode }) {
  return (
    <a
      href={href}
      tabIndex={-1}
      className={className}
      title={finding.title}
      onClick={(e: MouseEvent) => {
        e.stopPropagation();
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
        e.preventDefault();
        open(finding.id);
      }}
    >
      {children}
      {finding.title || finding.id}
    </a>
  );
}

function TitleCell({ finding, table }: { finding: Finding; table: Table<Finding> }) {
  const meta = gridMeta(table);
  return (
    <FindingLink finding={finding} href={meta.hrefFor(finding.id)} open={meta.open} className="title-link">
      {isAttackSequence(finding) && <span className="seq-marker">Attack sequence</span>}
    </FindingLink>
  );
}

const CELLS: Record<ColumnId, (f: Finding, table: Table<Finding>) => React.ReactNode> = {
  severity: (f) => <SeverityBadge severity={f.severity} />,
  title: (f, table) => <TitleCell finding={f} table={table} />,
  type: (f) => (f.type ? <span title={f.type}>{breakable(f.type)}</span> : dash),
  resource: (f) => {
    const r = resourceLabel(f);
    if (!r) return dash;
    if (r.sequence) return <span title={`Attack sequence: ${r.text}`}>{r.text}</span>;
    return (
      <span title={r.type && r.type !== r.text ? `${r.type}: ${r.text}` : r.text}>
        <span className={r.type !== r.text ? 'mono' : undefined}>{r.text}</span>
        {r.type && r.type !== r.text && r.type !== 'Instance' && <span className="cell-sub"> {r.type}</span>}
      </span>
    );
  },
  remoteIp: (f) => {
    const r = remoteLabel(f);
    if (!r) return dash;
    return (
      <span title={r.country ? `${r.ip} (${r.country})` : r.ip}>
        <span className="mono">{r.ip}</span>
        {r.country && <span className="cell-sub"> {r.country}</span>}
      </span>
    );
  },
  account: (f) => (f.accountId ? <span className="mono">{f.accountId}</span> : dash),
  region: (f) => f.region ?? dash,
  count: (f) => (f.service?.count !== undefined ? <span className="num">{String(f.service.count)}</span> : dash),
  firstSeen: (f) => <Time value={f.service?.eventFirstSeen} />,
  lastSeen: (f) => <Time value={f.service?.eventLastSeen} />,
  updated: (f) => <Time value={f.updatedAt} />,
  apiName: (f) => text(f.service?.action?.awsApiCallAction?.api, 'mono'),
  apiService: (f) => text(f.service?.action?.awsApiCallAction?.serviceName, 'mono'),
  country: (f) => text(nc(f)?.remoteIpDetails?.country?.countryName),
  localPort: (f) => port(nc(f)?.localPortDetails),
  remotePort: (f) => port(nc(f)?.remotePortDetails),
  protocol: (f) => text(nc(f)?.protocol),
  blocked: (f) => {
    const b = nc(f)?.blocked;
    return typeof b === 'boolean' ? (b ? 'Blocked' : 'Not blocked') : dash;
  },
  confidence: (f) => (typeof f.confidence === 'number' ? <span className="num">{String(f.confidence)}</span> : dash),
  created: (f) => <Time value={f.createdAt} />,
};

export const SELECT_COLUMN_ID = 'select';

export const TABLE_COLUMNS: ColumnDef<Finding>[] = [
  {
    id: SELECT_COLUMN_ID,
    size: 40,
    enableSorting: false,
    enableHiding: false,
    header: ({ table }) => {
      const all = table.getIsAllRowsSelected();
      const some = table.getIsSomeRowsSelected();
      return (
        <input
          type="checkbox"
          aria-label="Select all loaded findings"
          checked={all}
          ref={(el) => {
            if (el) el.indeterminate = some && !all;
          }}
          disabled={table.getRowCount() === 0}
          onChange={(e) => gridMeta(table).toggleAll(e.target.checked)}
        />
      );
    },
    cell: ({ row, table }) => (
      <input
        type="checkbox"
        tabIndex={-1}
        aria-label={`Select ${row.original.title || row.original.id}`}
        checked={row.getIsSelected()}
        onClick={(e) => {
          e.stopPropagation();
          gridMeta(table).toggleRow(row.index, e.currentTarget.checked, e.shiftKey);
        }}
        onChange={() => {
          /* handled on click, which knows about Shift */
        }}
      />
    ),
  },
  ...COLUMNS.map(
    (c): ColumnDef<Finding> => ({
      id: c.id,
      header: c.label,
      size: c.size,
      minSize: MIN_COLUMN_WIDTH,
      maxSize: MAX_COLUMN_WIDTH,
      enableSorting: false, // sorting is the server's: headers drive the URL state
      cell: ({ row, table }) => CELLS[c.id](row.original, table),
    }),
  ),
];

import type { ReactNode } from 'react';

/** A column header: its text, right-aligned when the column holds numbers. */
export interface OverviewColumn {
  key?: string;
  label: ReactNode;
  num?: boolean;
}

/**
 * The overview's data tables (a chart's numbers, a top list): a caption for screen readers, one
 * header row, the body rows and an optional footer, in a scrolling wrapper (with `after` below the
 * table) unless `bare`.
 */
export function OverviewTable({
  label,
  columns,
  foot,
  after,
  className,
  bare = false,
  children,
}: {
  label: string;
  columns: readonly OverviewColumn[];
  foot?: ReactNode;
  /** Shown below the table, inside its wrapper (a note on what the rows leave out). */
  after?: ReactNode;
  className?: string;
  bare?: boolean;
  children: ReactNode;
}) {
  const table = (
    <table className={className ? `ov-table ${className}` : 'ov-table'}>
      <caption className="visually-hidden">{label}</caption>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={c.key ?? i} scope="col" className={c.num ? 'num' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
      {foot && <tfoot>{foot}</tfoot>}
    </table>
  );
  if (bare) return table;
  return (
    <div className="ov-table-wrap">
      {table}
      {after}
    </div>
  );
}

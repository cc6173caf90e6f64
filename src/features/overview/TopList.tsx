/** A ranked list with a bar per row (top finding types, resources, accounts): each row links to its findings. */
import type { ReactNode } from 'react';
import { linkClick } from '../../view/router';
import { Time } from '../../components/Time';
import { OverviewTable } from './OverviewTable';

const nf = new Intl.NumberFormat('en');

export interface TopRow {
  key: string;
  /** The row's name, as text. */
  name: string;
  /** A second line (resource type, account), as text. */
  detail?: string;
  count: number;
  /** Epoch seconds. */
  lastGeneratedAt?: number;
  /** The table filtered to exactly this row's findings; absent when no documented filter can name it. */
  href?: string;
  /** Why the row has no link. */
  noLink?: string;
}

export interface TopProps {
  rows: TopRow[];
  /** Column heading of the name ("Finding type"). */
  nameLabel: string;
  label: string;
}

const countText = (n: number) => `${nf.format(n)} ${n === 1 ? 'finding' : 'findings'}`;

function Name({ row, children }: { row: TopRow; children: ReactNode }) {
  if (!row.href) return <span title={row.noLink}>{children}</span>;
  return (
    <a href={row.href} onClick={linkClick(row.href)} aria-label={`${row.name}${row.detail ? ` (${row.detail})` : ''}: ${countText(row.count)}`}>
      {children}
    </a>
  );
}

export function TopList({ rows, label }: TopProps) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <ol className="ov-top" aria-label={label}>
      {rows.map((row) => (
        <li key={row.key} className="ov-top-row">
          <span className="ov-top-name">
            <Name row={row}>
              <span className="ov-top-text">{row.name}</span>
            </Name>
            {row.detail && <span className="ov-top-detail muted">{row.detail}</span>}
          </span>
          <svg className="ov-top-bar" viewBox="0 0 100 5" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect width="100" height="5" className="ov-track" />
            <rect width={Math.max(1, (row.count / max) * 100)} height="5" className="ov-bar-fill" />
          </svg>
          <span className="ov-top-count">{nf.format(row.count)}</span>
          <span className="ov-top-time muted">
            <Time value={row.lastGeneratedAt} />
          </span>
        </li>
      ))}
    </ol>
  );
}

export function TopTable({ rows, nameLabel, label }: TopProps) {
  return (
    <OverviewTable label={label} columns={[{ label: nameLabel }, { label: 'Findings', num: true }, { label: 'Last generated' }]}>
      {rows.map((row) => (
        <tr key={row.key}>
          <th scope="row" className="ov-break">
            <Name row={row}>{row.name}</Name>
            {row.detail && <div className="muted">{row.detail}</div>}
          </th>
          <td className="num">{nf.format(row.count)}</td>
          <td>
            <Time value={row.lastGeneratedAt} />
          </td>
        </tr>
      ))}
    </OverviewTable>
  );
}

/** Findings per severity band: a bar per band (name, range, texture and count), each a link to that band. */
import { useState } from 'react';
import { linkClick } from '../../view/router';
import { bandInfo, type SeverityBand } from '../../lib/severity';
import { BANDS_DOWN } from './model';
import { patternId, rovingKeys, SeverityPatterns, useElementWidth, useSvgId } from './svg';
import { OverviewTable, type OverviewColumn } from './OverviewTable';

const nf = new Intl.NumberFormat('en');
const ROW = 34;
const LABEL_W = 132;
const COUNT_W = 92;

export interface SeverityProps {
  counts: Record<SeverityBand, number>;
  bands: readonly SeverityBand[];
  hrefOf: (band: SeverityBand) => string;
  label: string;
}

const pct = (n: number, total: number) => (total > 0 ? `${Math.round((n / total) * 100)}%` : '0%');
const rowLabel = (band: SeverityBand, n: number, total: number) =>
  `${bandInfo(band).label}: ${nf.format(n)} ${n === 1 ? 'finding' : 'findings'} (${pct(n, total)})`;

export function SeverityChart({ counts, bands, hrefOf, label }: SeverityProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>(420);
  const prefix = useSvgId();
  const [active, setActive] = useState(0);
  const rows = BANDS_DOWN.filter((b) => bands.includes(b.band));
  const total = rows.reduce((s, b) => s + counts[b.band], 0);
  const max = Math.max(1, ...rows.map((b) => counts[b.band]));
  const barMax = Math.max(20, width - LABEL_W - COUNT_W);
  const linked = rows.filter((b) => counts[b.band] > 0);
  const focusable = Math.min(active, linked.length - 1);
  return (
    <div ref={ref} className="ov-severity">
      <svg width={width} height={rows.length * ROW} role="group" aria-label={label} className="ov-chart" onKeyDown={(e) => rovingKeys(e, setActive)}>
        <SeverityPatterns prefix={prefix} />
        {rows.map((b, i) => {
          const n = counts[b.band];
          const w = n > 0 ? Math.max(2, (n / max) * barMax) : 0;
          const y = i * ROW;
          const text = rowLabel(b.band, n, total);
          const body = (
            <>
              <text x={0} y={y + ROW / 2} dy="0.32em" className="ov-label">
                {b.label}
                <tspan className="ov-range"> {b.min.toFixed(1)}–{(b.max === 11 ? 10 : b.max - 0.1).toFixed(1)}</tspan>
              </text>
              <rect x={LABEL_W} y={y + 6} width={barMax} height={ROW - 12} className="ov-track" />
              {w > 0 && <rect x={LABEL_W} y={y + 6} width={w} height={ROW - 12} fill={`url(#${patternId(prefix, b.band)})`} className={`ov-seg ov-seg-${b.band}`} />}
              <text x={width - 4} y={y + ROW / 2} dy="0.32em" textAnchor="end" className="ov-count">
                {nf.format(n)} <tspan className="ov-range">{pct(n, total)}</tspan>
              </text>
            </>
          );
          if (n === 0) return <g key={b.band} aria-label={text} role="img">{body}</g>;
          const href = hrefOf(b.band);
          const index = linked.indexOf(b);
          return (
            <a key={b.band} className="ov-mark ov-row-mark" href={href} aria-label={text} tabIndex={index === focusable ? 0 : -1} onClick={linkClick(href)} onFocus={() => setActive(index)}>
              <title>{text}</title>
              <rect x={0} y={y + 1} width={width} height={ROW - 2} className="ov-hit" />
              {body}
            </a>
          );
        })}
      </svg>
      <p className="ov-total">
        {nf.format(total)} {total === 1 ? 'finding' : 'findings'}
      </p>
    </div>
  );
}

const SEVERITY_COLUMNS: OverviewColumn[] = [{ label: 'Band' }, { label: 'Severity' }, { label: 'Findings', num: true }, { label: 'Share', num: true }];

export function SeverityTable({ counts, bands, hrefOf, label }: SeverityProps) {
  const rows = BANDS_DOWN.filter((b) => bands.includes(b.band));
  const total = rows.reduce((s, b) => s + counts[b.band], 0);
  return (
    <OverviewTable
      label={label}
      columns={SEVERITY_COLUMNS}
      foot={
        <tr>
      <th scope="row" colSpan={2}>
        Total
      </th>
      <td className="num">{nf.format(total)}</td>
      <td />
    </tr>
  }
>
      {rows.map((b) => (
        <tr key={b.band}>
          <th scope="row">{b.label}</th>
          <td>
            {b.min.toFixed(1)}–{(b.max === 11 ? 10 : b.max - 0.1).toFixed(1)}
          </td>
          <td className="num">
            {counts[b.band] > 0 ? (
              <a href={hrefOf(b.band)} onClick={linkClick(hrefOf(b.band))} aria-label={rowLabel(b.band, counts[b.band], total)}>
                {nf.format(counts[b.band])}
              </a>
            ) : (
              '0'
            )}
          </td>
          <td className="num">{pct(counts[b.band], total)}</td>
        </tr>
      ))}
    </OverviewTable>
  );
}

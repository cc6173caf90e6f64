/** Findings per day, stacked by severity band: one link per day and band, to exactly those findings. */
import { useState } from 'react';
import { linkClick } from '../../view/router';
import { bandInfo, type SeverityBand } from '../../lib/severity';
import { longDay, shortDay, type TrendDay } from './model';
import { niceMax, patternId, rovingKeys, SeverityPatterns, useElementWidth, useSvgId } from './svg';
import { OverviewTable } from './OverviewTable';

const nf = new Intl.NumberFormat('en');
/** Bottom to top: the most severe band sits on the baseline, where it is easiest to compare. */
const STACK: SeverityBand[] = ['critical', 'high', 'medium', 'low'];
const HEIGHT = 220;
const M = { top: 10, right: 8, bottom: 24, left: 40 };

export interface TrendProps {
  series: TrendDay[];
  bands: readonly SeverityBand[];
  hrefOf: (band: SeverityBand, day: number) => string;
  label: string;
}

const markLabel = (day: number, band: SeverityBand, n: number) => `${longDay(day)}, ${bandInfo(band).label}: ${nf.format(n)} ${n === 1 ? 'finding' : 'findings'}`;

export function TrendChart({ series, bands, hrefOf, label }: TrendProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>(720);
  const prefix = useSvgId();
  const [active, setActive] = useState(0);
  const plotW = Math.max(40, width - M.left - M.right);
  const plotH = HEIGHT - M.top - M.bottom;
  const max = niceMax(Math.max(2, ...series.map((d) => d.total)));
  const step = plotW / Math.max(1, series.length);
  const barW = Math.max(1, Math.min(28, step * 0.78));
  const y = (v: number) => (v / max) * plotH;
  const labelEvery = Math.max(1, Math.ceil(series.length / Math.max(1, Math.floor(plotW / 58))));

  const markCount = series.reduce((n, d) => n + STACK.filter((b) => bands.includes(b) && d.counts[b] > 0).length, 0);
  const focusable = Math.min(active, markCount - 1);
  let markIndex = 0;
  return (
    <div ref={ref} className="ov-trend">
      <svg
        width={width}
        height={HEIGHT}
        role="group"
        aria-label={`${label}. Arrow keys move between bars; Enter opens the findings.`}
        onKeyDown={(e) => rovingKeys(e, setActive)}
        className="ov-chart"
      >
        <SeverityPatterns prefix={prefix} />
        <g transform={`translate(${M.left},${M.top})`}>
          {[0, max / 2, max].filter((t) => Number.isInteger(t)).map((t) => (
            <g key={t} className="ov-gridline" aria-hidden="true">
              <line x1={0} x2={plotW} y1={plotH - y(t)} y2={plotH - y(t)} />
              <text x={-6} y={plotH - y(t)} dy="0.32em" textAnchor="end">
                {nf.format(t)}
              </text>
            </g>
          ))}
          {series.map((d, i) => {
            const x = i * step + (step - barW) / 2;
            let base = plotH;
            return (
              <g key={d.day}>
                {STACK.filter((b) => bands.includes(b) && d.counts[b] > 0).map((band) => {
                  const n = d.counts[band];
                  const h = Math.max(1, y(n));
                  base -= h;
                  const index = markIndex++;
                  const href = hrefOf(band, d.day);
                  const text = markLabel(d.day, band, n);
                  return (
                    <a key={band} className="ov-mark" href={href} aria-label={text} tabIndex={index === focusable ? 0 : -1} onClick={linkClick(href)} onFocus={() => setActive(index)}>
                      <title>{text}</title>
                      <rect x={x} y={base} width={barW} height={h} fill={`url(#${patternId(prefix, band)})`} className={`ov-seg ov-seg-${band}`} />
                    </a>
                  );
                })}
              </g>
            );
          })}
          <g className="ov-axis" aria-hidden="true">
            <line x1={0} x2={plotW} y1={plotH} y2={plotH} />
            {series.map((d, i) =>
              (series.length - 1 - i) % labelEvery === 0 ? (
                <text key={d.day} x={i * step + step / 2} y={plotH + 16} textAnchor="middle">
                  {shortDay(d.day)}
                </text>
              ) : null,
            )}
          </g>
        </g>
      </svg>
    </div>
  );
}

/** The trend's numbers: one row per day with findings, newest first; each count a link. */
export function TrendTable({ series, bands, hrefOf, label }: TrendProps) {
  const shown = [...series].filter((d) => d.total > 0).reverse();
  const cols = STACK.filter((b) => bands.includes(b));
  return (
    <OverviewTable
      label={label}
      columns={[{ label: 'Day (UTC)' }, ...cols.map((b) => ({ key: b, label: bandInfo(b).label, num: true })), { label: 'Total', num: true }]}
      after={<p className="muted ov-note">Days without findings are left out.</p>}
    >
      {shown.map((d) => (
        <tr key={d.day}>
          <th scope="row">{longDay(d.day)}</th>
          {cols.map((b) => (
            <td key={b} className="num">
              {d.counts[b] > 0 ? (
                <a href={hrefOf(b, d.day)} onClick={linkClick(hrefOf(b, d.day))} aria-label={markLabel(d.day, b, d.counts[b])}>
                  {nf.format(d.counts[b])}
                </a>
              ) : (
                '0'
              )}
            </td>
          ))}
          <td className="num">{nf.format(d.total)}</td>
        </tr>
      ))}
    </OverviewTable>
  );
}

/**
 * Severity summary bar: counts per console band from GetFindingsStatistics (COUNT_BY_SEVERITY)
 * for the current filters except severity, so every band keeps its count while one is chosen.
 * Clicking a band filters on it; clicking the only chosen band clears it. A range needs no modifier
 * key: "Select a range" makes each click extend the range (touch too); Shift-click does the same.
 */
import { useState, type MouseEvent } from 'react';
import type { Scope } from '../../api/scope';
import { useViewState } from '../../view/url-state';
import { useViewStatistics } from '../../view/findings-view';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SEVERITY_BANDS, type SeverityBand } from '../../lib/severity';
import './summary.css';

const nf = new Intl.NumberFormat('en');
const ORDER = SEVERITY_BANDS.map((b) => b.band);
const SHOWN = [...SEVERITY_BANDS].reverse(); // Critical first: what matters at 3 a.m.

/** All regions: the counts are sums; say over how many regions (those that failed have chips of their own). */
function regionsNote(regions: readonly { status: string }[] | undefined): string {
  if (!regions) return '';
  const ok = regions.filter((r) => r.status === 'ok').length;
  return ` across ${ok} ${ok === 1 ? 'region' : 'regions'}`;
}

export function SeveritySummary({ scope }: { scope: Scope }) {
  const { state, update } = useViewState();
  // The view's statistics (shared with the table and the map): every filter but severity.
  const stats = useViewStatistics(scope);
  const counts = stats.data?.counts;
  const total = stats.data?.allBands;
  const range = state.filters.severity;
  const inRange = (band: SeverityBand) => !!range && ORDER.indexOf(band) >= ORDER.indexOf(range.from) && ORDER.indexOf(band) <= ORDER.indexOf(range.to);

  // Range mode: each click extends the chosen range to the band clicked (what Shift-click does).
  const [rangeMode, setRangeMode] = useState(false);

  const choose = (band: SeverityBand, e: MouseEvent) => {
    const extend = e.shiftKey || rangeMode;
    update((s) => {
      const current = s.filters.severity;
      let severity: typeof current;
      if (extend && current) {
        const lo = Math.min(ORDER.indexOf(current.from), ORDER.indexOf(band));
        const hi = Math.max(ORDER.indexOf(current.to), ORDER.indexOf(band));
        severity = { from: ORDER[lo], to: ORDER[hi] };
      } else if (current && current.from === band && current.to === band) {
        severity = undefined;
      } else {
        severity = { from: band, to: band };
      }
      return { ...s, filters: { ...s.filters, severity } };
    });
  };

  if (stats.isError) {
    return <ErrorBanner error={stats.error} context="Could not count findings by severity" onRetry={() => void stats.refetch()} />;
  }

  return (
    <section className="severity-summary" aria-label="Findings by severity" aria-busy={stats.isPending || undefined}>
      <div className="summary-bands" role="group" aria-label="Filter by severity band">
        {SHOWN.map((b) => {
          const count = counts?.[b.band];
          const pressed = inRange(b.band);
          return (
            <button
              key={b.band}
              type="button"
              className={`summary-band band-${b.band}${pressed ? ' is-on' : ''}${range && !pressed ? ' is-off' : ''}`}
              aria-pressed={pressed}
              title={`${b.label}: severity ${b.min.toFixed(1)}–${(b.max === 11 ? 10 : b.max - 0.1).toFixed(1)}. ${
                rangeMode ? 'Click to extend the range to this band.' : 'Click to filter; "Select a range" (or Shift-click) to extend.'
              }`}
              onClick={(e) => choose(b.band, e)}
            >
              <span className="summary-label">{b.label}</span>
              <span className="summary-count" data-testid={`summary-${b.band}`}>
                {count === undefined ? '…' : nf.format(count)}
              </span>
            </button>
          );
        })}
        <button
          type="button"
          className={`summary-range${rangeMode ? ' is-on' : ''}`}
          aria-pressed={rangeMode}
          title="When on, each band you click extends the severity range (Shift-click does the same)"
          onClick={() => setRangeMode((m) => !m)}
        >
          {rangeMode ? 'Range: click the other end' : 'Select a range'}
        </button>
        <span className="summary-total">
          {total === undefined
            ? 'Counting…'
            : `${nf.format(total)} ${state.filters.archived === 'current' ? 'current ' : ''}findings${regionsNote(stats.data?.regions)}`}
        </span>
      </div>
      {/* Always there, empty while counting: the table below must not move when the counts arrive. */}
      <div className="summary-bar" aria-hidden="true">
        {counts &&
          SHOWN.filter((b) => counts[b.band] > 0).map((b) => (
            <span key={b.band} className={`summary-seg band-${b.band}${range && !inRange(b.band) ? ' is-off' : ''}`} style={{ flexGrow: counts[b.band] }} />
          ))}
      </div>
    </section>
  );
}

/** Triage aging: current findings per band that have waited longer than the band's target. */
import { useState } from 'react';
import { linkClick } from '../../view/router';
import { formatExact } from '../../lib/time';
import { bandInfo, type SeverityBand } from '../../lib/severity';
import { BANDS_DOWN, DAY_MS, DEFAULT_AGING_TARGETS, formatDays, MAX_AGING_DAYS, validTarget, type AgingTargets } from './model';
import { OverviewTable, type OverviewColumn } from './OverviewTable';
import { Panel, type PanelState } from './Panel';

const nf = new Intl.NumberFormat('en');

function TargetInput({ band, value, onCommit }: { band: SeverityBand; value: number; onCommit: (days: number) => void }) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const commit = () => {
    if (draft === undefined) return;
    const days = Number(draft);
    if (draft.trim() !== '' && validTarget(days) && days !== value) onCommit(days);
    setDraft(undefined);
  };
  return (
    <input
      type="number"
      className="ov-target"
      min={0}
      max={MAX_AGING_DAYS}
      step="any"
      inputMode="decimal"
      aria-label={`${bandInfo(band).label} target in days`}
      value={draft ?? String(value)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(undefined);
      }}
    />
  );
}

const AGING_COLUMNS: OverviewColumn[] = [{ label: 'Band' }, { label: 'Target (days)' }, { label: 'Waiting longer', num: true }];

export function AgingPanel({
  bands,
  counts,
  targets,
  onTargets,
  now,
  hrefOf,
  state,
  busy,
  error,
  onRetry,
}: {
  bands: readonly SeverityBand[];
  counts: Partial<Record<SeverityBand, number>>;
  targets: AgingTargets;
  onTargets: (t: AgingTargets) => void;
  now: number;
  hrefOf: (band: SeverityBand) => string;
  state: PanelState;
  /** A count is reloading (a target changed). */
  busy?: boolean;
  error?: unknown;
  onRetry: () => void;
}) {
  const isDefault = BANDS_DOWN.every((b) => targets[b.band] === DEFAULT_AGING_TARGETS[b.band]);
  const total = bands.reduce((s, b) => s + (counts[b] ?? 0), 0);
  const table = () => (
    <>
      <OverviewTable bare className="ov-aging" label="Current findings waiting longer than their band's triage target" columns={AGING_COLUMNS}>
        {BANDS_DOWN.map((b) => {
          const inFilter = bands.includes(b.band);
          const n = counts[b.band];
          const since = now - targets[b.band] * DAY_MS;
          return (
            <tr key={b.band}>
              <th scope="row">
                <span className={`severity severity-${b.band}`}>{b.label}</span>
              </th>
              <td>
                <TargetInput band={b.band} value={targets[b.band]} onCommit={(days) => onTargets({ ...targets, [b.band]: days })} />
              </td>
              <td className="num">
                {!inFilter ? (
                  <span className="muted">not in the severity filter</span>
                ) : n === undefined ? (
                  '…'
                ) : n === 0 ? (
                  <span>0</span>
                ) : (
                  <a
                    href={hrefOf(b.band)}
                    onClick={linkClick(hrefOf(b.band))}
                    title={`Raised before ${formatExact(since)}`}
                    aria-label={`${b.label}: ${nf.format(n)} current ${n === 1 ? 'finding' : 'findings'} raised more than ${formatDays(targets[b.band])} ago`}
                  >
                    {nf.format(n)}
                  </a>
                )}
              </td>
            </tr>
          );
        })}
      </OverviewTable>
      <p className="ov-note muted">
        {total === 0 && !busy ? 'Nothing is waiting longer than its target. ' : ''}
        Aged from when GuardDuty first raised the finding (<code>createdAt</code>).{' '}
        {!isDefault && (
          <button type="button" className="button button-quiet" onClick={() => onTargets({ ...DEFAULT_AGING_TARGETS })}>
            Reset targets
          </button>
        )}
      </p>
    </>
  );
  return (
    <Panel
      title="Triage aging"
      subtitle="Current findings older than their band's target"
      size="short"
      state={state === 'empty' ? 'ready' : state}
      busy={busy}
      error={error}
      onRetry={onRetry}
      empty="Nothing is waiting longer than its target."
      chart={table}
    />
  );
}

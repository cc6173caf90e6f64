/**
 * All-regions mode: one chip per region saying how that region answered — how many findings it
 * has that match the filters and how long its part of the latest page took, or that it is
 * throttled, failing (with the message), not enabled or without a detector. A failing region
 * never hides the others: the chips sit above a table that shows what the rest returned.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { RegionInfo, RegionResult, RegionStatus } from '../api/client';
import { regionsQuery } from '../api/queries';

const nf = new Intl.NumberFormat('en');
const ms = (value: number) => (value < 1 ? '< 1 ms' : `${nf.format(Math.round(value))} ms`);

/** A region's status as the region control and the chips word it. */
export const REGION_STATUS_TEXT: Record<RegionStatus, string> = {
  ok: 'ok',
  throttled: 'throttled',
  error: 'error',
  'not-enabled': 'not enabled',
  'no-detector': 'no detector',
};

export interface RegionChip {
  region: string;
  status: RegionStatus;
  message?: string;
  /** Matching findings in the region (its statistics), when it answered them. */
  count?: number;
  /** How long the region took to answer the latest page, in ms. */
  latencyMs?: number;
}

/** Worst first: the status a chip shows when the page and the statistics disagree. */
const SEVERITY: RegionStatus[] = ['error', 'throttled', 'not-enabled', 'no-detector', 'ok'];

/**
 * One chip per region, in the server's order (default region first, then alphabetical), from the
 * region list and how each region answered the latest page and the statistics.
 */
export function regionChips(
  known: readonly RegionInfo[],
  /** How each region answered the request the latency is shown for (the latest page; the overview: its count). */
  page: readonly RegionResult[] | undefined,
  stats: readonly RegionResult[] | undefined,
  countOf: (region: string) => number | undefined,
): RegionChip[] {
  const names = [...new Set([...known, ...(page ?? []), ...(stats ?? [])].map((r) => r.region))];
  return names.map((region) => {
    const pageAnswer = page?.find((r) => r.region === region);
    // This view's answers speak first (the region list may be minutes old); the worst of them wins.
    const fresh = [pageAnswer, stats?.find((r) => r.region === region)].filter((r): r is RegionResult => r !== undefined);
    const answers = fresh.length > 0 ? fresh : known.filter((r) => r.region === region);
    const worst = [...answers].sort((a, b) => SEVERITY.indexOf(a.status) - SEVERITY.indexOf(b.status))[0];
    const count = worst.status === 'ok' ? countOf(region) : undefined;
    return {
      region,
      status: worst.status,
      ...(worst.message ? { message: worst.message } : {}),
      ...(count !== undefined ? { count } : {}),
      ...(pageAnswer?.status === 'ok' && pageAnswer.latencyMs !== undefined ? { latencyMs: pageAnswer.latencyMs } : {}),
    };
  });
}

function chipTitle(c: RegionChip): string {
  switch (c.status) {
    case 'ok':
      return [
        c.count !== undefined ? `${nf.format(c.count)} ${c.count === 1 ? 'finding' : 'findings'} in ${c.region} match the filters` : `${c.region} answered`,
        c.latencyMs !== undefined ? `its part of the latest page took ${ms(c.latencyMs)}${c.latencyMs < 1 ? ' (answered from the server’s cache)' : ''}` : undefined,
      ]
        .filter(Boolean)
        .join('; ');
    case 'throttled':
      return `${c.region} is throttling requests: its findings are missing from this page and come back in order once it answers`;
    case 'error':
      return `${c.region} failed: its findings are missing from this view`;
    case 'not-enabled':
      return `${c.region} is an opt-in region the account has not enabled`;
    case 'no-detector':
      return `GuardDuty has no detector in ${c.region}`;
  }
}

/** Statuses of regions that have nothing to read; many of one kind (an account uses a few of 30+ regions) fold into one chip. */
const QUIET: RegionStatus[] = ['not-enabled', 'no-detector'];
const FOLD_OVER = 3;

function Chip({ c, pending }: { c: RegionChip; pending?: boolean }) {
  return (
    <li className={`region-chip region-${c.status}`} title={chipTitle(c)} data-region={c.region} data-status={c.status}>
      <span className="region-chip-name">{c.region}</span>
      {c.status === 'ok' ? (
        <>
          <span className="region-chip-count">
            {c.count !== undefined ? `${nf.format(c.count)} ${c.count === 1 ? 'finding' : 'findings'}` : pending ? 'counting…' : 'count unavailable'}
          </span>
          {c.latencyMs !== undefined && <span className="region-chip-latency">{ms(c.latencyMs)}</span>}
        </>
      ) : (
        <>
          <span className="region-chip-status">{REGION_STATUS_TEXT[c.status]}</span>
          {/* Not enabled / no detector say all in their status (the message stays in the title). */}
          {c.message && !QUIET.includes(c.status) && <span className="region-chip-message">{c.message}</span>}
        </>
      )}
    </li>
  );
}

/**
 * The chips, under a caption that says what they count. `timed` names what the milliseconds
 * measure (the table: its latest page; the overview: its count). Regions with a detector always
 * have a chip of their own; more than three not enabled (or without a detector) fold into one
 * chip that unfolds into theirs.
 */
export function RegionChips({ chips, pending, timed = 'time for the latest page' }: { chips: readonly RegionChip[]; pending?: boolean; timed?: string }) {
  const [unfolded, setUnfolded] = useState(false);
  const folded = unfolded ? [] : QUIET.filter((status) => chips.filter((c) => c.status === status).length > FOLD_OVER);
  const shown = chips.filter((c) => !folded.includes(c.status));
  // The section is there from the first paint, with its room reserved (styles.css): chips that
  // arrive, or grow from "counting…" to a count, must not push the table down.
  return (
    <section className="region-chips" aria-label="Regions" aria-busy={pending || chips.length === 0 || undefined}>
      <div className="region-chips-head">
        <h2 className="region-chips-caption">
          By region <span className="muted">· findings matching the filters · {timed}</span>
        </h2>
        {(folded.length > 0 || unfolded) && (
          <button type="button" className="button button-quiet region-chips-toggle" aria-expanded={unfolded} onClick={() => setUnfolded((u) => !u)}>
            {unfolded ? 'Fold regions without findings' : 'Show every region'}
          </button>
        )}
      </div>
      {/* Focusable: on a narrow screen the chips scroll sideways. */}
      <ul tabIndex={0} aria-label="Region statuses">
        {chips.length === 0 && <li className="region-chip region-loading">Loading regions…</li>}
        {shown.map((c) => (
          <Chip key={c.region} c={c} pending={pending} />
        ))}
        {folded.map((status) => {
          const names = chips.filter((c) => c.status === status).map((c) => c.region);
          return (
            <li key={status} className={`region-chip region-${status}`} title={names.join(', ')} data-status={status}>
              <span className="region-chip-name">{names.length} regions</span>
              <span className="region-chip-status">{REGION_STATUS_TEXT[status]}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The server's region list (for chips and the region control). */
export function useRegionList(): readonly RegionInfo[] {
  return useQuery(regionsQuery()).data?.regions ?? [];
}

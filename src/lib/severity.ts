/** GuardDuty console severity bands: Low 1.0–3.9, Medium 4.0–6.9, High 7.0–8.9, Critical 9.0–10.0. */
export type SeverityBand = 'low' | 'medium' | 'high' | 'critical';

export interface BandInfo {
  band: SeverityBand;
  label: string;
  /** Inclusive lower edge. */
  min: number;
  /** Exclusive upper edge, except Critical whose 10.0 is included. */
  max: number;
}

/** Lowest first. Integer edges, so they go on the wire as GuardDuty's Long `gte`/`lt` values. */
export const SEVERITY_BANDS: readonly BandInfo[] = [
  { band: 'low', label: 'Low', min: 1, max: 4 },
  { band: 'medium', label: 'Medium', min: 4, max: 7 },
  { band: 'high', label: 'High', min: 7, max: 9 },
  { band: 'critical', label: 'Critical', min: 9, max: 11 },
];

export function bandInfo(band: SeverityBand): BandInfo {
  return SEVERITY_BANDS.find((b) => b.band === band)!;
}

/** The band of a severity value; values below 1 count as Low, above 10 as Critical. */
export function severityBand(severity: number | undefined): BandInfo | undefined {
  if (severity === undefined || severity === null || !Number.isFinite(severity)) return undefined;
  for (let i = SEVERITY_BANDS.length - 1; i >= 0; i--) {
    if (severity >= SEVERITY_BANDS[i].min) return SEVERITY_BANDS[i];
  }
  return SEVERITY_BANDS[0];
}

/** "8.0", "3.9": severities always show one decimal, as in the console. */
export function formatSeverity(severity: number | undefined): string {
  return severity === undefined || severity === null || !Number.isFinite(severity) ? '—' : severity.toFixed(1);
}

/**
 * Counts per band from GetFindingsStatistics' `countBySeverity` (keys are severity values such as
 * "8.0" or "5"). The total of the result is the number of findings the statistics covered.
 */
export function countsByBand(countBySeverity: Record<string, number> | undefined): Record<SeverityBand, number> {
  const out: Record<SeverityBand, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  for (const [key, count] of Object.entries(countBySeverity ?? {})) {
    const band = severityBand(Number(key));
    if (band && Number.isFinite(count)) out[band.band] += count;
  }
  return out;
}

/** The findings of `counts` inside the inclusive band range `from`–`to` (the severity filter's range). */
export function countInBandRange(counts: Record<SeverityBand, number>, from: SeverityBand, to: SeverityBand): number {
  const lo = SEVERITY_BANDS.findIndex((b) => b.band === from);
  const hi = SEVERITY_BANDS.findIndex((b) => b.band === to);
  return SEVERITY_BANDS.slice(lo, hi + 1).reduce((sum, b) => sum + counts[b.band], 0);
}

import type { Finding, GetFindingsStatisticsResponse } from '../../src/guardduty';

/** GuardDuty's keys are severities with at least one decimal: "8.0", "3.9". */
const severityKey = (severity: number) => (Number.isInteger(severity) ? severity.toFixed(1) : String(severity));

/** COUNT_BY_SEVERITY over already filtered findings, highest severity first. */
export function countBySeverity(findings: readonly Finding[]): GetFindingsStatisticsResponse {
  const counts = new Map<number, number>();
  for (const { severity } of findings) {
    if (typeof severity === 'number') counts.set(severity, (counts.get(severity) ?? 0) + 1);
  }
  const ordered = [...counts].sort(([a], [b]) => b - a);
  return { findingStatistics: { countBySeverity: Object.fromEntries(ordered.map(([s, n]) => [severityKey(s), n])) } };
}

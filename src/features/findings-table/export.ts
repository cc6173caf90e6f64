/**
 * Exports of loaded findings: JSON keeps the exact API objects; CSV flattens key columns and
 * neutralises cells a spreadsheet would run as a formula (finding text is attacker-influenced).
 */
import type { Finding } from '../../guardduty';
import { severityBand } from '../../lib/severity';
import { remoteLabel, resourceLabel } from './format';

export function findingsToJson(findings: readonly Finding[]): string {
  return JSON.stringify(findings, null, 2) + '\n';
}

export interface CsvColumn {
  header: string;
  value: (f: Finding) => unknown;
}

export const CSV_COLUMNS: readonly CsvColumn[] = [
  { header: 'id', value: (f) => f.id },
  { header: 'severity', value: (f) => f.severity },
  { header: 'severityBand', value: (f) => severityBand(f.severity)?.label },
  { header: 'title', value: (f) => f.title },
  { header: 'type', value: (f) => f.type },
  { header: 'accountId', value: (f) => f.accountId },
  { header: 'region', value: (f) => f.region },
  { header: 'resourceType', value: (f) => f.resource?.resourceType ?? f.resource?.type },
  { header: 'resource', value: (f) => resourceLabel(f)?.text },
  { header: 'instanceId', value: (f) => f.resource?.instanceDetails?.instanceId },
  { header: 'accessKeyUserName', value: (f) => f.resource?.accessKeyDetails?.userName },
  { header: 'actionType', value: (f) => f.service?.action?.actionType },
  { header: 'remoteIp', value: (f) => remoteLabel(f)?.ip },
  { header: 'remoteCountry', value: (f) => remoteLabel(f)?.country },
  { header: 'count', value: (f) => f.service?.count },
  { header: 'eventFirstSeen', value: (f) => f.service?.eventFirstSeen },
  { header: 'eventLastSeen', value: (f) => f.service?.eventLastSeen },
  { header: 'createdAt', value: (f) => f.createdAt },
  { header: 'updatedAt', value: (f) => f.updatedAt },
  { header: 'archived', value: (f) => f.service?.archived },
];

/**
 * A spreadsheet treats cells starting with = + - @ (and tab / carriage return) as formulas:
 * prefix those with an apostrophe so they stay text (OWASP CSV injection guidance).
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const raw = typeof value === 'object' ? JSON.stringify(value) : String(value);
  const text = typeof value === 'number' || typeof value === 'boolean' ? raw : neutraliseCell(raw);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function findingsToCsv(findings: readonly Finding[]): string {
  const lines = [CSV_COLUMNS.map((c) => c.header).join(',')];
  for (const f of findings) lines.push(CSV_COLUMNS.map((c) => csvCell(c.value(f))).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** `note` (e.g. "first-10000") marks a file that does not hold every matching finding. */
export function exportFileName(detectorId: string, kind: 'json' | 'csv', now = new Date(), note?: string): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `findings-${detectorId.slice(0, 12)}-${stamp}${note ? `-${note}` : ''}.${kind}`;
}

/** Starts a download of `text` in the browser. */
export function download(text: string, fileName: string, mime: string): void {
  const blob = new Blob([text], { type: `${mime};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

import { parseTimestamp } from '../guardduty/values';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'narrow' });

/** "3 h ago", "yesterday", "just now"; undefined when the value is not a timestamp. */
export function formatRelative(value: unknown, now = Date.now()): string | undefined {
  const t = parseTimestamp(value);
  if (t === undefined) return undefined;
  const diff = t - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return rtf.format(Math.round(diff / ms), unit);
  }
  return 'just now';
}

/** "2018-02-09 22:57:31 UTC" (or local time with its zone when `local`). */
export function formatExact(value: unknown, local = false): string | undefined {
  const t = parseTimestamp(value);
  if (t === undefined) return undefined;
  const d = new Date(t);
  if (!local) return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  return d.toLocaleString(undefined, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short', hour12: false,
  });
}

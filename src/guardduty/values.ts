/** Pure value helpers shared by the SPA, the emulator and the server. */

/**
 * Epoch milliseconds of a GuardDuty timestamp, or undefined when it is not one.
 * Accepts both documented forms (`…:31Z`, `…:31.927Z`), a space for the `T`, nanosecond
 * fractions and a missing zone (UTC), and epoch seconds or milliseconds as numbers, since all
 * of these occur in real findings. Comparing these numbers, not the strings, orders both
 * documented forms correctly (`…:31Z` sorts after `…:31.927Z` as text).
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return value < 1e11 ? Math.round(value * 1000) : value;
  }
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '0', frac = '', zone = 'Z'] = m;
  const ms = Number((frac + '000').slice(0, 3));
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return Number.isNaN(t) ? undefined : t;
}

/** Numeric value of a dotted-quad IPv4 address, or undefined. */
export function ipv4ToNumber(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const parts = value.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    n = n * 256 + octet;
  }
  return n;
}

/**
 * Values found at a dotted path, descending through arrays on the way
 * (`resource.instanceDetails.tags.key` yields every tag key). Missing parts yield nothing.
 */
export function valuesAtPath(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const node of current) {
      for (const item of Array.isArray(node) ? node : [node]) {
        if (item !== null && typeof item === 'object' && key in item) {
          const v = (item as Record<string, unknown>)[key];
          if (Array.isArray(v)) next.push(...v);
          else if (v !== undefined && v !== null) next.push(v);
        }
      }
    }
    current = next;
  }
  return current;
}

/**
 * Opaque nextToken paging over a fixed result list. The token carries the offset and a hash of
 * the query and that offset, so a token from another query, or one edited by hand, is refused
 * rather than silently skipping or repeating findings.
 */
import { invalidInput } from '../../src/guardduty';
import { hash53 } from '../../src/guardduty/query-key';

const encode = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const decode = (token: string) => atob(token.replace(/-/g, '+').replace(/_/g, '/'));

const badToken = (why: string) => invalidInput(`The request is rejected: the parameter nextToken has an invalid value (${why}).`);

export function encodeToken(offset: number, queryKey: string): string {
  return encode(JSON.stringify({ o: offset, h: hash53(`${queryKey}#${offset}`) }));
}

/** The offset a token points at; 0 without a token (`""` and null count as none, as on the wire). */
export function decodeToken(token: string | null | undefined, queryKey: string, total: number): number {
  if (!token) return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(decode(token));
  } catch {
    throw badToken('not a token this service issued');
  }
  const { o, h } = (parsed ?? {}) as { o?: unknown; h?: unknown };
  if (typeof o !== 'number' || !Number.isInteger(o) || o <= 0 || o >= total || typeof h !== 'string') {
    throw badToken('not a token this service issued');
  }
  if (h !== hash53(`${queryKey}#${o}`)) throw badToken('it belongs to a different query; start again without nextToken');
  return o;
}

export interface Page<T> {
  items: T[];
  /** `""` on the last page, as GuardDuty answers. */
  nextToken: string;
}

export function paginate<T>(items: readonly T[], maxResults: number, token: string | null | undefined, queryKey: string): Page<T> {
  const offset = decodeToken(token, queryKey, items.length);
  const end = offset + maxResults;
  return { items: items.slice(offset, end), nextToken: end < items.length ? encodeToken(end, queryKey) : '' };
}

/**
 * One line per request. Only time, method, path (never the query string: the access token can
 * be there), status, duration and source: no bodies, headers, tokens or credentials.
 *
 *   2025-01-01T00:00:00.000Z GET /api/detector 200 1.2ms source=demo
 *   2025-01-01T00:00:00.000Z - - 400 0.3ms source=demo error=HPE_INVALID_METHOD
 *
 * `-` stands for what is unknown: a request the HTTP parser refused never had a method or path.
 */
import type { SourceName } from './config';

export type Logger = (line: string) => void;

export const stdoutLogger: Logger = (line) => process.stdout.write(`${line}\n`);

export interface LogEntry {
  method: string | null;
  /** The raw request target (path and query, or absolute-form). */
  target: string | null;
  status: number | null;
  started: number;
  source: SourceName;
  /** A Node error code (HPE_…, ERR_…) or a fixed note; never client text. */
  note?: string;
}

/**
 * The path as received, without the query, still percent-encoded; anything outside visible ASCII
 * is percent-encoded too, so a request cannot forge extra log lines or fields.
 */
export function logPath(target: string): string {
  let path = target.split(/[?#]/)[0];
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      // keep it raw, escaped below
    }
  }
  const percent = (ch: string) => [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  return path.replace(/[^\x21-\x7e]/gu, percent) || '-';
}

const METHOD = /^[A-Z]{1,20}$/;
const NOTE = /^[A-Za-z0-9_:.=()-]{1,80}$/;

export function formatLine(entry: LogEntry): string {
  const method = entry.method && METHOD.test(entry.method) ? entry.method : '-';
  const path = entry.target === null ? '-' : logPath(entry.target);
  const ms = (performance.now() - entry.started).toFixed(1);
  const note = entry.note && NOTE.test(entry.note) ? ` ${entry.note}` : '';
  return `${new Date().toISOString()} ${method} ${path} ${entry.status ?? '-'} ${ms}ms source=${entry.source}${note}`;
}

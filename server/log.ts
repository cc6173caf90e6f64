/**
 * One line per request. Only time, method, path (never the query string: the access token can
 * be there), status, duration and source: no bodies, headers, tokens or credentials.
 */
import type { MiddlewareHandler } from 'hono';
import type { SourceName } from './config';

export type Logger = (line: string) => void;

export const stdoutLogger: Logger = (line) => process.stdout.write(`${line}\n`);

/** The path as received, still percent-encoded, so a request cannot forge extra log lines. */
const pathOf = (url: string) => new URL(url).pathname;

export function requestLog(log: Logger, source: SourceName): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = (performance.now() - started).toFixed(1);
    log(`${new Date().toISOString()} ${c.req.method} ${pathOf(c.req.url)} ${c.res.status} ${ms}ms source=${source}`);
  };
}

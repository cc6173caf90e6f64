/**
 * Serves the built SPA from dist/: hashed assets cached forever, index.html revalidated, deep
 * links answered with index.html. Paths are checked as received (before any URL normalisation),
 * so traversal attempts are refused rather than resolved, and nothing outside dist/ is read.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { plainText } from './wire';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Dot segments and dotfiles, their encoded forms, encoded slashes and backslashes, NUL. */
const UNSAFE_PATH = /%2e|%2f|%5c|%00|\\|\0|\/\./i;

const notFound = () => plainText(404, 'Not found.');

/** The path part of the request target exactly as the client sent it (origin or absolute form). */
export const rawPathOf = (target: string) => target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/)[0] || '/';

/** Resolves a safe request path to a file under root, or undefined. */
async function fileUnder(root: string, rawPath: string): Promise<string | undefined> {
  if (UNSAFE_PATH.test(rawPath)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  const file = resolve(root, `.${decoded}`);
  if (!file.startsWith(root + sep)) return undefined;
  try {
    const real = await realpath(file);
    if (!real.startsWith((await realpath(root)) + sep) || !(await stat(real)).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}

const isDeepLink = (request: Request, rawPath: string) =>
  (request.headers.get('accept') ?? '').includes('text/html') &&
  !rawPath.startsWith('/assets/') &&
  extname(rawPath.slice(rawPath.lastIndexOf('/'))) === '';

/**
 * File contents kept in memory, checked against a fresh stat on every request (size and mtime, as
 * the ETag is), so a rebuilt dist/ is served at once. Under load this saves opening, reading and
 * closing index.html and the assets on every request; files of at most 2 MiB, 32 MiB in all.
 */
const CACHED_FILE_MAX_BYTES = 2 * 1024 * 1024;
/** All cached files together (dist/ is a few MB). */
const CACHED_TOTAL_BYTES = 32 * 1024 * 1024;
let cachedBytes = 0;
const contents = new Map<string, { size: number; mtimeMs: number; bytes: Uint8Array<ArrayBuffer> }>();

function forget(file: string, bytes: Uint8Array) {
  if (contents.delete(file)) cachedBytes -= bytes.byteLength;
}

async function contentsOf(file: string, info: Stats): Promise<Uint8Array<ArrayBuffer>> {
  const cached = contents.get(file);
  if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return cached.bytes;
  const bytes = new Uint8Array(await readFile(file));
  // Looked up again: a concurrent request for the same file may have cached it meanwhile.
  const current = contents.get(file);
  if (current) forget(file, current.bytes);
  // Kept only if it is as large as the stat said (else it changed in between; the next request reads again).
  if (bytes.byteLength === info.size && info.size <= CACHED_FILE_MAX_BYTES) {
    for (const [oldest, entry] of contents) {
      if (cachedBytes + bytes.byteLength <= CACHED_TOTAL_BYTES) break;
      forget(oldest, entry.bytes);
    }
    contents.set(file, { size: info.size, mtimeMs: info.mtimeMs, bytes });
    cachedBytes += bytes.byteLength;
  }
  return bytes;
}

async function fileResponse(request: Request, file: string, cacheControl: string, known?: Stats): Promise<Response> {
  const info = known ?? (await stat(file));
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': cacheControl,
    etag,
    'last-modified': info.mtime.toUTCString(),
  };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  // A copy: the Response must not share (and could detach) the cached bytes.
  return new Response((await contentsOf(file, info)).slice(), { status: 200, headers });
}

/** `target` is the raw request target (node's `incoming.url`), not the normalised URL. */
export async function serveStatic(request: Request, target: string, staticDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plainText(405, 'Method not allowed.', { allow: 'GET, HEAD' });
  const root = resolve(staticDir);
  const rawPath = rawPathOf(target);

  if (rawPath !== '/') {
    const file = await fileUnder(root, rawPath);
    if (file) return fileResponse(request, file, rawPath.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
    if (UNSAFE_PATH.test(rawPath) || !isDeepLink(request, rawPath)) return notFound();
  }
  const index = join(root, 'index.html');
  const info = await stat(index).catch(() => undefined);
  if (!info?.isFile()) return plainText(503, 'Findings Atlas: the web app is not built. Run npm run build first.');
  return fileResponse(request, index, 'no-cache', info);
}

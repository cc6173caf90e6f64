/**
 * Serves the built SPA from dist/: hashed assets cached forever, index.html revalidated, deep
 * links answered with index.html. Paths are checked as received (before any URL normalisation),
 * so traversal attempts are refused rather than resolved, and nothing outside dist/ is read.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
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

async function fileResponse(request: Request, file: string, cacheControl: string): Promise<Response> {
  const info = await stat(file);
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': cacheControl,
    etag,
    'last-modified': info.mtime.toUTCString(),
  };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(await readFile(file)), { status: 200, headers });
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
  const built = await stat(index).then((s) => s.isFile(), () => false);
  if (!built) return plainText(503, 'Findings Atlas: the web app is not built. Run npm run build first.');
  return fileResponse(request, index, 'no-cache');
}

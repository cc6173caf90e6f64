import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_HTML, makeDist, raw, startApp, stubSource, testConfig, type Running } from './test/harness';

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
let app: Running;

beforeAll(async () => {
  app = await startApp(testConfig({ staticDir: makeDist() }), stubSource);
});
afterAll(() => app.close());

describe('static files', () => {
  it('serves index.html at / with no-cache', async () => {
    const res = await raw(app.port, { path: '/', headers: HTML });
    expect(res.status).toBe(200);
    expect(res.text).toBe(INDEX_HTML);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets forever and other files with revalidation', async () => {
    const asset = await raw(app.port, { path: '/assets/index-abc123.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.text).toBe('console.log("app");');
    expect((await raw(app.port, { path: '/favicon.svg' })).headers['cache-control']).toBe('no-cache');
  });

  it.each([
    ['/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['/assets/index-abc123.css', 'text/css; charset=utf-8'],
    ['/favicon.svg', 'image/svg+xml'],
    ['/assets/marker-abc123.png', 'image/png'],
    ['/data.json', 'application/json'],
    ['/manifest.webmanifest', 'application/manifest+json'],
    ['/assets/inter-abc123.woff2', 'font/woff2'],
    ['/index.html', 'text/html; charset=utf-8'],
  ])('%s is served as %s', async (path, type) => {
    const res = await raw(app.port, { path });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
  });

  it('revalidates with ETag (304)', async () => {
    const first = await raw(app.port, { path: '/' });
    const etag = String(first.headers.etag);
    const again = await raw(app.port, { path: '/', headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toHaveLength(0);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await raw(app.port, { method: 'HEAD', path: '/assets/index-abc123.js' });
    expect(head.status).toBe(200);
    expect(head.body).toHaveLength(0);
    const post = await raw(app.port, { method: 'POST', path: '/', body: 'x', headers: { 'content-type': 'text/plain' } });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('falls back to index.html for deep links that accept HTML', async () => {
    for (const path of ['/findings', '/detector/c6b0be64463ff852400d8ae5b2353866/finding/9cb0?sort=severity', '/map/']) {
      const res = await raw(app.port, { path, headers: HTML });
      expect(res.status, path).toBe(200);
      expect(res.text).toBe(INDEX_HTML);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('does not fall back for files, assets, non-HTML requests or /api', async () => {
    expect((await raw(app.port, { path: '/missing.js', headers: HTML })).status).toBe(404);
    expect((await raw(app.port, { path: '/assets/missing', headers: HTML })).status).toBe(404);
    expect((await raw(app.port, { path: '/findings', headers: { accept: 'application/json' } })).status).toBe(404);
    const api = await raw(app.port, { path: '/api/nope', headers: HTML });
    expect(api.status).toBe(404);
    expect(api.headers['x-amzn-errortype']).toBe('UnsupportedOperationException');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/assets/../index.html',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/assets/..%2F..%2Fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/index.html%00.js',
    '/%00',
    '/.env',
    '/assets/./index-abc123.js',
    '/%252e%252e/secret.txt',
  ])('refuses %s with 404 and reads nothing outside dist/', async (path) => {
    // A backslash never gets past the HTTP adapter: 400 malformed request.
    const expected = path.includes('\\') ? 400 : 404;
    for (const headers of [{}, HTML]) {
      const res = await raw(app.port, { path, headers });
      expect(res.status, path).toBe(expected);
      expect(res.text).not.toContain('TOP-SECRET');
      expect(res.text).not.toContain('DOTFILE');
      expect(res.text).not.toContain('<!doctype html>');
    }
  });
});

describe('without a build', () => {
  it('answers / and deep links with 503 "Run npm run build first"', async () => {
    const bare = await startApp(testConfig(), stubSource);
    try {
      for (const path of ['/', '/findings']) {
        const res = await raw(bare.port, { path, headers: HTML });
        expect(res.status).toBe(503);
        expect(res.text).toContain('Run npm run build first');
      }
      expect((await raw(bare.port, { path: '/healthz' })).status).toBe(200);
    } finally {
      await bare.close();
    }
  });
});

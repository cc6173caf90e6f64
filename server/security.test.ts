/** Security defaults over real HTTP: headers, Host allow-list, same-origin checks, body limits, token model. */
import * as crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tileSource } from './config';
import { constantTimeEquals, sessionValue } from './security';
import { makeDist, raw, startApp, stubSource, testConfig, type RawRequest, type Running } from './test/harness';

vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

const DETECTOR = 'c6b0be64463ff852400d8ae5b2353866';
const TOKEN = 'test-access-token-0123456789';
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const HTML = { accept: 'text/html' };
const JSON_POST = { 'content-type': 'application/json' };

let app: Running;
beforeAll(async () => {
  app = await startApp(testConfig({ staticDir: makeDist(), allowedHosts: ['localhost', '127.0.0.1', '[::1]', 'atlas.example.com'] }), stubSource);
});
afterAll(() => app.close());

const json = (text: string) => JSON.parse(text) as { __type: string; message: string };

describe('security headers', () => {
  it.each([
    ['/', 200],
    ['/assets/index-abc123.js', 200],
    [`/api/detector/${DETECTOR}`, 200],
    ['/healthz', 200],
    ['/api/nope', 404],
    ['/missing.png', 404],
    ['/..\\x', 400],
  ])('%s (%i) carries CSP and the other headers', async (path, status) => {
    const res = await raw(app.port, { path });
    expect(res.status).toBe(status);
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.headers['permissions-policy']).toBe('camera=(), microphone=(), geolocation=()');
  });

  it('marks /api and /healthz responses no-store, refusals included', async () => {
    for (const path of [`/api/detector/${DETECTOR}`, '/api/nope', '/healthz']) {
      expect((await raw(app.port, { path })).headers['cache-control'], path).toBe('no-store');
    }
    const refused = await raw(app.port, { path: '/api/detector', headers: { host: 'evil.example.com' } });
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.headers['content-security-policy']).toBe(CSP);
  });

  it('turns a {s} tile template into a CSP wildcard source', () => {
    expect(tileSource('https://{s}.tiles.example.org/{z}/{x}/{y}.png')).toBe('https://*.tiles.example.org');
    expect(tileSource('http://10.0.0.5:8080/t/{z}/{x}/{y}.png')).toBe('http://10.0.0.5:8080');
  });

  it('adds the configured tile origin to img-src only', async () => {
    const tiles = { url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap' };
    const withTiles = await startApp(testConfig({ tiles }), stubSource);
    try {
      const res = await raw(withTiles.port, { path: '/healthz' });
      expect(res.headers['content-security-policy']).toContain("img-src 'self' data: https://tile.openstreetmap.org; connect-src 'self';");
      expect(json(res.text)).toMatchObject({ tiles });
    } finally {
      await withTiles.close();
    }
  });
});

describe('Host allow-list (DNS rebinding)', () => {
  it.each(['localhost:8787', '127.0.0.1', '[::1]:9000', 'LOCALHOST', 'atlas.example.com:443'])('accepts Host %s', async (host) => {
    expect((await raw(app.port, { path: '/healthz', headers: { host } })).status).toBe(200);
  });

  it.each(['evil.example.com', 'localhost.evil.com', 'atlas.example.com.evil.com', '127.0.0.2'])('refuses Host %s with 403 AccessDeniedException', async (host) => {
    const api = await raw(app.port, { path: '/api/detector', headers: { host } });
    expect(api.status).toBe(403);
    expect(api.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    expect(json(api.text)).toMatchObject({ __type: 'AccessDeniedException', message: expect.stringContaining('Host') });
    const page = await raw(app.port, { path: '/', headers: { host, ...HTML } });
    expect(page.status).toBe(403);
    expect(page.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(page.text).not.toContain('<!doctype html>');
  });
});

describe('same-origin checks', () => {
  it('accepts the server’s own Origin and refuses any other', async () => {
    const own = `http://127.0.0.1:${app.port}`;
    expect((await raw(app.port, { method: 'POST', path: `/api/detector/${DETECTOR}/findings`, body: '{}', headers: { ...JSON_POST, origin: own } })).status).toBe(200);
    for (const origin of ['https://evil.example.com', `http://localhost:${app.port}`, 'null', `https://127.0.0.1:${app.port}`]) {
      const res = await raw(app.port, { method: 'POST', path: `/api/detector/${DETECTOR}/findings`, body: '{}', headers: { ...JSON_POST, origin } });
      expect(res.status, origin).toBe(403);
      expect(json(res.text).__type).toBe('AccessDeniedException');
      expect(res.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    }
  });

  it('accepts an https Origin behind a TLS proxy (X-Forwarded-Proto)', async () => {
    const res = await raw(app.port, {
      path: '/api/detector',
      headers: { host: 'atlas.example.com', origin: 'https://atlas.example.com', 'x-forwarded-proto': 'https' },
    });
    expect(res.status).toBe(200);
  });

  it('refuses cross-site and same-site Sec-Fetch-Site on /api, /healthz and assets', async () => {
    for (const site of ['cross-site', 'same-site']) {
      for (const path of ['/api/detector', '/healthz', '/assets/index-abc123.js']) {
        const res = await raw(app.port, { path, headers: { 'sec-fetch-site': site, 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' } });
        expect(res.status, `${site} ${path}`).toBe(403);
      }
    }
    const post = await raw(app.port, { method: 'POST', path: `/api/detector/${DETECTOR}/findings`, body: '{}', headers: { ...JSON_POST, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' } });
    expect(post.status).toBe(403);
  });

  it('accepts same-origin and none, and a cross-site top-level navigation to a page (a shared link)', async () => {
    expect((await raw(app.port, { path: '/api/detector', headers: { 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
    expect((await raw(app.port, { path: '/', headers: { 'sec-fetch-site': 'none', ...HTML } })).status).toBe(200);
    const link = await raw(app.port, { path: '/findings', headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', ...HTML } });
    expect(link.status).toBe(200);
    const framed = await raw(app.port, { path: '/', headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' } });
    expect(framed.status).toBe(403);
  });
});

describe('body limit (1 MiB)', () => {
  const big = `{"nextToken":"${'x'.repeat(1.1 * 1024 * 1024)}"}`;

  it.each([
    ['with Content-Length', false],
    ['chunked', true],
  ])('refuses a 1.1 MiB body %s with 413 InvalidInputException', async (_how, chunked) => {
    const res = await raw(app.port, { method: 'POST', path: `/api/detector/${DETECTOR}/findings`, body: big, chunked, headers: JSON_POST });
    expect(res.status).toBe(413);
    expect(res.headers['x-amzn-errortype']).toBe('BadRequestException');
    expect(json(res.text)).toEqual({ __type: 'InvalidInputException', message: 'The request is rejected: the body is larger than 1 MiB.' });
  });

  it('refuses a Content-Length that promises too much before reading anything', async () => {
    const res = await raw(app.port, { method: 'POST', path: `/api/detector/${DETECTOR}/findings`, body: '{}', headers: { ...JSON_POST, 'content-length': String(2 * 1024 * 1024) } });
    expect(res.status).toBe(413);
  });

  it('accepts exactly 1 MiB', async () => {
    const body = `{"a":"${'x'.repeat(1024 * 1024 - 8)}"}`;
    expect(Buffer.byteLength(body)).toBe(1024 * 1024);
    expect((await raw(app.port, { method: 'POST', path: `/api/detector/${DETECTOR}/findings`, body, chunked: true, headers: JSON_POST })).status).toBe(200);
  });
});

describe('access token (non-loopback binds)', () => {
  let guarded: Running;
  beforeAll(async () => {
    guarded = await startApp(testConfig({ host: '0.0.0.0', token: TOKEN, staticDir: makeDist() }), stubSource);
  });
  afterAll(() => guarded.close());

  const cookieFrom = (setCookie: string[] | undefined) => setCookie?.[0]?.split(';')[0] ?? '';

  it('without a token: 401 AccessDeniedException on /api, a plain-text 401 page elsewhere', async () => {
    const api = await raw(guarded.port, { path: '/api/detector' });
    expect(api.status).toBe(401);
    expect(api.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    expect(api.headers['www-authenticate']).toBe('Bearer');
    expect(json(api.text).__type).toBe('AccessDeniedException');
    const page = await raw(guarded.port, { path: '/', headers: HTML });
    expect(page.status).toBe(401);
    expect(page.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(page.text).toContain('token');
    expect((await raw(guarded.port, { path: '/assets/index-abc123.js' })).status).toBe(401);
  });

  /** The exchange page's target: its meta refresh and its link must agree. */
  const nextOf = (html: string) => {
    const refresh = /<meta http-equiv="refresh" content="0;url=([^"]*)">/.exec(html)?.[1];
    const link = /<a href="([^"]*)">Continue to Findings Atlas<\/a>/.exec(html)?.[1];
    expect(refresh).toBeDefined();
    expect(link).toBe(refresh);
    return refresh!;
  };

  it('exchanges /?token= for an HttpOnly SameSite=Strict cookie on a same-origin page that moves on without the token', async () => {
    const res = await raw(guarded.port, { path: `/findings?sort=severity&token=${TOKEN}&dir=desc`, headers: HTML });
    expect(res.status).toBe(200);
    expect(res.headers.location).toBeUndefined();
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(res.text).not.toMatch(/<script|style=|\son\w+=/i);
    expect(res.text).not.toContain(TOKEN);
    expect(nextOf(res.text)).toBe('/findings?sort=severity&#38;dir=desc');
    const [cookie] = res.headers['set-cookie']!;
    expect(cookie).toBe(`fa_session=${sessionValue(TOKEN)}; HttpOnly; SameSite=Strict; Path=/`);
    expect(cookie).not.toContain(TOKEN);

    const session = cookieFrom(res.headers['set-cookie']);
    expect((await raw(guarded.port, { path: '/findings?sort=severity&dir=desc', headers: { cookie: session, ...HTML } })).status).toBe(200);
    expect((await raw(guarded.port, { path: '/api/detector', headers: { cookie: `other=1; ${session}` } })).status).toBe(200);
  });

  it('works from a link on another site: the cross-site navigation gets the page and the cookie, the same-origin refresh gets the app', async () => {
    const crossSite = { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', 'sec-fetch-user': '?1', ...HTML };
    const exchange = await raw(guarded.port, { path: `/?token=${TOKEN}`, headers: crossSite });
    expect(exchange.status).toBe(200);
    expect(exchange.headers['set-cookie']![0]).toMatch(/^fa_session=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(nextOf(exchange.text)).toBe('/');

    // The refresh starts from the exchange page, which is our own origin: the browser sends the Strict cookie.
    const session = cookieFrom(exchange.headers['set-cookie']);
    const app = await raw(guarded.port, { path: '/', headers: { cookie: session, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', ...HTML } });
    expect(app.status).toBe(200);
    expect(app.text).toContain('<div id="root">');
  });

  it('still refuses API calls and subresources from foreign sites, cookie or not', async () => {
    const session = cookieFrom((await raw(guarded.port, { path: `/?token=${TOKEN}` })).headers['set-cookie']);
    const foreign: RawRequest[] = [
      { path: '/api/detector', headers: { cookie: session, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' } },
      { path: '/api/detector', headers: { cookie: session, origin: 'https://evil.example.com' } },
      { path: `/api/detector?token=${TOKEN}`, headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' } },
      { path: `/?token=${TOKEN}`, headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' } },
      { path: `/?token=${TOKEN}`, headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' } },
    ];
    for (const request of foreign) {
      const res = await raw(guarded.port, request);
      expect(res.status, JSON.stringify(request)).toBe(403);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('keeps the next address on the site and escaped in the page', async () => {
    expect(nextOf((await raw(guarded.port, { path: `//evil.example.com/?token=${TOKEN}` })).text)).toBe('/evil.example.com/');
    const odd = await raw(guarded.port, { path: `/a%22b?q=%22%3E%3Cscript%3E&token=${TOKEN}` });
    expect(nextOf(odd.text)).toBe('/a%22b?q=%22%3E%3Cscript%3E');
    expect(odd.text).not.toContain('<script');
  });

  it('marks the cookie Secure behind TLS (X-Forwarded-Proto: https)', async () => {
    const res = await raw(guarded.port, { path: `/?token=${TOKEN}`, headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers['set-cookie']![0]).toMatch(/; Secure$/);
    expect(nextOf(res.text)).toBe('/');
  });

  it('marks 401 and 403 answers no-store, pages and /api alike', async () => {
    const refusals = [
      await raw(guarded.port, { path: '/', headers: HTML }),
      await raw(guarded.port, { path: '/?token=wrong-token-0123456789', headers: HTML }),
      await raw(guarded.port, { path: '/api/detector' }),
      await raw(guarded.port, { path: '/', headers: { host: 'evil.example.com', ...HTML } }),
      await raw(guarded.port, { path: '/api/detector', headers: { authorization: `Bearer ${TOKEN}`, origin: 'https://evil.example.com' } }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([401, 401, 401, 403, 403]);
    for (const res of refusals) expect(res.headers['cache-control']).toBe('no-store');
  });

  it('accepts Authorization: Bearer for scripts', async () => {
    expect((await raw(guarded.port, { path: '/api/detector', headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await raw(guarded.port, { path: '/healthz', headers: { authorization: `bearer ${TOKEN}` } })).status).toBe(200);
  });

  it.each([
    ['a wrong ?token=', { path: '/?token=not-the-token' }],
    ['a wrong bearer', { path: '/api/detector', headers: { authorization: 'Bearer not-the-token' } }],
    ['a token one character short', { path: '/api/detector', headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}` } }],
    ['a forged cookie', { path: '/api/detector', headers: { cookie: 'fa_session=forged' } }],
    ['the raw token as cookie', { path: '/api/detector', headers: { cookie: `fa_session=${TOKEN}` } }],
    ['a token in the /api query', { path: `/api/detector?token=${TOKEN}` }],
  ])('refuses %s with 401', async (_name, request) => {
    const res = await raw(guarded.port, request);
    expect(res.status).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('compares in constant time over SHA-256 digests', () => {
    const timingSafeEqual = vi.mocked(crypto.timingSafeEqual);
    timingSafeEqual.mockClear();
    expect(constantTimeEquals(TOKEN, TOKEN)).toBe(true);
    expect(constantTimeEquals(TOKEN, `${TOKEN}x`)).toBe(false);
    expect(constantTimeEquals('', TOKEN)).toBe(false);
    expect(timingSafeEqual).toHaveBeenCalledTimes(3);
    for (const [a, b] of timingSafeEqual.mock.calls) {
      expect((a as Buffer).length).toBe(32);
      expect((b as Buffer).length).toBe(32);
    }
  });

  it('checks tokens through the constant-time comparison', async () => {
    const timingSafeEqual = vi.mocked(crypto.timingSafeEqual);
    timingSafeEqual.mockClear();
    await raw(guarded.port, { path: '/api/detector', headers: { authorization: 'Bearer guess' } });
    expect(timingSafeEqual).toHaveBeenCalled();
  });
});

describe('request log', () => {
  it('writes one line per request with method, path without query, status, duration and source', async () => {
    const before = app.logs.length;
    await raw(app.port, { path: '/findings?secret=abc&token=xyz', headers: HTML });
    await raw(app.port, { path: '/api/detector', headers: { host: 'evil.example.com' } });
    const lines = app.logs.slice(before);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z GET \/findings 200 \d+\.\dms source=demo$/);
    expect(lines[1]).toMatch(/ GET \/api\/detector 403 /);
    expect(lines.join('\n')).not.toMatch(/secret|xyz|evil/);
  });
});

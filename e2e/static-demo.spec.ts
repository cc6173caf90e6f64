import { expect, test } from '@playwright/test';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { DEMO_DETECTOR_ID, SAMPLE_FINDING_ID } from '../mocks/emulator';

// `npm run build:demo` makes a folder any static host can serve: MSW answers /api in the browser.
// e2e/global-setup.ts builds it (beside the app's build) when this spec is part of the run.
// Served here the way a plain static host does it: files as they are, 404.html for anything else.
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
let server: Server;
let base: string;

test.beforeAll(async () => {
  if (!existsSync('dist-demo/index.html')) throw new Error('no dist-demo/: run `npm run build:demo` (E2E_NO_BUILD=1 reuses builds on disk)');
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const file = path === '/' ? 'index.html' : path;
      const body = await readFile(join('dist-demo', file));
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/html' }).end(await readFile('dist-demo/404.html'));
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

test.afterAll(() => server?.close());

test('the static demo serves the dashboard without a server, deep links included', async ({ page }) => {
  const api: number[] = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) api.push(r.status());
  });
  // A deep link straight to a finding: the host answers 404.html, the SPA routes it, and the
  // service worker answers /api from the emulator built in the page.
  await page.goto(`${base}/findings/${SAMPLE_FINDING_ID}?detector=${DEMO_DETECTOR_ID}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/is performing RDP brute force attacks against i-99999999/);
  await expect(page.getByText('Demo data')).toBeVisible();
  // Back to the table, still answered in the browser.
  await page.goto(`${base}/?detector=${DEMO_DETECTOR_ID}`);
  await expect(page.locator('table.findings-grid tbody tr[data-finding-id]').first()).toBeVisible();
  // Every /api call was answered (by the service worker: the static host would have said 404).
  expect(api.length).toBeGreaterThan(0);
  expect(api.every((status) => status === 200)).toBe(true);
});

/**
 * /healthz has one shape (src/guardduty/health.ts): the server's answers over real HTTP, for each
 * source and with tiles configured, and MSW's answer (npm run dev, the static demo, component
 * tests) all pass the same checker; the checker refuses the shapes they used to disagree on.
 */
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { health, healthProblems } from '../src/guardduty/health';
import { handlers } from '../mocks/handlers';
import { createAwsSource } from './sources/aws';
import { createDemoSource } from './sources/demo';
import type { Source } from './sources/source';
import { raw, startApp, testConfig } from './test/harness';

const TILES = { url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap' };
const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

async function serverHealth(source: Source, overrides: Parameters<typeof testConfig>[0] = {}): Promise<unknown> {
  const app = await startApp(testConfig(overrides), source);
  try {
    const res = await raw(app.port, { path: '/healthz' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    return JSON.parse(res.text);
  } finally {
    await app.close();
  }
}

describe('/healthz: one shape', () => {
  it('the server answers it: demo source', async () => {
    const body = await serverHealth(createDemoSource());
    expect(healthProblems(body)).toEqual([]);
    expect(body).toEqual(health({ source: 'demo' }));
  });

  it('the server answers it: aws source with tiles', async () => {
    const aws = createAwsSource({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:9', credentials: async () => CREDENTIALS });
    const body = await serverHealth(aws, { source: 'aws', region: 'eu-west-1', tiles: TILES });
    expect(healthProblems(body)).toEqual([]);
    expect(body).toEqual({ status: 'ok', source: 'aws', region: 'eu-west-1', readOnly: true, tiles: TILES });
  });

  it('MSW answers it, as the demo server does', async () => {
    const origin = 'http://localhost:5173';
    const res = await getResponse(handlers, new Request(`${origin}/healthz`), { baseUrl: `${origin}/` });
    expect(res?.status).toBe(200);
    const body = await res!.json();
    expect(healthProblems(body)).toEqual([]);
    expect(body).toEqual(await serverHealth(createDemoSource()));
  });

  it.each([
    ['MSW’s old answer', { status: 'ok', source: 'demo', mode: 'msw' }, /unexpected field mode|readOnly/],
    ['a missing region', { status: 'ok', source: 'aws', readOnly: true, tiles: null }, /region/],
    ['an unknown source', { status: 'ok', source: 'gcp', region: null, readOnly: true, tiles: null }, /source/],
    ['tiles without attribution', { ...health({ source: 'demo' }), tiles: { url: 'https://t.example/{z}/{x}/{y}.png' } }, /tiles/],
    ['a region on demo data', { ...health({ source: 'demo' }), region: 'us-east-1' }, /demo data has no region/],
    ['not an object', [], /not a JSON object/],
  ])('the checker refuses %s', (_name, body, problem) => {
    expect(healthProblems(body).join('; ')).toMatch(problem);
  });
});

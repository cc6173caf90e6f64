/**
 * The region endpoints over real HTTP: /api/regions, /api/regions/{region}/… and
 * /api/all-regions/… in demo mode, and in aws mode against a local fake GuardDuty that answers per
 * region (read from each request's SigV4 scope) — checking that every region is signed for its own
 * scope, that refused regions never reach upstream, and that the AWS SDK works against a regional
 * endpoint.
 */
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { GetFindingsCommand, GuardDutyClient, ListDetectorsCommand, ListFindingsCommand } from '@aws-sdk/client-guardduty';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sortFindings, type Finding } from '../src/guardduty';
import type { AllRegionsFindingsResponse, AllRegionsStatisticsResponse, RegionsResponse } from '../src/guardduty/all-regions';
import { answer } from '../src/guardduty/operations';
import { guardDutyEndpoint } from '../src/guardduty/regions';
import { DEMO_DETECTOR_ID, EU_WEST_1_DETECTOR_ID, REFERENCE_NOW, createDemoWorld, findingsOf } from '../mocks/emulator';
import { createAwsRegional, createDemoRegional } from './sources/regional';
import { raw, startApp, startFakeUpstream, testConfig, type FakeUpstream, type RecordedRequest, type Running } from './test/harness';

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const DEMO_REGIONS = ['us-east-1', 'ap-east-1', 'ap-southeast-2', 'eu-west-1', 'sa-east-1', 'us-west-2'];

const json = <T>(text: string) => JSON.parse(text) as T;
const post = (app: Running, path: string, body: unknown) =>
  raw(app.port, { method: 'POST', path, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

/** The region a request was signed for: `Credential=AKID/20261125/eu-west-1/guardduty/aws4_request`. */
const scopeOf = (req: RecordedRequest) => /Credential=[^/]+\/\d{8}\/([^/]+)\/guardduty\/aws4_request/.exec(String(req.headers.authorization))?.[1];

/** Re-signs what the fake received for `region`: equal only if the proxy signed exactly that, for that region. */
async function expectSignedFor(req: RecordedRequest, region: string) {
  const authorization = String(req.headers.authorization);
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)![1].split(';');
  const url = new URL(req.url, 'http://fake');
  const amzDate = String(req.headers['x-amz-date']);
  const signingDate = new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  const signer = new SignatureV4({ service: 'guardduty', region, sha256: Hash.bind(null, 'sha256'), credentials: CREDENTIALS });
  const query: Record<string, string> = Object.fromEntries(url.searchParams);
  const resigned = await signer.sign(
    { method: req.method, protocol: 'http:', hostname: '127.0.0.1', path: url.pathname, query, headers: Object.fromEntries(signedHeaders.map((n) => [n, String(req.headers[n])])), body: req.body.length > 0 ? new Uint8Array(req.body) : undefined },
    { signingDate },
  );
  expect(authorization).toBe(resigned.headers.authorization);
}

describe('demo mode', () => {
  let app: Running;
  beforeAll(async () => {
    const { source, regional } = createDemoRegional({ regions: DEMO_REGIONS, now: REFERENCE_NOW });
    app = await startApp(testConfig({ regions: DEMO_REGIONS }), source, {}, regional);
  });
  afterAll(() => app.close());

  it('GET /api/regions: every status on demo data, default first', async () => {
    const res = await raw(app.port, { path: '/api/regions' });
    expect(res.status).toBe(200);
    expect(res.headers['x-amzn-requestid']).toBeTruthy();
    const body = json<RegionsResponse>(res.text);
    expect(body.defaultRegion).toBe('us-east-1');
    expect(body.regions.map((r) => [r.region, r.status])).toEqual([
      ['us-east-1', 'ok'], ['ap-east-1', 'not-enabled'], ['ap-southeast-2', 'ok'], ['eu-west-1', 'ok'], ['sa-east-1', 'no-detector'], ['us-west-2', 'ok'],
    ]);
    expect(body.regions[0].detectorId).toBe(DEMO_DETECTOR_ID);
    expect((await raw(app.port, { method: 'POST', path: '/api/regions', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(405);
  });

  it('/api/regions/{region}/… answers that region; /api/… and /api/regions/us-east-1/… are one region', async () => {
    const eu = json<{ detectorIds: string[] }>((await raw(app.port, { path: '/api/regions/eu-west-1/detector' })).text);
    expect(eu.detectorIds).toEqual([EU_WEST_1_DETECTOR_ID]);
    const home = await raw(app.port, { path: '/api/regions/us-east-1/detector' });
    expect(home.text).toBe((await raw(app.port, { path: '/api/detector' })).text);
    // A detector of another region is unknown in this one, as in GuardDuty.
    const foreign = await raw(app.port, { path: `/api/regions/eu-west-1/detector/${DEMO_DETECTOR_ID}` });
    expect(foreign.status).toBe(400);
    expect(json<{ __type: string }>(foreign.text).__type).toBe('NoSuchEntityException');
    const notEnabled = await raw(app.port, { path: '/api/regions/ap-east-1/detector' });
    expect(notEnabled.status).toBe(403);
    expect(notEnabled.headers['x-amzn-errortype']).toBe('UnrecognizedClientException');
    expect(json<{ detectorIds: string[] }>((await raw(app.port, { path: '/api/regions/sa-east-1/detector' })).text).detectorIds).toEqual([]);
  });

  it.each([
    ['/api/regions/eu-west-9/detector', /"eu-west-9" is not a region this server covers/],
    ['/api/regions/ca-central-1/detector', /"ca-central-1" is not a region this server covers/],
    ['/api/regions/EU-WEST-1/detector', /is not a region name/],
    ['/api/regions/..%2F..%2Fetc/detector', /is not a region name/],
    ['/api/regions/%E0%A4%A/detector', /percent-encoding/],
  ])('refuses %s with a documented 400', async (path, message) => {
    const res = await raw(app.port, { path });
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('BadRequestException');
    expect(json<{ __type: string; message: string }>(res.text)).toMatchObject({ __type: 'InvalidInputException', message: expect.stringMatching(message) });
  });

  it('keeps the hardening on regional and all-regions paths: JSON only, 1 MiB, read-only, unknown operations', async () => {
    expect((await raw(app.port, { method: 'POST', path: `/api/regions/eu-west-1/detector/${EU_WEST_1_DETECTOR_ID}/findings`, body: '{}', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await raw(app.port, { method: 'POST', path: '/api/all-regions/findings', body: '{}', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await raw(app.port, { method: 'POST', path: '/api/all-regions/findings', body: 'x'.repeat(1024 * 1024 + 10), headers: { 'content-type': 'application/json' } })).status).toBe(413);
    expect((await raw(app.port, { method: 'POST', path: `/api/regions/eu-west-1/detector/${EU_WEST_1_DETECTOR_ID}/findings/archive`, body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(405);
    expect((await raw(app.port, { path: '/api/all-regions/findings' })).status).toBe(405);
    expect((await raw(app.port, { path: '/api/all-regions/detector' })).status).toBe(404);
    expect((await post(app, '/api/all-regions/findings', { findingCriteria: { criterion: { nope: { eq: ['x'] } } } })).status).toBe(400);
  });

  it('POST /api/all-regions/findings pages through every region in one order; statistics sum', async () => {
    const got: Finding[] = [];
    let nextToken: string | undefined;
    do {
      const res = await post(app, '/api/all-regions/findings', { sortCriteria: { attributeName: 'updatedAt', orderBy: 'DESC' }, maxResults: 50, ...(nextToken ? { nextToken } : {}) });
      expect(res.status).toBe(200);
      const page = json<AllRegionsFindingsResponse>(res.text);
      got.push(...page.findings);
      nextToken = page.nextToken || undefined;
    } while (nextToken);
    const all = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'].flatMap((r) => findingsOf(createDemoWorld().backendFor(r).listDetectors({}).detectorIds[0]));
    expect(got.map((f) => f.id)).toEqual(sortFindings(all, 'updatedAt', 'DESC').map((f) => f.id));
    const stats = json<AllRegionsStatisticsResponse>((await post(app, '/api/all-regions/findings/statistics', { findingStatisticTypes: ['COUNT_BY_SEVERITY'] })).text);
    expect(Object.values(stats.findingStatistics.countBySeverity!).reduce((a, b) => a + b, 0)).toBe(all.length);
  });
});

describe('aws mode against a fake GuardDuty answering per region', () => {
  let fake: FakeUpstream;
  let app: Running;
  const world = createDemoWorld();
  const REGIONS = ['us-east-1', 'ap-east-1', 'eu-central-1', 'eu-west-1', 'sa-east-1'];

  beforeEach(async () => {
    fake = await startFakeUpstream('/gd');
    // us-east-1 and eu-west-1: the demo's data; eu-central-1: no detector; ap-east-1: not enabled; sa-east-1: 500.
    fake.respond = (req, res) => {
      const region = scopeOf(req)!;
      if (region === 'ap-east-1') {
        res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-ErrorType': 'UnrecognizedClientException' }).end('{"message":"The security token included in the request is invalid."}');
        return;
      }
      if (region === 'sa-east-1') {
        res.writeHead(500, { 'content-type': 'application/json', 'x-amzn-ErrorType': 'InternalServerErrorException' }).end('{"message":"Upstream boom."}');
        return;
      }
      const url = new URL(req.url, 'http://fake');
      const wire = answer(world.backendFor(region === 'eu-central-1' ? 'sa-east-1' : region), {
        method: req.method, path: url.pathname.slice('/gd'.length), query: url.searchParams, contentType: String(req.headers['content-type'] ?? ''), body: req.body.toString('utf8'),
      });
      res.writeHead(wire.status, wire.headers).end(wire.body);
    };
    const { source, regional } = createAwsRegional({ defaultRegion: 'us-east-1', regions: REGIONS, endpoint: fake.endpoint, credentials: async () => CREDENTIALS, baseDelayMs: 1 });
    app = await startApp(testConfig({ source: 'aws', region: 'us-east-1', endpoint: fake.endpoint, regions: REGIONS }), source, {}, regional);
  });
  afterEach(async () => {
    await app.close();
    await fake.close();
  });

  it('GET /api/regions: ok, no-detector, not-enabled and error, each region asked once and signed for its own scope', async () => {
    const body = json<RegionsResponse>((await raw(app.port, { path: '/api/regions' })).text);
    expect(body.regions.map((r) => [r.region, r.status])).toEqual([
      ['us-east-1', 'ok'], ['ap-east-1', 'not-enabled'], ['eu-central-1', 'no-detector'], ['eu-west-1', 'ok'], ['sa-east-1', 'error'],
    ]);
    expect(body.regions.find((r) => r.region === 'sa-east-1')!.message).toMatch(/Upstream boom/);
    expect(body.regions.find((r) => r.region === 'eu-west-1')!.detectorId).toBe(EU_WEST_1_DETECTOR_ID);
    for (const req of fake.requests) {
      expect(req.url).toBe('/gd/detector');
      expect(req.headers.host).toBe(new URL(fake.endpoint).host);
      await expectSignedFor(req, scopeOf(req)!);
    }
    // sa-east-1's 500 was retried (the aws source's retries); the others once each.
    const asked = fake.requests.map(scopeOf);
    for (const r of ['us-east-1', 'ap-east-1', 'eu-central-1', 'eu-west-1']) expect(asked.filter((x) => x === r), r).toHaveLength(1);
    // Cached: asking again costs nothing upstream (errors are asked again soon, not here).
    const before = fake.requests.length;
    await raw(app.port, { path: '/api/regions' });
    expect(fake.requests.length).toBe(before);
  });

  it('signs /api/regions/{region}/… for that region; refused regions never reach upstream', async () => {
    const res = await post(app, `/api/regions/eu-west-1/detector/${EU_WEST_1_DETECTOR_ID}/findings`, { maxResults: 3 });
    expect(res.status).toBe(200);
    expect(fake.requests).toHaveLength(1);
    expect(scopeOf(fake.requests[0])).toBe('eu-west-1');
    await expectSignedFor(fake.requests[0], 'eu-west-1');
    for (const path of ['/api/regions/us-west-2/detector', '/api/regions/eu-west-1x/detector', '/api/regions/cn-north-1/detector']) {
      expect((await raw(app.port, { path })).status, path).toBe(400);
    }
    expect(fake.requests).toHaveLength(1);
  });

  it('all-regions findings: the regions that answer, merged; the failing ones as statuses', async () => {
    const res = await post(app, '/api/all-regions/findings', { sortCriteria: { attributeName: 'severity', orderBy: 'DESC' }, maxResults: 40 });
    expect(res.status).toBe(200);
    const page = json<AllRegionsFindingsResponse>(res.text);
    expect(page.regions.map((r) => [r.region, r.status])).toEqual([
      ['us-east-1', 'ok'], ['ap-east-1', 'not-enabled'], ['eu-central-1', 'no-detector'], ['eu-west-1', 'ok'], ['sa-east-1', 'error'],
    ]);
    const both = [...findingsOf(DEMO_DETECTOR_ID), ...findingsOf(EU_WEST_1_DETECTOR_ID)];
    expect(page.findings.map((f) => f.id)).toEqual(sortFindings(both, 'severity', 'DESC').slice(0, 40).map((f) => f.id));
    for (const req of fake.requests) await expectSignedFor(req, scopeOf(req)!);
    expect(new Set(fake.requests.filter((r) => r.url.endsWith('/findings')).map(scopeOf))).toEqual(new Set(['us-east-1', 'eu-west-1']));
  });

  it('the AWS SDK works unchanged against a regional endpoint', async () => {
    const client = new GuardDutyClient({ endpoint: `${app.url}/api/regions/eu-west-1`, region: 'eu-west-1', credentials: CREDENTIALS, maxAttempts: 1 });
    try {
      const detectors = await client.send(new ListDetectorsCommand({}));
      expect(detectors.DetectorIds).toEqual([EU_WEST_1_DETECTOR_ID]);
      const list = await client.send(new ListFindingsCommand({ DetectorId: EU_WEST_1_DETECTOR_ID, MaxResults: 5, SortCriteria: { AttributeName: 'severity', OrderBy: 'DESC' } }));
      expect(list.FindingIds).toHaveLength(5);
      const got = await client.send(new GetFindingsCommand({ DetectorId: EU_WEST_1_DETECTOR_ID, FindingIds: list.FindingIds }));
      expect(got.Findings!.map((f) => f.Region)).toEqual(['eu-west-1', 'eu-west-1', 'eu-west-1', 'eu-west-1', 'eu-west-1']);
    } finally {
      client.destroy();
    }
    expect(fake.requests.every((r) => scopeOf(r) === 'eu-west-1')).toBe(true);
  });
});

describe('regional endpoints without a custom endpoint', () => {
  it('are guardduty.{region}.{the partition’s DNS suffix}', () => {
    expect(guardDutyEndpoint('eu-west-1')).toBe('https://guardduty.eu-west-1.amazonaws.com');
    expect(guardDutyEndpoint('cn-north-1')).toBe('https://guardduty.cn-north-1.amazonaws.com.cn');
    expect(guardDutyEndpoint('us-gov-west-1')).toBe('https://guardduty.us-gov-west-1.amazonaws.com');
  });
});

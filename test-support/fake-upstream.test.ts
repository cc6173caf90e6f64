/** The fake GuardDuty itself: the emulator per signed region, GuardDuty's refusals, latency and faults. */
import { GuardDutyClient, ListDetectorsCommand, ListFindingsCommand } from '@aws-sdk/client-guardduty';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_DETECTOR_ID, EU_WEST_1_DETECTOR_ID } from '../mocks/emulator';
import { gatewayPage, reply, sequence, signatureProblem, startFakeUpstream, throttled, type FakeUpstream } from './fake-upstream';

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
let fake: FakeUpstream;
afterEach(() => fake?.close());

const sdk = (region: string) => new GuardDutyClient({ endpoint: fake.endpoint, region, credentials: CREDENTIALS, maxAttempts: 1 });

describe('fake GuardDuty', () => {
  it('answers each signed region from the demo world under its base path, and records what it got', async () => {
    fake = await startFakeUpstream({ basePath: '/gd' });
    expect((await sdk('us-east-1').send(new ListDetectorsCommand({}))).DetectorIds).toContain(DEMO_DETECTOR_ID);
    expect((await sdk('eu-west-1').send(new ListDetectorsCommand({}))).DetectorIds).toEqual([EU_WEST_1_DETECTOR_ID]);
    const page = await sdk('eu-west-1').send(new ListFindingsCommand({ DetectorId: EU_WEST_1_DETECTOR_ID, MaxResults: 3 }));
    expect(page.FindingIds).toHaveLength(3);
    await expect(sdk('ap-east-1').send(new ListDetectorsCommand({}))).rejects.toThrow(/security token/);
    expect(fake.requests.map((r) => [r.method, r.url, r.region])).toEqual([
      ['GET', '/gd/detector', 'us-east-1'],
      ['GET', '/gd/detector', 'eu-west-1'],
      ['POST', `/gd/detector/${EU_WEST_1_DETECTOR_ID}/findings`, 'eu-west-1'],
      ['GET', '/gd/detector', 'ap-east-1'],
    ]);
    expect(JSON.parse(fake.requests[2].body.toString('utf8'))).toEqual({ maxResults: 3 });
    for (const r of fake.requests) expect(await signatureProblem(r, CREDENTIALS, r.region!)).toBeNull();
    expect(await signatureProblem(fake.requests[0], CREDENTIALS, 'eu-west-1')).toMatch(/signature differs/);
  });

  it('refuses unsigned requests as GuardDuty does, unless told which region answers them', async () => {
    fake = await startFakeUpstream();
    const unsigned = await fetch(`${fake.endpoint}/detector`);
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    await fake.close();
    fake = await startFakeUpstream({ anonymousRegion: 'us-east-1' });
    const anonymous = await fetch(`${fake.endpoint}/detector`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await signatureProblem(fake.requests[0], CREDENTIALS, 'us-east-1')).toMatch(/not SigV4-signed/);
  });

  it('delays every answer by latencyMs, and injects faults in sequence', async () => {
    fake = await startFakeUpstream({ anonymousRegion: 'us-east-1', latencyMs: 300 });
    const started = performance.now();
    expect((await fetch(`${fake.endpoint}/detector`)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
    fake.latencyMs = 0;
    fake.respond = sequence(throttled(), gatewayPage(502), reply(200, '{"detectorIds":[]}'));
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${fake.endpoint}/detector`)).status);
    expect(statuses).toEqual([429, 502, 200, 200]);
    fake.respond = fake.guardDuty;
    expect((await (await fetch(`${fake.endpoint}/detector`)).json()).detectorIds).toContain(DEMO_DETECTOR_ID);
  });
});

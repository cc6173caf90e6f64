/**
 * GetFindingsStatistics as the model has it today (groupBy, orderBy ASC/DESC, maxResults) through
 * both sources: the demo source answers every groupBy in a shape the real AWS SDK reads without
 * losing a member, and the aws source forwards every valid request to GuardDuty unchanged.
 */
import { GetFindingsStatisticsCommand, GuardDutyClient, type GroupByType } from '@aws-sdk/client-guardduty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DETECTOR_ID } from '../mocks/emulator';
import { SANE_TIMESTAMPS } from '../src/guardduty/model';
import { createAwsSource } from './sources/aws';
import { createDemoSource } from './sources/demo';
import { startFakeUpstream, type FakeUpstream } from '../test-support/fake-upstream';
import { raw, startApp, testConfig, type Running } from './test/harness';

const GROUPS = ['ACCOUNT', 'DATE', 'FINDING_TYPE', 'RESOURCE', 'SEVERITY'] as const;
const MEMBER = { ACCOUNT: 'groupedByAccount', DATE: 'groupedByDate', FINDING_TYPE: 'groupedByFindingType', RESOURCE: 'groupedByResource', SEVERITY: 'groupedBySeverity' } as const;
const path = `/api/detector/${DEMO_DETECTOR_ID}/findings/statistics`;
const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

const post = (app: Running, body: string) => raw(app.port, { method: 'POST', path, body, headers: { 'content-type': 'application/json' } });

describe('demo source', () => {
  let app: Running;
  let client: GuardDutyClient;
  beforeAll(async () => {
    app = await startApp(testConfig(), createDemoSource());
    client = new GuardDutyClient({ endpoint: `${app.url}/api`, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
  });
  afterAll(async () => {
    client.destroy();
    await app.close();
  });

  it.each(GROUPS)('answers groupBy %s in both orders, and the AWS SDK reads every member', async (groupBy) => {
    for (const orderBy of ['ASC', 'DESC'] as const) {
      const wire = JSON.parse((await post(app, JSON.stringify({ groupBy, orderBy, maxResults: 7 }))).text);
      const entries = wire.findingStatistics[MEMBER[groupBy]] as Record<string, unknown>[];
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.length).toBeLessThanOrEqual(7);
      for (const entry of entries) {
        expect(entry.totalFindings).toBeGreaterThan(0);
        expect(entry.lastGeneratedAt).toBeGreaterThanOrEqual(SANE_TIMESTAMPS[0]);
        expect(entry.lastGeneratedAt).toBeLessThan(SANE_TIMESTAMPS[1]);
      }

      const parsed = await client.send(new GetFindingsStatisticsCommand({ DetectorId: DEMO_DETECTOR_ID, GroupBy: groupBy as GroupByType, OrderBy: orderBy, MaxResults: 7 }));
      const sdkMember = MEMBER[groupBy].replace(/^g/, 'G') as keyof NonNullable<typeof parsed.FindingStatistics>;
      const sdkEntries = parsed.FindingStatistics![sdkMember] as unknown as Record<string, unknown>[];
      expect(sdkEntries).toHaveLength(entries.length);
      sdkEntries.forEach((sdk, i) => {
        // Same members, PascalCase; timestamps as Dates equal to the epoch seconds sent.
        const wireEntry = entries[i];
        expect(Object.keys(sdk).map((k) => k[0].toLowerCase() + k.slice(1)).sort()).toEqual(Object.keys(wireEntry).sort());
        expect((sdk.LastGeneratedAt as Date).getTime()).toBe((wireEntry.lastGeneratedAt as number) * 1000);
        expect(sdk.TotalFindings).toBe(wireEntry.totalFindings);
      });
    }
  });

  it('refuses the old orderBy values with the documented error naming the field', async () => {
    const answer = await post(app, JSON.stringify({ groupBy: 'FINDING_TYPE', orderBy: 'COUNT' }));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual({ __type: 'InvalidInputException', message: expect.stringMatching(/orderBy: must be one of 'ASC', 'DESC'/) });
  });
});

describe('aws source', () => {
  let fake: FakeUpstream;
  let app: Running;
  beforeAll(async () => {
    fake = await startFakeUpstream();
    const source = createAwsSource({ region: 'us-east-1', endpoint: fake.endpoint, credentials: async () => CREDENTIALS, baseDelayMs: 1 });
    app = await startApp(testConfig({ source: 'aws', region: 'us-east-1', endpoint: fake.endpoint }), source);
  });
  afterAll(async () => {
    await app.close();
    await fake.close();
  });

  it('forwards every groupBy request the model allows, byte for byte', async () => {
    for (const groupBy of GROUPS) {
      const body = `{"groupBy":"${groupBy}","orderBy":"ASC","maxResults":100,"findingCriteria":{"criterion":{"title":{"equals":["x"]}}}}`;
      const before = fake.requests.length;
      expect((await post(app, body)).status).toBe(200);
      expect(fake.requests.length).toBe(before + 1);
      expect(fake.requests.at(-1)!.body.toString('utf8')).toBe(body);
    }
  });

  it('refuses what the model refuses without going upstream', async () => {
    const before = fake.requests.length;
    for (const body of ['{"groupBy":"REGION"}', '{"groupBy":"DATE","maxResults":101}', '{}', '{"groupBy":"DATE","groupBy":"SEVERITY"}']) {
      expect((await post(app, body)).status, body).toBe(400);
    }
    expect(fake.requests.length).toBe(before);
  });
});

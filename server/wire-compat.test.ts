/**
 * Wire compatibility: the real AWS SDK client, pointed at the demo server's /api (endpoint with a
 * base path), understands every answer and every error. Only a compatibility check: the server
 * never serves SDK-parsed objects.
 */
import {
  BadRequestException,
  GetFindingsCommand,
  GetFindingsStatisticsCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  ListFindingsCommand,
} from '@aws-sdk/client-guardduty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DETECTOR_ID } from '../mocks/emulator';
import { createDemoSource } from './sources/demo';
import { startApp, testConfig, type Running } from './test/harness';

let app: Running;
let client: GuardDutyClient;

beforeAll(async () => {
  app = await startApp(testConfig(), createDemoSource());
  client = new GuardDutyClient({
    endpoint: `${app.url}/api`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await app.close();
});

describe('AWS SDK GuardDutyClient against the demo server', () => {
  it('ListDetectors', async () => {
    const out = await client.send(new ListDetectorsCommand({ MaxResults: 50 }));
    expect(out.DetectorIds).toContain(DEMO_DETECTOR_ID);
  });

  it('ListFindings with sortCriteria and findingCriteria, then GetFindings and GetFindingsStatistics', async () => {
    const list = await client.send(
      new ListFindingsCommand({
        DetectorId: DEMO_DETECTOR_ID,
        MaxResults: 10,
        SortCriteria: { AttributeName: 'severity', OrderBy: 'DESC' },
        FindingCriteria: { Criterion: { severity: { GreaterThanOrEqual: 4 }, 'service.archived': { Equals: ['false'] } } },
      }),
    );
    expect(list.FindingIds!.length).toBeGreaterThan(0);
    expect(list.FindingIds!.length).toBeLessThanOrEqual(10);

    const got = await client.send(new GetFindingsCommand({ DetectorId: DEMO_DETECTOR_ID, FindingIds: list.FindingIds }));
    expect(got.Findings).toHaveLength(list.FindingIds!.length);
    for (const finding of got.Findings!) {
      expect(finding.Severity).toBeGreaterThanOrEqual(4);
      expect(finding.Service?.Archived).toBe(false);
    }
    expect(got.Findings!.map((f) => f.Id).sort()).toEqual([...list.FindingIds!].sort());

    const stats = await client.send(new GetFindingsStatisticsCommand({ DetectorId: DEMO_DETECTOR_ID, FindingStatisticTypes: ['COUNT_BY_SEVERITY'] }));
    expect(Object.keys(stats.FindingStatistics?.CountBySeverity ?? {}).length).toBeGreaterThan(0);
  });

  it('surfaces an invalid request as the SDK’s BadRequestException with the message', async () => {
    const error = await client
      .send(new ListFindingsCommand({ DetectorId: DEMO_DETECTOR_ID, SortCriteria: { AttributeName: 'title' } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).message).toMatch(/sortCriteria\.attributeName: must be one of the documented sort attributes/);
    expect((error as BadRequestException).$metadata.httpStatusCode).toBe(400);
  });
});

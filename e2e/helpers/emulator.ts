/**
 * The emulator as the demo server runs it. The server generates its data relative to the time it
 * started (`createEmulator({ now: Date.now() })`), and orders can depend on that time (GuardDuty's
 * `…:31Z` and `…:31.927Z` forms of nearly equal times), so expected orders come from an emulator
 * at the server's own "now", recovered from one finding's millisecond timestamp.
 */
import type { APIRequestContext } from '@playwright/test';
import { createEmulator, REFERENCE_NOW } from '../../mocks/emulator';
import type { GuardDutyBackend } from '../../src/guardduty/operations';
import type { Finding, FindingCriteria, SortOrder } from '../../src/guardduty';

const cache = new Map<string, Promise<GuardDutyBackend>>();

async function post<T>(request: APIRequestContext, path: string, data: unknown): Promise<T> {
  const res = await request.post(path, { data, headers: { 'content-type': 'application/json' } });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

async function recover(request: APIRequestContext, detectorId: string): Promise<GuardDutyBackend> {
  const list = await post<{ findingIds: string[] }>(request, `/api/detector/${detectorId}/findings`, {
    maxResults: 50,
    sortCriteria: { attributeName: 'updatedAt', orderBy: 'DESC' },
  });
  const served = await post<{ findings: Finding[] }>(request, `/api/detector/${detectorId}/findings/get`, { findingIds: list.findingIds });
  const reference = createEmulator().getFindings(detectorId, { findingIds: list.findingIds }).findings;
  const refById = new Map(reference.map((f) => [f.id, f]));
  for (const f of served.findings) {
    const r = refById.get(f.id);
    if (r && f.updatedAt?.includes('.') && r.updatedAt?.includes('.')) {
      return createEmulator({ now: REFERENCE_NOW + (Date.parse(f.updatedAt) - Date.parse(r.updatedAt)) });
    }
  }
  throw new Error('could not recover the demo server’s clock from its findings');
}

export function serverEmulator(request: APIRequestContext, detectorId: string): Promise<GuardDutyBackend> {
  let p = cache.get(detectorId);
  if (!p) {
    p = recover(request, detectorId);
    cache.set(detectorId, p);
  }
  return p;
}

/** The table's default criteria: current findings (GuardDuty console default). */
export const CURRENT: FindingCriteria = { criterion: { 'service.archived': { eq: ['false'] } } };

/** Every id of a query, in the emulator's order (all pages). */
export function expectedOrder(emulator: GuardDutyBackend, detectorId: string, attribute: string, order: SortOrder, criteria: FindingCriteria = CURRENT, limit = 100): string[] {
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = emulator.listFindings(detectorId, { findingCriteria: criteria, sortCriteria: { attributeName: attribute, orderBy: order }, maxResults: 50, nextToken });
    ids.push(...page.findingIds);
    nextToken = page.nextToken || undefined;
  } while (nextToken && ids.length < limit);
  return ids.slice(0, limit);
}

/** Helpers shared by the emulator's tests: paging walks and calls over the wire contract. */
import type { ListFindingsRequest } from '../../src/guardduty';
import { answer, type GuardDutyBackend } from '../../src/guardduty/operations';

export interface Walk {
  ids: string[];
  pageSizes: number[];
  lastToken: string;
}

/** Every page of a ListFindings query, following nextToken until GuardDuty's final `""`. */
export function walkPages(backend: GuardDutyBackend, detectorId: string, request: Omit<ListFindingsRequest, 'nextToken'> = {}): Walk {
  const walk: Walk = { ids: [], pageSizes: [], lastToken: '' };
  let nextToken: string | undefined;
  do {
    const page = backend.listFindings(detectorId, { ...request, nextToken });
    walk.ids.push(...page.findingIds);
    walk.pageSizes.push(page.findingIds.length);
    walk.lastToken = page.nextToken;
    nextToken = page.nextToken || undefined;
    if (walk.pageSizes.length > 20_000) throw new Error('paging does not end');
  } while (nextToken);
  return walk;
}

export interface WireCall {
  status: number;
  headers: Record<string, string>;
  json: Record<string, unknown>;
}

/** A request through the shared contract (routing, validation, error wire format), as the server and MSW make it. */
export function callApi(backend: GuardDutyBackend, method: string, path: string, body?: unknown, query = ''): WireCall {
  const wire = answer(backend, {
    method,
    path,
    query: new URLSearchParams(query),
    contentType: body === undefined ? null : 'application/json',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: wire.status, headers: wire.headers, json: JSON.parse(wire.body) as Record<string, unknown> };
}

/** Helpers shared by the emulator's tests: paging walks and calls over the wire contract. */
import type { Condition, ListFindingsRequest } from '../../src/guardduty';
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

/** The probe: on a RegExp-built wildcard, 7 stars backtrack over every split of every id. */
export const MATCHES_PROBE: Record<string, Condition> = { id: { matches: ['*******Q'] } };

/**
 * The filter attributes with the most values (by characters) per finding on the scale detector,
 * `description` (the longest strings) excepted: it carries the glob condition.
 */
const HEAVY_ATTRIBUTES = [
  'arn', 'title', 'service.action.awsApiCallAction.userAgent', 'resource.instanceDetails.iamInstanceProfile.arn', 'type', 'id',
  'service.detectorId', 'resource.instanceDetails.imageDescription', 'resource.instanceDetails.networkInterfaces.privateDnsName',
  'resource.instanceDetails.networkInterfaces.privateIpAddresses.privateDnsName', 'service.additionalInfo.value', 'service.eventFirstSeen',
  'service.eventLastSeen', 'updatedAt', 'createdAt', 'resource.instanceDetails.tags.value', 'resource.instanceDetails.networkInterfaces.publicDnsName',
  'resource.instanceDetails.networkInterfaces.securityGroups.groupId', 'resource.instanceDetails.tags.key', 'resource.instanceDetails.networkInterfaces.subnetId',
  'service.action.actionType', 'resource.instanceDetails.networkInterfaces.networkInterfaceId', 'resource.instanceDetails.networkInterfaces.vpcId',
  'resource.instanceDetails.launchTime', 'accountId', 'resource.instanceDetails.iamInstanceProfile.id', 'resource.instanceDetails.imageId', 'region',
  'resource.instanceDetails.instanceId', 'resource.accessKeyDetails.principalId', 'service.action.networkConnectionAction.remoteIpDetails.organization.asnOrg',
  'service.serviceName', 'service.action.awsApiCallAction.remoteIpDetails.organization.asnOrg', 'resource.resourceType',
  'resource.instanceDetails.networkInterfaces.privateIpAddress', 'resource.instanceDetails.networkInterfaces.privateIpAddresses.privateIpAddress',
  'resource.instanceDetails.networkInterfaces.securityGroups.groupName', 'resource.accessKeyDetails.accessKeyId', 'service.additionalInfo.type',
  'resource.instanceDetails.availabilityZone', 'service.action.awsApiCallAction.serviceName', 'resource.s3BucketDetails.owner.id', 'service.resourceRole',
  'service.action.awsApiCallAction.api', 'resource.accessKeyDetails.userName', 'resource.instanceDetails.networkInterfaces.publicIp',
  'service.action.awsApiCallAction.affectedResources', 'resource.s3BucketDetails.tags.value', 'severity',
];

/**
 * The heaviest request the contract allows, by its limits (50 criteria of 50 values, 5 patterns
 * of at most 512 characters, a body of at most 1 MiB): every criterion a `neq` of 50 values that
 * no finding has, so every finding passes and every criterion is evaluated; `description` also
 * `matches` 5 patterns of many short segments, four found deep into the text before failing and
 * a last one that matches. Values are 400 characters, not 512: 2,550 of 512 would not fit in the
 * body, and their length costs nothing (listed values are looked up in sets). `salt` varies the
 * values so that caches do not answer it.
 */
export function heaviestAllowedCriterion(salt = ''): Record<string, Condition> {
  const values = Array.from({ length: 50 }, (_, i) => `${salt}~${i}~`.padEnd(400, 'x'));
  const criterion: Record<string, Condition> = Object.fromEntries(HEAVY_ATTRIBUTES.map((a) => [a, { neq: values }]));
  const segments = (letters: string, n: number) => `*${Array.from({ length: n }, (_, i) => letters[i % letters.length]).join('*')}*`;
  const failing = ['e', 'a', 'o', ' '].map((letters, i) => `${segments(letters, 20 + 10 * i)}\u0007*`.padStart(512, '*'));
  criterion.description = { neq: values, matches: [...failing, segments('e', 2)] };
  return criterion;
}

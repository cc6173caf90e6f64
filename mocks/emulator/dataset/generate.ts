/**
 * Builds realistic findings from the finding types, the fleet and the cities: every field a
 * deterministic function of the seeded PRNG and "now".
 */
import type { Action, Finding, RemoteIpDetails, Resource, Service } from '../../../src/guardduty';
import type { Random } from '../random';
import { USER_AGENTS } from './environment';
import { FINDING_TYPES, type ActionSpec, type FindingType, type Port, type Subject } from './finding-types';
import { remoteIpDetails } from './remote-ip';
import { instanceRolePrincipal, rootPrincipal, type Fleet, type Placement } from './resources';
import { DAY, MINUTE, SECOND, epochSeconds, formatTimestamp } from './time';

export interface FindingFactoryOptions {
  readonly rng: Random;
  readonly now: number;
  readonly detectorId: string;
  readonly fleet: Fleet;
}

/** Makes one finding of the given type. */
export type FindingFactory = (type: FindingType) => Finding;

/** GuardDuty's severity bands: Low, Medium, High, Critical. */
const BANDS: readonly (readonly [number, number])[] = [[1, 3.9], [4, 6.9], [7, 8.9], [9, 10]];

/**
 * Varies a type's usual severity within its band, in a fixed rotation per band whose first two
 * picks are the band's edges: every dataset that covers a band holds both of its boundaries,
 * where off-by-one band mistakes show (3.9/4.0, 6.9/7.0, 8.9/9.0, 1.0 and 10.0).
 */
function severityPicker(rng: Random): (usual: number) => number {
  const seen = BANDS.map(() => 0);
  return (usual) => {
    const band = Math.max(0, BANDS.findIndex(([low, high]) => usual >= low && usual <= high));
    const [low, high] = BANDS[band];
    const turn = seen[band]++ % 10;
    if (turn === 0) return low;
    if (turn === 1) return high;
    return turn % 2 === 0 ? usual : Math.round((low + rng.next() * (high - low)) * 10) / 10;
  };
}

const ephemeralPort = (rng: Random): Port => ({ port: rng.int(1024, 65535), portName: 'Unknown' });

/** Up to `count` distinct items, in a random order. */
function sample<T>(rng: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]);
  return out;
}

interface Target {
  readonly placement: Placement;
  readonly resource: Resource;
  /** What the title names. */
  readonly name: string;
  /** The private address the resource's traffic comes from. */
  readonly localIp: string;
}

function targetFor(rng: Random, type: FindingType, fleet: Fleet): Target {
  const instance = rng.pick(fleet.instances);
  const localIp = instance.details.networkInterfaces?.[0]?.privateIpAddress ?? '10.0.0.10';
  switch (type.resource) {
    case 'Instance':
      return { placement: instance, resource: { resourceType: 'Instance', instanceDetails: instance.details }, name: instance.details.instanceId!, localIp };
    case 'AccessKey': {
      const placed = type.principal === undefined ? rng.pick(fleet.principals) : undefined;
      const accessKeyDetails = placed?.details
        ?? (type.principal === 'root' ? rootPrincipal(rng, instance) : instanceRolePrincipal(rng, instance.details));
      return { placement: placed ?? instance, resource: { resourceType: 'AccessKey', accessKeyDetails }, name: accessKeyDetails.userName!, localIp };
    }
    case 'S3Bucket': {
      const bucket = rng.pick(fleet.buckets);
      const resource = { resourceType: 'S3Bucket', accessKeyDetails: rng.pick(fleet.principals).details, s3BucketDetails: [bucket.details] };
      return { placement: bucket, resource, name: String(bucket.details.name), localIp };
    }
    case 'EKSCluster': {
      const cluster = rng.pick(fleet.clusters);
      const kubernetesDetails = {
        kubernetesUserDetails: { username: rng.pick(['system:anonymous', 'kubernetes-admin', 'system:serviceaccount:default:ci']), uid: rng.uuid(), groups: ['system:authenticated'] },
        kubernetesWorkloadDetails: { name: `worker-${rng.hex(5)}`, namespace: rng.pick(['default', 'kube-system', 'payments']), type: 'pods', uid: rng.uuid() },
      };
      const resource = { resourceType: 'EKSCluster', eksClusterDetails: cluster.details, kubernetesDetails };
      return { placement: cluster, resource, name: String(cluster.details.name), localIp };
    }
    case 'Lambda': {
      const fn = rng.pick(fleet.functions);
      const eniIp = `10.${rng.int(0, 255)}.${rng.int(0, 63)}.${rng.int(1, 254)}`;
      return { placement: fn, resource: { resourceType: 'Lambda', lambdaDetails: fn.details }, name: String(fn.details.functionName), localIp: eniIp };
    }
    case 'RDSDBInstance': {
      const db = rng.pick(fleet.databases);
      const postgres = String(db.details.engine).includes('postgres');
      const rdsDbUserDetails = {
        user: rng.pick(['app_rw', 'reporting', postgres ? 'postgres' : 'admin']),
        application: rng.pick(['DBeaver 24.2.5', postgres ? 'psql' : 'mysql']),
        database: 'app',
        ssl: 'on',
        authMethod: 'PASSWORD',
      };
      const resource = { resourceType: 'RDSDBInstance', rdsDbInstanceDetails: db.details, rdsDbUserDetails };
      return { placement: db, resource, name: String(db.details.dbInstanceIdentifier), localIp };
    }
  }
}

interface BuiltAction {
  readonly action: Action;
  readonly remoteIp?: RemoteIpDetails;
  readonly port?: number;
  readonly domain?: string;
  readonly api?: string;
}

function buildAction(rng: Random, spec: ActionSpec, target: Target): BuiltAction {
  const localIpDetails = { ipAddressV4: target.localIp };
  switch (spec.kind) {
    case 'NETWORK_CONNECTION': {
      const service = rng.pick(spec.ports);
      const ephemeral = ephemeralPort(rng);
      const inbound = spec.direction === 'INBOUND';
      const remoteIp = remoteIpDetails(rng);
      const networkConnectionAction = {
        connectionDirection: spec.direction,
        remoteIpDetails: remoteIp,
        remotePortDetails: inbound ? ephemeral : service,
        localPortDetails: inbound ? service : ephemeral,
        localIpDetails,
        protocol: spec.protocol ?? 'TCP',
        blocked: rng.chance(0.12),
      };
      return { action: { actionType: spec.kind, networkConnectionAction }, remoteIp, port: service.port };
    }
    case 'PORT_PROBE': {
      const portProbeDetails = sample(rng, spec.ports, rng.int(1, 4)).map((port) => ({
        localPortDetails: port,
        localIpDetails,
        remoteIpDetails: remoteIpDetails(rng),
      }));
      const action = { actionType: spec.kind, portProbeAction: { portProbeDetails, blocked: rng.chance(0.1) } };
      return { action, remoteIp: portProbeDetails[0].remoteIpDetails, port: portProbeDetails[0].localPortDetails.port };
    }
    case 'DNS_REQUEST': {
      const domain = rng.pick(spec.domains);
      const dnsRequestAction = { domain, domainWithSuffix: domain.split('.').slice(-2).join('.'), protocol: 'UDP', blocked: rng.chance(0.1) };
      return { action: { actionType: spec.kind, dnsRequestAction }, domain };
    }
    case 'AWS_API_CALL': {
      const [api, serviceName] = rng.pick(spec.calls);
      const remoteIp = remoteIpDetails(rng);
      const awsApiCallAction = {
        api,
        serviceName,
        callerType: 'Remote IP',
        remoteIpDetails: remoteIp,
        userAgent: spec.userAgent ?? rng.pick(USER_AGENTS),
        ...(rng.chance(0.15) ? { errorCode: 'AccessDenied' } : {}),
        affectedResources: {},
      };
      return { action: { actionType: spec.kind, awsApiCallAction }, remoteIp, api };
    }
    case 'KUBERNETES_API_CALL': {
      const [verb, requestUri] = rng.pick(spec.requests);
      const remoteIp = remoteIpDetails(rng);
      const kubernetesApiCallAction = {
        requestUri,
        verb,
        sourceIPs: [remoteIp.ipAddressV4],
        userAgent: 'kubectl/v1.31.2 (linux/amd64) kubernetes/5864a46',
        remoteIpDetails: remoteIp,
        statusCode: rng.pick([200, 201, 403]),
      };
      return { action: { actionType: spec.kind, kubernetesApiCallAction }, remoteIp };
    }
    case 'RDS_LOGIN_ATTEMPT': {
      const remoteIp = remoteIpDetails(rng);
      const { user, application } = target.resource.rdsDbUserDetails as { user: string; application: string };
      const loginAttributes = [{ user, application, failedLoginAttempts: rng.int(0, 40), successfulLoginAttempts: rng.int(1, 3) }];
      return { action: { actionType: spec.kind, rdsLoginAttemptAction: { remoteIpDetails: remoteIp, LoginAttributes: loginAttributes } }, remoteIp };
    }
  }
}

interface Times {
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly eventFirstSeen: number;
  readonly eventLastSeen: number;
}

/** Activity over the last 90 days, most of it recent; the newest a few minutes before `now`. */
function timesFor(rng: Random, now: number, count: number): Times {
  const eventLastSeen = now - 3 * MINUTE - Math.floor(rng.next() ** 2.5 * 90 * DAY);
  const eventFirstSeen = count === 1 ? eventLastSeen : eventLastSeen - rng.int(MINUTE, 20 * DAY);
  const updatedAt = Math.min(eventLastSeen + rng.int(10 * SECOND, 10 * MINUTE), now - MINUTE);
  const createdAt = Math.min(eventFirstSeen + rng.int(10 * SECOND, 10 * MINUTE), updatedAt);
  return { createdAt, updatedAt, eventFirstSeen, eventLastSeen };
}

/** An attack sequence's signals, in the shape of `service.detection` (newer than the spec page). */
function detectionFor(rng: Random, type: FindingType, times: Times) {
  return {
    sequence: {
      uid: rng.uuid(),
      description: `${type.type.split('/')[1]}: a sequence of related signals`,
      signals: ['Discovery', 'DefenseEvasion', 'CredentialAccess'].map((tactic, i) => {
        const at = epochSeconds(times.eventFirstSeen + i * 7 * MINUTE);
        return {
          uid: rng.hex(32),
          type: 'FINDING',
          name: `${tactic}:IAMUser/AnomalousBehavior`,
          createdAt: at,
          updatedAt: at,
          firstSeenAt: at,
          lastSeenAt: at,
          count: rng.int(1, 30),
          severity: 5,
        };
      }),
      sequenceIndicators: [{ key: 'ATTACK_TACTIC', values: ['Discovery', 'Defense Evasion', 'Credential Access'] }],
    },
  };
}

/** Optional fields are assigned, not spread: this runs 10,000 times for the scale detector. */
export function createFindingFactory({ rng, now, detectorId, fleet }: FindingFactoryOptions): FindingFactory {
  const severityFor = severityPicker(rng);
  return (type) => {
    const id = rng.hex(32);
    const target = targetFor(rng, type, fleet);
    const built = buildAction(rng, type.action, target);
    const count = rng.chance(0.45) ? 1 : 2 + Math.floor(rng.next() ** 3 * 2000);
    const times = timesFor(rng, now, count);
    const timestamp = (ms: number) => formatTimestamp(ms, rng.chance(0.6));
    const { account, region } = target.placement;
    const actor = type.action.kind === 'DNS_REQUEST' || (type.action.kind === 'NETWORK_CONNECTION' && type.action.direction === 'OUTBOUND');

    const service: Service = {
      serviceName: 'guardduty',
      detectorId,
      action: built.action,
      resourceRole: actor ? 'ACTOR' : 'TARGET',
      additionalInfo: { value: '{}', type: 'default' },
    };
    if (type.threatList) {
      const threatName = rng.pick(['Known malicious host', 'Scanner', 'Botnet', 'Tor exit node']);
      service.additionalInfo!.value = JSON.stringify({ threatListName: type.threatList, threatName });
      service.evidence = { threatIntelligenceDetails: [{ threatListName: type.threatList, threatNames: [threatName] }] };
    }
    service.eventFirstSeen = timestamp(times.eventFirstSeen);
    service.eventLastSeen = timestamp(times.eventLastSeen);
    service.archived = rng.chance(0.1);
    service.count = count;
    if (rng.chance(0.08)) service.userFeedback = rng.pick(['USEFUL', 'NOT_USEFUL']);
    if (rng.chance(0.3)) service.featureName = type.feature;
    if (type.type.startsWith('AttackSequence:')) service.detection = detectionFor(rng, type, times);

    const finding: Finding = {
      schemaVersion: '2.0',
      accountId: account.id,
      region: region.name,
      partition: 'aws',
      id,
      arn: `arn:aws:guardduty:${region.name}:${account.id}:detector/${detectorId}/finding/${id}`,
      type: type.type,
      resource: target.resource,
      service,
      severity: severityFor(type.severity),
    };
    if (rng.chance(0.75)) finding.confidence = Math.round((5 + rng.next() * 5) * 10) / 10;
    finding.createdAt = timestamp(times.createdAt);
    finding.updatedAt = timestamp(times.updatedAt);
    const subject: Subject = { name: target.name, ip: built.remoteIp?.ipAddressV4 ?? '', port: built.port, domain: built.domain, api: built.api, accountId: account.id };
    finding.title = type.title(subject);
    finding.description = type.description(subject);
    return finding;
  };
}

/** `count` findings: every finding type once first (so even small datasets cover them all), then by weight. */
export function generateFindings(rng: Random, build: FindingFactory, count: number): Finding[] {
  const pickType = rng.weighted(FINDING_TYPES, (t) => t.weight);
  return Array.from({ length: count }, (_, i) => build(i < FINDING_TYPES.length ? FINDING_TYPES[i] : pickType()));
}

/**
 * Builds realistic findings from the finding types, the fleet and the cities: every field a
 * deterministic function of the seeded PRNG and "now".
 */
import type { AccessKeyDetails, Action, Finding, InstanceDetails, RemoteIpDetails, Resource, Service } from '../../../src/guardduty';
import type { Random } from '../random';
import { USER_AGENTS } from './environment';
import { FINDING_TYPES, type ActionSpec, type FindingType, type Port, type Subject } from './finding-types';
import { ebsVolumeScan, s3ObjectScan, snapshotScan, type MalwareFound } from './malware';
import { remoteIpDetails } from './remote-ip';
import { instanceRolePrincipal, rootPrincipal, type Fleet, type Placed, type Placement } from './resources';
import { runtimeDetails } from './runtime';
import { DAY, MINUTE, SECOND, formatTimestamp } from './time';
import { containerFor, ecsTaskIn, kubernetesWorkload, type EcsClusterDetails } from './workloads';

export interface FindingFactoryOptions {
  readonly rng: Random;
  readonly now: number;
  readonly detectorId: string;
  readonly fleet: Fleet;
}

/**
 * What an attack sequence pins down for its member findings: the resources they are about, the
 * remote addresses they come from, and when they happened (epoch ms).
 */
export interface FindingOverrides {
  readonly instance?: Placed<InstanceDetails>;
  readonly principal?: Placed<AccessKeyDetails>;
  readonly bucket?: Placed<Record<string, unknown>>;
  readonly cluster?: Placed<Record<string, unknown>>;
  readonly ecsCluster?: Placed<EcsClusterDetails>;
  readonly remoteIp?: () => RemoteIpDetails;
  readonly times?: Times;
  readonly count?: number;
  readonly archived?: boolean;
}

/** Makes one finding of the given type. */
export type FindingFactory = (type: FindingType, overrides?: FindingOverrides) => Finding;

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
  /** Details that depend on when the finding happened (the ECS task then running), or on the malware found. */
  readonly complete?: (at: number) => MalwareFound | void;
}

function targetFor(rng: Random, type: FindingType, fleet: Fleet, o: FindingOverrides): Target {
  const instance = o.instance ?? rng.pick(fleet.instances);
  const localIp = instance.details.networkInterfaces?.[0]?.privateIpAddress ?? '10.0.0.10';
  /** EBS malware scans of the volumes behind the resource. */
  const scanOf = (placement: Placement) => (at: number) => (type.malware === 'ebs' ? ebsVolumeScan(rng, placement, at) : undefined);
  const malware = scanOf(instance);
  switch (type.resource) {
    case 'Instance':
      return { placement: instance, resource: { resourceType: 'Instance', instanceDetails: instance.details }, name: instance.details.instanceId!, localIp, complete: malware };
    case 'Container': {
      const containerDetails = containerFor(rng, instance, 'docker', type.runtime === 'docker-socket');
      const resource = { resourceType: 'Container', instanceDetails: instance.details, containerDetails };
      return { placement: instance, resource, name: instance.details.instanceId!, localIp, complete: malware };
    }
    case 'AccessKey': {
      const placed = o.principal ?? (type.principal === undefined ? rng.pick(fleet.principals) : undefined);
      const accessKeyDetails = placed?.details
        ?? (type.principal === 'root' ? rootPrincipal(rng, instance) : instanceRolePrincipal(rng, instance.details));
      return { placement: placed ?? instance, resource: { resourceType: 'AccessKey', accessKeyDetails }, name: accessKeyDetails.userName!, localIp };
    }
    case 'S3Bucket': {
      const bucket = o.bucket ?? rng.pick(fleet.buckets);
      const principal = o.principal ?? rng.pick(fleet.principals);
      const resource = { resourceType: 'S3Bucket', accessKeyDetails: principal.details, s3BucketDetails: [bucket.details] };
      return { placement: bucket, resource, name: String(bucket.details.name), localIp };
    }
    case 'S3Object': {
      const bucket = o.bucket ?? rng.pick(fleet.buckets);
      const resource: Resource = { resourceType: 'S3Object' };
      const complete = () => {
        const found = s3ObjectScan(rng, bucket.details);
        Object.assign(resource, found.resource);
        return found;
      };
      return { placement: bucket, resource, name: String(bucket.details.name), localIp, complete };
    }
    case 'EBSSnapshot': {
      const resource: Resource = { resourceType: 'EBSSnapshot' };
      const found = snapshotScan(rng, instance);
      Object.assign(resource, found.resource);
      return { placement: instance, resource, name: found.snapshotArn.slice(found.snapshotArn.lastIndexOf('/') + 1), localIp, complete: () => found };
    }
    case 'EKSCluster': {
      const cluster = o.cluster ?? rng.pick(fleet.clusters);
      const namespace = rng.pick(['default', 'kube-system', 'payments']);
      const kubernetesDetails = {
        kubernetesUserDetails: { username: rng.pick(['system:anonymous', 'kubernetes-admin', 'system:serviceaccount:default:ci']), uid: rng.uuid(), groups: ['system:authenticated'] },
        kubernetesWorkloadDetails: kubernetesWorkload(rng, cluster, namespace, type.type.includes('Privileged')),
      };
      const resource = { resourceType: 'EKSCluster', eksClusterDetails: cluster.details, kubernetesDetails };
      return { placement: cluster, resource, name: String(cluster.details.name), localIp };
    }
    case 'ECSCluster': {
      const cluster = o.ecsCluster ?? rng.pick(fleet.ecsClusters);
      const resource: Resource = { resourceType: 'ECSCluster' };
      const complete = (at: number) => {
        resource.ecsClusterDetails = ecsTaskIn(rng, cluster, at);
        return scanOf(cluster)(at);
      };
      const taskIp = `10.${rng.int(0, 255)}.${rng.int(64, 127)}.${rng.int(1, 254)}`;
      return { placement: cluster, resource, name: cluster.details.name, localIp: taskIp, complete };
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
  readonly action?: Action;
  readonly remoteIp?: RemoteIpDetails;
  readonly port?: number;
  readonly domain?: string;
  readonly api?: string;
}

function buildAction(rng: Random, spec: ActionSpec, target: Target, remote: () => RemoteIpDetails): BuiltAction {
  const localIpDetails = { ipAddressV4: target.localIp };
  switch (spec.kind) {
    case 'NONE':
      return {};
    case 'NETWORK_CONNECTION': {
      const service = rng.pick(spec.ports);
      const ephemeral = ephemeralPort(rng);
      const inbound = spec.direction === 'INBOUND';
      const remoteIp = remote();
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
        remoteIpDetails: remote(),
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
      const remoteIp = remote();
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
      const remoteIp = remote();
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
      const remoteIp = remote();
      const { user, application } = target.resource.rdsDbUserDetails as { user: string; application: string };
      const [failed, succeeded] = spec.outcome === 'success' ? [rng.int(0, 3), rng.int(1, 3)] : spec.outcome === 'failure' ? [rng.int(3, 60), 0] : [rng.int(80, 4000), 1];
      const loginAttributes = [{ user, application, failedLoginAttempts: failed, successfulLoginAttempts: succeeded }];
      if (spec.outcome !== 'success' && rng.chance(0.5)) {
        loginAttributes.push({ user: rng.pick(['admin', 'root', 'sa', 'postgres']), application: rng.pick(['', 'hydra', 'sqlmap/1.8']), failedLoginAttempts: rng.int(5, 300), successfulLoginAttempts: 0 });
      }
      return { action: { actionType: spec.kind, rdsLoginAttemptAction: { remoteIpDetails: remoteIp, LoginAttributes: loginAttributes } }, remoteIp };
    }
  }
}

export interface Times {
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

/** Optional fields are assigned, not spread: this runs 10,000 times for the scale detector. */
export function createFindingFactory({ rng, now, detectorId, fleet }: FindingFactoryOptions): FindingFactory {
  const severityFor = severityPicker(rng);
  return (type, o = {}) => {
    const id = rng.hex(32);
    const target = targetFor(rng, type, fleet, o);
    const built = buildAction(rng, type.action, target, o.remoteIp ?? (() => remoteIpDetails(rng)));
    const count = o.count ?? (rng.chance(0.45) ? 1 : 2 + Math.floor(rng.next() ** 3 * 2000));
    const times = o.times ?? timesFor(rng, now, count);
    const timestamp = (ms: number) => formatTimestamp(ms, rng.chance(0.6));
    const { account, region } = target.placement;
    const actor = type.action.kind === 'DNS_REQUEST' || (type.action.kind === 'NETWORK_CONNECTION' && type.action.direction === 'OUTBOUND') || type.runtime !== undefined;

    const service: Service = { serviceName: 'guardduty', detectorId };
    if (built.action) service.action = built.action;
    service.resourceRole = actor ? 'ACTOR' : 'TARGET';
    service.additionalInfo = { value: '{}', type: 'default' };
    if (type.threatList) {
      const threatName = rng.pick(['Known malicious host', 'Scanner', 'Botnet', 'Tor exit node']);
      service.additionalInfo.value = JSON.stringify({ threatListName: type.threatList, threatName });
      service.evidence = { threatIntelligenceDetails: [{ threatListName: type.threatList, threatNames: [threatName] }] };
    }
    let subjectExtras: Partial<Subject> = {};
    if (type.runtime) {
      const runtime = runtimeDetails(rng, type.runtime, times.eventFirstSeen, built.domain ?? built.remoteIp?.ipAddressV4);
      service.runtimeDetails = runtime.runtimeDetails;
      subjectExtras = { process: runtime.process, executable: runtime.executable };
    }
    const found = target.complete?.(times.eventFirstSeen);
    if (found) {
      Object.assign(service, found.service);
      Object.assign(target.resource, found.resource);
      subjectExtras = { ...subjectExtras, threat: found.threat, file: found.file };
    }
    service.eventFirstSeen = timestamp(times.eventFirstSeen);
    service.eventLastSeen = timestamp(times.eventLastSeen);
    service.archived = o.archived ?? rng.chance(0.1);
    service.count = count;
    if (rng.chance(0.08)) service.userFeedback = rng.pick(['USEFUL', 'NOT_USEFUL']);
    if (type.runtime || type.malware || rng.chance(0.3)) service.featureName = type.feature;

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
    const subject: Subject = { name: target.name, ip: built.remoteIp?.ipAddressV4 ?? '', port: built.port, domain: built.domain, api: built.api, accountId: account.id, ...subjectExtras };
    finding.title = type.title(subject);
    finding.description = type.description(subject);
    return finding;
  };
}

/** `count` findings: every finding type once first (so even small datasets cover them all), then by weight. */
export function generateFindings(rng: Random, build: FindingFactory, count: number, types: readonly FindingType[] = FINDING_TYPES): Finding[] {
  const pickType = rng.weighted(types, (t) => t.weight);
  return Array.from({ length: count }, (_, i) => build(i < types.length ? types[i] : pickType()));
}

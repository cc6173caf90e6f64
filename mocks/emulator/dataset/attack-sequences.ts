/**
 * Extended Threat Detection: `AttackSequence:*` findings, each with its member findings. A sequence
 * is a story over hours to days: 3 to 15 signals in kill-chain order, some of them member findings
 * (real findings of the dataset, whose `associatedAttackSequenceArn` is the sequence's ARN and
 * whose ARN is the signal's `uid`), the others activity GuardDuty saw in its data sources. Actors,
 * endpoints and resources are those of the signals; indicators sum them up.
 */
import type { AccessKeyDetails, Finding, InstanceDetails, RemoteIpDetails } from '../../../src/guardduty';
import type { Random } from '../random';
import { CITIES, type City } from './cities';
import { FINDING_TYPES, type FindingType } from './finding-types';
import type { FindingFactory, FindingOverrides, Times } from './generate';
import { remoteIpDetails } from './remote-ip';
import type { Fleet, Placed, Placement } from './resources';
import { DAY, HOUR, MINUTE, SECOND, epochSeconds, formatTimestamp } from './time';
import type { EcsClusterDetails } from './workloads';

export type SequenceKind = 'IAM/CompromisedCredentials' | 'S3/CompromisedData' | 'EKS/CompromisedCluster' | 'ECS/CompromisedCluster' | 'EC2/CompromisedInstanceGroup';
export const SEQUENCE_KINDS: readonly SequenceKind[] = ['IAM/CompromisedCredentials', 'S3/CompromisedData', 'EKS/CompromisedCluster', 'ECS/CompromisedCluster', 'EC2/CompromisedInstanceGroup'];

type SignalType = 'CLOUD_TRAIL' | 'S3_DATA_EVENTS' | 'EKS_AUDIT_LOGS' | 'FLOW_LOGS' | 'DNS_LOGS' | 'RUNTIME_MONITORING';

/** One step of an attack: a member finding of this type, or activity seen in a data source. */
interface Step {
  readonly tactic: string;
  readonly technique: string;
  readonly finding?: string;
  readonly activity?: readonly [type: SignalType, name: string];
  /** The activity is an API GuardDuty rates high-risk. */
  readonly highRisk?: boolean;
}

const f = (tactic: string, technique: string, finding: string): Step => ({ tactic, technique, finding });
const a = (tactic: string, technique: string, type: SignalType, name: string, highRisk = false): Step => ({ tactic, technique, activity: [type, name], highRisk });

/** Each kind's steps in kill-chain order; a sequence takes 3 to 15 of them, in this order. */
const STEPS: Record<SequenceKind, readonly Step[]> = {
  'IAM/CompromisedCredentials': [
    f('Initial Access', 'T1078.004', 'UnauthorizedAccess:IAMUser/TorIPCaller'),
    f('Initial Access', 'T1078.004', 'UnauthorizedAccess:IAMUser/ConsoleLoginSuccess.B'),
    a('Discovery', 'T1087.004', 'CLOUD_TRAIL', 'iam:ListUsers'),
    a('Discovery', 'T1580', 'CLOUD_TRAIL', 'ec2:DescribeInstances'),
    f('Discovery', 'T1526', 'Recon:IAMUser/MaliciousIPCaller'),
    a('Credential Access', 'T1552', 'CLOUD_TRAIL', 'secretsmanager:GetSecretValue', true),
    f('Credential Access', 'T1552', 'CredentialAccess:IAMUser/AnomalousBehavior'),
    a('Persistence', 'T1098.001', 'CLOUD_TRAIL', 'iam:CreateAccessKey', true),
    f('Persistence', 'T1098', 'Persistence:IAMUser/AnomalousBehavior'),
    a('Privilege Escalation', 'T1098.003', 'CLOUD_TRAIL', 'iam:AttachRolePolicy', true),
    f('Privilege Escalation', 'T1098.003', 'PrivilegeEscalation:IAMUser/AnomalousBehavior'),
    f('Defense Evasion', 'T1562.008', 'Stealth:IAMUser/CloudTrailLoggingDisabled'),
    a('Defense Evasion', 'T1562.008', 'CLOUD_TRAIL', 'cloudtrail:DeleteTrail', true),
    a('Impact', 'T1496', 'CLOUD_TRAIL', 'ec2:RunInstances', true),
    a('Impact', 'T1531', 'CLOUD_TRAIL', 'iam:DeleteLoginProfile', true),
  ],
  'S3/CompromisedData': [
    f('Initial Access', 'T1078.004', 'UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom'),
    a('Discovery', 'T1580', 'CLOUD_TRAIL', 's3:ListBuckets'),
    f('Discovery', 'T1619', 'Discovery:S3/MaliciousIPCaller'),
    f('Discovery', 'T1619', 'Discovery:S3/TorIPCaller'),
    a('Discovery', 'T1619', 'S3_DATA_EVENTS', 's3:ListObjects'),
    a('Defense Evasion', 'T1562.008', 'CLOUD_TRAIL', 's3:PutBucketLogging', true),
    f('Defense Evasion', 'T1562.008', 'Stealth:IAMUser/CloudTrailLoggingDisabled'),
    a('Privilege Escalation', 'T1098', 'CLOUD_TRAIL', 's3:PutBucketPolicy', true),
    a('Collection', 'T1530', 'S3_DATA_EVENTS', 's3:GetObject'),
    f('Exfiltration', 'T1537', 'Exfiltration:S3/AnomalousBehavior'),
    a('Exfiltration', 'T1537', 'S3_DATA_EVENTS', 's3:CopyObject'),
    f('Impact', 'T1485', 'Impact:S3/AnomalousBehavior.Delete'),
    a('Impact', 'T1485', 'S3_DATA_EVENTS', 's3:DeleteObjects', true),
    f('Impact', 'T1486', 'Impact:S3/MaliciousIPCaller'),
    a('Impact', 'T1486', 'S3_DATA_EVENTS', 's3:PutObject'),
  ],
  'EKS/CompromisedCluster': [
    a('Initial Access', 'T1190', 'EKS_AUDIT_LOGS', 'get /api/v1/namespaces (anonymous)'),
    f('Discovery', 'T1613', 'Discovery:Kubernetes/MaliciousIPCaller'),
    a('Discovery', 'T1613', 'EKS_AUDIT_LOGS', 'list pods'),
    f('Execution', 'T1609', 'Execution:Kubernetes/ExecInKubeSystemPod'),
    f('Execution', 'T1204.003', 'Execution:Runtime/NewBinaryExecuted'),
    a('Execution', 'T1059.004', 'RUNTIME_MONITORING', 'Execution:Runtime/ReverseShell'),
    f('Privilege Escalation', 'T1611', 'PrivilegeEscalation:Kubernetes/PrivilegedContainer'),
    a('Credential Access', 'T1552.007', 'EKS_AUDIT_LOGS', 'list secrets', true),
    a('Credential Access', 'T1528', 'EKS_AUDIT_LOGS', 'create serviceaccounts/token', true),
    f('Discovery', 'T1046', 'Execution:Runtime/SuspiciousTool'),
    a('Lateral Movement', 'T1550.001', 'CLOUD_TRAIL', 'sts:AssumeRoleWithWebIdentity', true),
    f('Command and Control', 'T1071.004', 'Backdoor:Runtime/C&CActivity.B!DNS'),
    a('Command and Control', 'T1071.004', 'DNS_LOGS', 'DNS query to a Command & Control domain'),
    a('Impact', 'T1496', 'RUNTIME_MONITORING', 'Impact:Runtime/CryptoMinerExecuted'),
  ],
  'ECS/CompromisedCluster': [
    a('Initial Access', 'T1190', 'FLOW_LOGS', 'Inbound connections from a scanner to port 8080'),
    a('Execution', 'T1059.004', 'RUNTIME_MONITORING', 'Execution:Runtime/SuspiciousCommand'),
    f('Execution', 'T1204.003', 'Execution:ECS/MaliciousFile'),
    a('Persistence', 'T1053.003', 'RUNTIME_MONITORING', 'Persistence:Runtime/CronJobModified'),
    a('Defense Evasion', 'T1070.003', 'RUNTIME_MONITORING', 'DefenseEvasion:Runtime/BashHistoryCleared'),
    a('Credential Access', 'T1552.005', 'RUNTIME_MONITORING', 'Container credentials endpoint queried'),
    a('Discovery', 'T1613', 'CLOUD_TRAIL', 'ecs:ListTasks'),
    a('Discovery', 'T1580', 'CLOUD_TRAIL', 'ecs:DescribeTaskDefinition'),
    a('Command and Control', 'T1071.001', 'FLOW_LOGS', 'Outbound connections to a Command & Control server'),
    f('Impact', 'T1496', 'CryptoCurrency:Runtime/BitcoinTool.B!DNS'),
    a('Impact', 'T1496', 'DNS_LOGS', 'DNS query to a mining pool'),
    f('Impact', 'T1496', 'Impact:Runtime/CryptoMinerExecuted'),
    a('Impact', 'T1496', 'CLOUD_TRAIL', 'ecs:RegisterTaskDefinition', true),
  ],
  'EC2/CompromisedInstanceGroup': [
    f('Discovery', 'T1046', 'Recon:EC2/Portscan'),
    a('Initial Access', 'T1190', 'FLOW_LOGS', 'Inbound connections from a known malicious IP address'),
    f('Execution', 'T1059.004', 'Execution:Runtime/ReverseShell'),
    f('Execution', 'T1204.002', 'Execution:EC2/MaliciousFile'),
    f('Defense Evasion', 'T1620', 'DefenseEvasion:Runtime/FilelessExecution'),
    a('Credential Access', 'T1552.005', 'RUNTIME_MONITORING', 'Instance metadata credentials read'),
    f('Credential Access', 'T1552.005', 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS'),
    a('Discovery', 'T1580', 'CLOUD_TRAIL', 'ec2:DescribeInstances'),
    a('Lateral Movement', 'T1021.004', 'FLOW_LOGS', 'SSH connections to other instances of the group'),
    f('Command and Control', 'T1071.001', 'Backdoor:EC2/C&CActivity.B'),
    a('Command and Control', 'T1071.004', 'DNS_LOGS', 'DNS query to a Command & Control domain'),
    f('Impact', 'T1496', 'CryptoCurrency:EC2/BitcoinTool.B!DNS'),
    a('Impact', 'T1496', 'CLOUD_TRAIL', 'ec2:RunInstances', true),
  ],
};

const SERVICE_OF: Record<SequenceKind, string> = {
  'IAM/CompromisedCredentials': 'IAM', 'S3/CompromisedData': 'S3', 'EKS/CompromisedCluster': 'EKS', 'ECS/CompromisedCluster': 'ECS', 'EC2/CompromisedInstanceGroup': 'EC2',
};

const typeNamed = (name: string): FindingType => {
  const type = FINDING_TYPES.find((t) => t.type === name);
  if (!type) throw new Error(`No finding type ${name}`);
  return type;
};

export interface SequenceContext {
  readonly rng: Random;
  readonly now: number;
  readonly detectorId: string;
  readonly fleet: Fleet;
  readonly build: FindingFactory;
}

type Json = Record<string, unknown>;

/** Picks `count` steps in order, at least one and at most five of them member findings. */
function pickSteps(rng: Random, pool: readonly Step[], count: number): Step[] {
  const chosen = new Set<number>();
  const findings = pool.map((s, i) => (s.finding ? i : -1)).filter((i) => i >= 0);
  chosen.add(rng.pick(findings));
  while (chosen.size < Math.min(count, pool.length)) chosen.add(rng.int(0, pool.length - 1));
  let members = 0;
  return [...chosen].sort((x, y) => x - y).map((i) => pool[i]).filter((s) => !s.finding || ++members <= 5);
}

const seconds = (ms: number) => Math.floor(ms / SECOND) * SECOND;

interface Endpoint extends Json {
  id: string;
}

/** A network endpoint the attacker used, and the remote IP details member findings see for it. */
function endpointFrom(rng: Random, city: City, tor: boolean): { endpoint: Endpoint; details: RemoteIpDetails; tor: boolean } {
  const base = remoteIpDetails(rng, city);
  const details: RemoteIpDetails = { ...base, city: { cityName: city.cityName }, geoLocation: { lat: city.lat, lon: city.lon } };
  const endpoint: Endpoint = {
    id: rng.hex(16),
    ip: base.ipAddressV4,
    location: { city: city.cityName, country: city.countryName, lat: city.lat, lon: city.lon },
    autonomousSystem: { name: city.asnOrg, number: Number(city.asn) },
    connection: { direction: 'INBOUND' },
  };
  return { endpoint, details, tor };
}

function accessKeyResource(p: Placed<AccessKeyDetails>): Json {
  const k = p.details;
  return {
    uid: k.accessKeyId, name: k.userName, accountId: p.account.id, resourceType: 'ACCESS_KEY', region: p.region.name, service: 'IAM', cloudPartition: 'aws',
    data: { accessKey: { principalId: k.principalId, userName: k.userName, userType: k.userType } },
  };
}

function instanceResource(p: Placed<InstanceDetails>): Json {
  const i = p.details;
  const name = i.tags?.find((t) => t.key === 'Name')?.value;
  const ec2Instance: Json = {
    availabilityZone: i.availabilityZone, imageDescription: i.imageDescription, instanceState: i.instanceState, instanceType: i.instanceType,
    IamInstanceProfile: i.iamInstanceProfile, ec2NetworkInterfaceUids: (i.networkInterfaces ?? []).map((n) => n.networkInterfaceId),
  };
  if (i.platform) ec2Instance.platform = i.platform;
  return {
    uid: i.instanceId, name, accountId: p.account.id, resourceType: 'EC2_INSTANCE', region: p.region.name, service: 'EC2', cloudPartition: 'aws',
    tags: i.tags, data: { ec2Instance },
  };
}

function bucketResource(rng: Random, p: Placed<Json>, objectKeys: string[]): Json {
  const b = p.details as { arn: string; name: string; createdAt: number; owner: { id: string }; tags: unknown; defaultServerSideEncryption: Json; publicAccess: { effectivePermission: string } };
  const blocked = b.publicAccess.effectivePermission === 'NOT_PUBLIC';
  const access = { publicAclAccess: blocked ? 'BLOCKED' : 'ALLOWED', publicPolicyAccess: blocked ? 'BLOCKED' : 'ALLOWED', publicAclIgnoreBehavior: blocked ? 'IGNORED' : 'NOT_IGNORED', publicBucketRestrictBehavior: blocked ? 'RESTRICTED' : 'NOT_RESTRICTED' };
  const s3Bucket: Json = {
    ownerId: b.owner.id, createdAt: b.createdAt, encryptionType: b.defaultServerSideEncryption.encryptionType, effectivePermission: b.publicAccess.effectivePermission,
    publicReadAccess: access.publicPolicyAccess, publicWriteAccess: rng.chance(0.9) ? 'BLOCKED' : 'ALLOWED', accountPublicAccess: access, bucketPublicAccess: access,
    s3ObjectUids: objectKeys.map((k) => `${b.arn}/${k}`),
  };
  if (b.defaultServerSideEncryption.kmsMasterKeyArn) s3Bucket.encryptionKeyArn = b.defaultServerSideEncryption.kmsMasterKeyArn;
  return { uid: b.arn, name: b.name, accountId: p.account.id, resourceType: 'S3_BUCKET', region: p.region.name, service: 'S3', cloudPartition: 'aws', tags: b.tags, data: { s3Bucket } };
}

const OBJECT_KEYS = ['exports/customers-2024-q3.csv', 'backups/ledger-2024-11-20.sql.gz', 'invoices/2024/11/INV-88123.pdf', 'datasets/train/part-00017.parquet', 'keys/deploy.pem'];

/** What one sequence is about: whose credentials, which bucket, cluster or instances. */
interface Scene {
  readonly placement: Placement;
  /** What each member finding is about (an instance group spreads them over its instances). */
  readonly overrides: () => FindingOverrides;
  readonly subject: string;
  readonly resources: Json[];
  /** Resource uids of the scene, for signals that are not member findings. */
  readonly resourceUids: string[];
  readonly actors: Json[];
}

function sceneFor(ctx: SequenceContext, kind: SequenceKind): Scene {
  const { rng, fleet } = ctx;
  const sameAccount = <T extends Placement>(items: readonly T[], p: Placement) => {
    const local = items.filter((i) => i.account === p.account && i.region === p.region);
    return rng.pick(local.length > 0 ? local : items);
  };
  const userActor = (p: Placed<AccessKeyDetails>): Json => {
    const k = p.details;
    const actor: Json = {
      id: rng.hex(16),
      user: { name: k.userName, uid: k.principalId, type: k.userType, credentialUid: k.accessKeyId, account: { uid: p.account.id, account: p.account.alias } },
    };
    if (k.userType === 'AssumedRole') {
      actor.session = { uid: `${k.principalId}`, mfaStatus: 'DISABLED', createdTime: epochSeconds(seconds(ctx.now - rng.int(2, 20) * DAY)), issuer: `arn:aws:iam::${p.account.id}:role/${k.userName}` };
    } else if (rng.chance(0.5)) {
      actor.session = { uid: rng.upper(20), mfaStatus: rng.pick(['ENABLED', 'DISABLED']), createdTime: epochSeconds(seconds(ctx.now - rng.int(1, 10) * DAY)) };
    }
    return actor;
  };
  switch (kind) {
    case 'IAM/CompromisedCredentials': {
      const principal = rng.pick(fleet.principals.filter((p) => p.details.userType === 'IAMUser'));
      const instance = sameAccount(fleet.instances, principal);
      return {
        placement: principal, overrides: () => ({ principal, instance }), subject: `${principal.details.userType}/${principal.details.userName}`,
        resources: [accessKeyResource(principal), instanceResource(instance)], resourceUids: [String(principal.details.accessKeyId)], actors: [userActor(principal)],
      };
    }
    case 'S3/CompromisedData': {
      const bucket = rng.pick(fleet.buckets);
      const principal = sameAccount(fleet.principals, bucket);
      const keys = OBJECT_KEYS.filter(() => rng.chance(0.5)).slice(0, 3);
      const bucketUid = String(bucket.details.arn);
      const objects = keys.map((key) => ({
        uid: `${bucketUid}/${key}`, name: key, accountId: bucket.account.id, resourceType: 'S3_OBJECT', region: bucket.region.name, service: 'S3', cloudPartition: 'aws',
        data: { s3Object: { eTag: rng.hex(32), key, versionId: rng.chars(32, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') } },
      }));
      return {
        placement: bucket, overrides: () => ({ bucket, principal }), subject: String(bucket.details.name),
        resources: [bucketResource(rng, bucket, keys), ...objects, accessKeyResource(principal)], resourceUids: [bucketUid, ...objects.map((o) => o.uid)], actors: [userActor(principal)],
      };
    }
    case 'EKS/CompromisedCluster': {
      const cluster = rng.pick(fleet.clusters);
      const nodes = fleet.instances.filter((i) => i.account === cluster.account && i.region === cluster.region).slice(0, 3);
      const c = cluster.details as { arn: string; name: string; createdAt: number; status: string; vpcId: string; tags: unknown };
      const resource = {
        uid: c.arn, name: c.name, accountId: cluster.account.id, resourceType: 'EKS_CLUSTER', region: cluster.region.name, service: 'EKS', cloudPartition: 'aws', tags: c.tags,
        data: { eksCluster: { arn: c.arn, createdAt: c.createdAt, status: c.status, vpcId: c.vpcId, ec2InstanceUids: nodes.map((n) => n.details.instanceId) } },
      };
      const user = { id: rng.hex(16), user: { name: 'system:serviceaccount:default:ci', uid: rng.uuid(), type: 'KUBERNETES_SERVICE_ACCOUNT', account: { uid: cluster.account.id } } };
      return { placement: cluster, overrides: () => ({ cluster }), subject: c.name, resources: [resource, ...nodes.map(instanceResource)], resourceUids: [c.arn], actors: [user] };
    }
    case 'ECS/CompromisedCluster': {
      const ecsCluster: Placed<EcsClusterDetails> = rng.pick(fleet.ecsClusters);
      const c = ecsCluster.details;
      const instances = c.registeredContainerInstancesCount > 0 ? fleet.instances.filter((i) => i.account === ecsCluster.account && i.region === ecsCluster.region).slice(0, 2) : [];
      const resource = {
        uid: c.arn, name: c.name, accountId: ecsCluster.account.id, resourceType: 'ECS_CLUSTER', region: ecsCluster.region.name, service: 'ECS', cloudPartition: 'aws', tags: c.tags,
        data: { ecsCluster: { status: c.status, ec2InstanceUids: instances.map((i) => i.details.instanceId) } },
      };
      return { placement: ecsCluster, overrides: () => ({ ecsCluster }), subject: c.name, resources: [resource, ...instances.map(instanceResource)], resourceUids: [c.arn], actors: [] };
    }
    case 'EC2/CompromisedInstanceGroup': {
      const first = rng.pick(fleet.instances);
      const group = [first, ...fleet.instances.filter((i) => i !== first && i.account === first.account && i.region === first.region).slice(0, rng.int(1, 3))];
      const ids = group.map((i) => String(i.details.instanceId));
      const { account, region } = first;
      const asgName = `${first.details.tags?.find((t) => t.key === 'Name')?.value?.replace(/-\d+$/, '') ?? 'app'}-asg`;
      const shared = (resourceType: string, uid: string, name: string, dataKey: string, extra: Json = {}): Json => ({
        uid, name, accountId: account.id, resourceType, region: region.name, service: resourceType.startsWith('AUTOSCALING') ? 'AutoScaling' : resourceType.startsWith('IAM') ? 'IAM' : 'EC2', cloudPartition: 'aws',
        data: { [dataKey]: { ec2InstanceUids: ids, ...extra } },
      });
      const resources = [
        ...group.map(instanceResource),
        shared('AUTOSCALING_AUTO_SCALING_GROUP', `arn:aws:autoscaling:${region.name}:${account.id}:autoScalingGroup:${rng.uuid()}:autoScalingGroupName/${asgName}`, asgName, 'autoscalingAutoScalingGroup'),
        shared('IAM_INSTANCE_PROFILE', String(first.details.iamInstanceProfile?.arn), String(first.details.iamInstanceProfile?.arn?.split('/').pop()), 'iamInstanceProfile'),
        shared('EC2_VPC', String(first.details.networkInterfaces?.[0]?.vpcId), String(first.details.networkInterfaces?.[0]?.vpcId), 'ec2Vpc'),
        shared('EC2_IMAGE', String(first.details.imageId), String(first.details.imageDescription), 'ec2Image'),
      ];
      return { placement: first, overrides: () => ({ instance: rng.pick(group) }), subject: `${group.length} instances of ${asgName}`, resources, resourceUids: ids, actors: [] };
    }
  }
}

const TITLES: Record<SequenceKind, (subject: string) => string> = {
  'IAM/CompromisedCredentials': (s) => `Potential credential compromise of ${s} indicated by a sequence of actions.`,
  'S3/CompromisedData': (s) => `Potential data compromise of S3 bucket ${s} indicated by a sequence of actions.`,
  'EKS/CompromisedCluster': (s) => `Potential compromise of EKS cluster ${s} indicated by a sequence of actions.`,
  'ECS/CompromisedCluster': (s) => `Potential compromise of ECS cluster ${s} indicated by a sequence of actions.`,
  'EC2/CompromisedInstanceGroup': (s) => `Potential compromise of an EC2 instance group (${s}) indicated by a sequence of actions.`,
};

const INDICATOR_TITLES: Record<string, string> = {
  ATTACK_TACTIC: 'MITRE ATT&CK tactics observed', ATTACK_TECHNIQUE: 'MITRE ATT&CK techniques observed', HIGH_RISK_API: 'Sensitive APIs called',
  MALICIOUS_IP: 'Known malicious IP addresses', TOR_IP: 'Tor exit node IP addresses', SUSPICIOUS_USER_AGENT: 'Suspicious user agents',
  UNUSUAL_ASN_FOR_USER: 'Networks unusual for the user', MALICIOUS_DOMAIN: 'Known malicious domains', CRYPTOMINING_DOMAIN: 'Cryptocurrency mining domains',
  SUSPICIOUS_PROCESS: 'Suspicious processes', MALICIOUS_FILE: 'Malicious files',
};

/** Indicators as GuardDuty groups them: one per key, values in first-seen order. */
function indicators(entries: readonly (readonly [string, string])[]): Json[] {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of entries) {
    if (!value) continue;
    const values = byKey.get(key) ?? [];
    if (!values.includes(value)) values.push(value.slice(0, 256));
    byKey.set(key, values);
  }
  return [...byKey].map(([key, values]) => ({ key, values, title: INDICATOR_TITLES[key] ?? key }));
}

/** The Kali user agent attackers often leave in CloudTrail. */
const ATTACKER_AGENT = '[aws-cli/2.17.20 Python/3.12.4 Linux/6.8.11-amd64 exe/x86_64.kali.2024 prompt/off command/s3.cp]';

export interface SequenceOptions {
  /** The sequence finding's id (default: drawn). */
  readonly id?: string;
}

/**
 * One attack sequence of the given kind and its member findings: `[sequence, ...members]`. The
 * sequence's window ends between minutes and weeks before `now` and spans hours to days.
 */
export function attackSequence(ctx: SequenceContext, kind: SequenceKind, options: SequenceOptions = {}): Finding[] {
  const { rng, now, detectorId, build } = ctx;
  const scene = sceneFor(ctx, kind);
  const { account, region } = scene.placement;
  const id = options.id ?? rng.hex(32);
  const arn = `arn:aws:guardduty:${region.name}:${account.id}:detector/${detectorId}/finding/${id}`;

  // Where the attacker came from: 2 to 4 networks, one of them a Tor exit node now and then.
  const endpoints = Array.from({ length: rng.int(2, 4) }, (_, i) => endpointFrom(rng, rng.pick(CITIES), i === 0 && rng.chance(0.4)));

  const steps = pickSteps(rng, STEPS[kind], rng.int(3, 15));
  const end = seconds(now - rng.int(20 * MINUTE, 21 * DAY));
  const span = rng.int(3 * HOUR, 4 * DAY);
  const start = seconds(end - span);
  const slot = span / steps.length;

  const members: Finding[] = [];
  const signals: Json[] = [];
  /** Domains the member findings queried, as endpoints of their own. */
  const domainEndpoints: Json[] = [];
  const sequenceEntries: [string, string][] = [];
  const processActors = new Map<string, Json>();
  for (const [i, step] of steps.entries()) {
    const firstSeen = i === 0 ? start : seconds(start + i * slot + rng.int(0, Math.floor(slot / 3)));
    const lastSeen = i === steps.length - 1 ? end : seconds(Math.min(end, firstSeen + rng.int(0, Math.floor(slot / 2))));
    const count = firstSeen === lastSeen ? 1 : rng.int(1, 40);
    const endpoint = rng.pick(endpoints);
    const entries: [string, string][] = [['ATTACK_TACTIC', step.tactic], ['ATTACK_TECHNIQUE', step.technique]];
    const signal: Json = {};
    let resourceUids = scene.resourceUids;
    let endpointIds = [endpoint.endpoint.id];
    let actorIds = scene.actors.map((actor) => String(actor.id));

    if (step.finding) {
      // GuardDuty writes a finding shortly after the activity it reports.
      const updatedAt = lastSeen + seconds(rng.int(10 * SECOND, 10 * MINUTE));
      const times: Times = {
        eventFirstSeen: firstSeen, eventLastSeen: lastSeen, createdAt: Math.min(firstSeen + seconds(rng.int(10 * SECOND, 5 * MINUTE)), updatedAt), updatedAt,
      };
      const member = build(typeNamed(step.finding), { ...scene.overrides(), remoteIp: () => endpoint.details, times, count, archived: false });
      member.associatedAttackSequenceArn = arn;
      members.push(member);
      Object.assign(signal, { uid: member.arn, type: 'FINDING', name: member.type, description: member.title, severity: member.severity });
      const r = member.resource ?? {};
      const memberUids = [
        r.accessKeyDetails?.accessKeyId, r.instanceDetails?.instanceId, ...(r.s3BucketDetails ?? []).map((b) => b.arn),
        r.eksClusterDetails?.arn, r.ecsClusterDetails?.arn,
      ].filter((u): u is string => typeof u === 'string');
      resourceUids = memberUids.length > 0 ? memberUids : resourceUids;
      const domain = member.service?.action?.dnsRequestAction?.domain;
      if (domain) {
        const domainEndpoint = { id: rng.hex(16), domain, port: 53, connection: { direction: 'OUTBOUND' } };
        domainEndpoints.push(domainEndpoint);
        endpointIds = [domainEndpoint.id];
        entries.push([/mining|xmr|coinhive/i.test(domain) ? 'CRYPTOMINING_DOMAIN' : 'MALICIOUS_DOMAIN', domain]);
      } else if (!member.service?.action) {
        endpointIds = [];
      }
      const process = member.service?.runtimeDetails as { process?: { name?: string; executablePath?: string; executableSha256?: string } } | undefined;
      if (process?.process?.name && process.process.executablePath) {
        const key = process.process.executablePath;
        if (!processActors.has(key)) processActors.set(key, { id: rng.hex(16), process: { name: process.process.name, path: key, sha256: process.process.executableSha256 } });
        actorIds = [...actorIds, String(processActors.get(key)!.id)];
        entries.push(['SUSPICIOUS_PROCESS', key]);
      }
      const scan = member.service?.ebsVolumeScanDetails as { scanDetections?: { threatDetectedByName?: { threatNames?: { filePaths?: { filePath?: string }[] }[] } } } | undefined;
      const file = scan?.scanDetections?.threatDetectedByName?.threatNames?.[0]?.filePaths?.[0]?.filePath;
      if (file) entries.push(['MALICIOUS_FILE', file]);
      const agent = member.service?.action?.awsApiCallAction?.userAgent;
      if (agent && /kali|parrot|pentoo/i.test(agent)) entries.push(['SUSPICIOUS_USER_AGENT', agent]);
    } else {
      const [type, name] = step.activity!;
      const seen = count === 1 ? 'once' : `${count} times`;
      Object.assign(signal, {
        uid: rng.hex(32), type, name,
        description: `${name} was observed ${seen} from ${endpoint.endpoint.ip}${scene.actors.length > 0 ? ` by ${String((scene.actors[0].user as Json | undefined)?.name ?? 'the actor')}` : ''}.`,
        severity: step.highRisk ? 8 : 5,
      });
      if (step.highRisk) entries.push(['HIGH_RISK_API', name]);
      if (type === 'CLOUD_TRAIL' || type === 'S3_DATA_EVENTS') {
        if (rng.chance(0.3)) entries.push(['SUSPICIOUS_USER_AGENT', ATTACKER_AGENT]);
        if (rng.chance(0.3)) entries.push(['UNUSUAL_ASN_FOR_USER', `AS${(endpoint.endpoint.autonomousSystem as { number: number }).number}`]);
      }
    }
    if (endpointIds.includes(endpoint.endpoint.id)) entries.push([endpoint.tor ? 'TOR_IP' : 'MALICIOUS_IP', String(endpoint.endpoint.ip)]);
    Object.assign(signal, {
      createdAt: epochSeconds(firstSeen), updatedAt: epochSeconds(lastSeen), firstSeenAt: epochSeconds(firstSeen), lastSeenAt: epochSeconds(lastSeen), count,
      resourceUids, actorIds, endpointIds, signalIndicators: indicators(entries),
    });
    signals.push(signal);
    sequenceEntries.push(...entries);
  }

  // Member findings' resources the scene does not name yet (ECS tasks, pods, containers, objects).
  const resources = [...scene.resources];
  const known = new Set(resources.map((r) => String(r.uid)));
  const addResource = (r: Json) => {
    if (known.has(String(r.uid))) return;
    known.add(String(r.uid));
    resources.push(r);
  };
  for (const member of members) {
    const place = { account: { id: String(member.accountId), alias: '' }, region: { name: String(member.region), publicPrefixes: [] } };
    const key = member.resource?.accessKeyDetails;
    if (key?.accessKeyId) addResource(accessKeyResource({ ...place, details: key }));
    const instance = member.resource?.instanceDetails;
    if (instance?.instanceId) addResource(instanceResource({ ...place, details: instance }));
    const task = member.resource?.ecsClusterDetails?.taskDetails as { arn: string; createdAt: number; definitionArn: string; launchType: string; containers: { id: string; name: string; image: string }[] } | undefined;
    const base = { accountId: member.accountId, region: member.region, cloudPartition: 'aws' };
    const containers = [
      ...(task?.containers ?? []),
      ...((member.resource?.kubernetesDetails?.kubernetesWorkloadDetails as { containers?: { id: string; name: string; image: string }[] } | undefined)?.containers ?? []),
      ...(member.resource?.containerDetails ? [member.resource.containerDetails as { id: string; name: string; image: string }] : []),
    ];
    if (task) {
      addResource({ ...base, uid: task.arn, name: task.arn.split('/').pop(), resourceType: 'ECS_TASK', service: 'ECS', data: { ecsTask: { createdAt: task.createdAt, taskDefinitionArn: task.definitionArn, launchType: task.launchType, containerUids: task.containers.map((c) => c.id) } } });
    }
    const workload = member.resource?.kubernetesDetails?.kubernetesWorkloadDetails as { uid: string; name: string; namespace: string; containers?: { id: string }[] } | undefined;
    if (workload) {
      addResource({ ...base, uid: workload.uid, name: workload.name, resourceType: 'KUBERNETES_WORKLOAD', service: 'EKS', data: { kubernetesWorkload: { containerUids: (workload.containers ?? []).map((c) => c.id), namespace: workload.namespace, type: 'PODS' } } });
    }
    for (const c of containers) {
      addResource({ ...base, uid: c.id, name: c.name, resourceType: 'CONTAINER', service: SERVICE_OF[kind], data: { container: { image: c.image, imageUid: `sha256:${rng.hex(64)}` } } });
    }
  }

  const actors = [...scene.actors, ...processActors.values()];
  const tactics = [...new Set(steps.map((s) => s.tactic))];
  const techniques = [...new Set(steps.map((s) => s.technique))];
  const apis = [...new Set(sequenceEntries.filter(([k]) => k === 'HIGH_RISK_API').map(([, v]) => v))];
  const lines = [
    `A sequence of actions involving ${signals.length} signals indicating a possible compromise was observed for ${scene.subject} in account ${account.id} between eventFirstSeen and eventLastSeen with the following behaviors:`,
    `  - ${tactics.length} MITRE ATT&CK tactics observed: ${tactics.join(', ')}`,
    `  - ${techniques.length} MITRE ATT&CK techniques observed: ${techniques.join(', ')}`,
    ...endpoints.filter((e) => e.tor).map((e) => `  - Connected from a known Tor Exit Node: ${String(e.endpoint.ip)}`),
    ...(apis.length > 0 ? [`  - ${apis.length} sensitive APIs called: ${apis.join(', ')}`] : []),
  ];

  const sequence: Json = {
    uid: rng.uuid(),
    description: `${TITLES[kind](scene.subject)} ${tactics.join(' → ')}.`,
    actors,
    resources,
    endpoints: [...endpoints.map((e) => e.endpoint), ...domainEndpoints],
    signals,
    sequenceIndicators: indicators(sequenceEntries),
  };
  if (kind === 'EC2/CompromisedInstanceGroup' && steps.some((s) => s.finding?.includes('InstanceCredentialExfiltration'))) {
    sequence.additionalSequenceTypes = ['AttackSequence:IAM/CompromisedCredentials'];
  }

  const thirdSignal = Number(signals[Math.min(2, signals.length - 1)].lastSeenAt) * SECOND;
  const updatedAt = Math.min(end + seconds(rng.int(MINUTE, 10 * MINUTE)), seconds(now - MINUTE));
  const createdAt = Math.min(thirdSignal + seconds(rng.int(MINUTE, 15 * MINUTE)), updatedAt);
  const finding: Finding = {
    schemaVersion: '2.0',
    accountId: account.id,
    region: region.name,
    partition: 'aws',
    id,
    arn,
    type: `AttackSequence:${kind}`,
    resource: { resourceType: 'AttackSequence' },
    service: {
      serviceName: 'guardduty',
      detectorId,
      resourceRole: 'TARGET',
      additionalInfo: { value: '{}', type: 'default' },
      eventFirstSeen: formatTimestamp(start, true),
      eventLastSeen: formatTimestamp(end, true),
      archived: false,
      count: 1,
      featureName: 'Correlation',
      detection: { sequence },
    },
    severity: rng.pick([9, 9.2, 9.5, 9.8, 10]),
    createdAt: formatTimestamp(createdAt, true),
    updatedAt: formatTimestamp(updatedAt, true),
    title: TITLES[kind](scene.subject),
    description: lines.join('\n'),
  };
  return [finding, ...members];
}

/** `perKind` sequences of every kind, each followed by its member findings. */
export function attackSequences(ctx: SequenceContext, perKind: number): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < perKind; i++) for (const kind of SEQUENCE_KINDS) out.push(...attackSequence(ctx, kind));
  return out;
}

/**
 * The fleet findings are about: EC2 instances, IAM principals, S3 buckets, EKS clusters, Lambda
 * functions and RDS databases spread over the organisation's accounts and regions. Findings
 * share these objects, so one instance recurs across several findings as it would in reality.
 */
import type { AccessKeyDetails, InstanceDetails, NetworkInterface, ProductCode, Tag } from '../../../src/guardduty';
import type { Random } from '../random';
import {
  ACCOUNTS, BUCKET_PURPOSES, CLUSTER_NAMES, DATABASE_NAMES, ECS_CLUSTER_NAMES, ENVIRONMENTS, FUNCTION_NAMES, IAM_USERS, IMAGES,
  INSTANCE_NAMES, INSTANCE_TYPES, REGIONS, ROLES, TEAMS, type Account, type Region,
} from './environment';
import { DAY, epochSeconds, formatTimestamp } from './time';
import { ecsCluster, type EcsClusterDetails } from './workloads';

export interface Placement {
  readonly account: Account;
  readonly region: Region;
}

export interface Placed<T> extends Placement {
  readonly details: T;
}

export interface Fleet {
  readonly instances: readonly Placed<InstanceDetails>[];
  readonly principals: readonly Placed<AccessKeyDetails>[];
  readonly buckets: readonly Placed<Record<string, unknown>>[];
  readonly clusters: readonly Placed<Record<string, unknown>>[];
  readonly functions: readonly Placed<Record<string, unknown>>[];
  readonly databases: readonly Placed<Record<string, unknown>>[];
  readonly ecsClusters: readonly Placed<EcsClusterDetails>[];
}

interface Network {
  readonly vpcId: string;
  readonly cidrSecondOctet: number;
  readonly subnets: readonly string[];
  readonly securityGroups: readonly { groupName: string; groupId: string }[];
}

const awsId = (rng: Random, prefix: string) => `${prefix}-0${rng.hex(16)}`;
const octet = (rng: Random) => rng.int(1, 254);

function tagsFor(rng: Random, name: string): Tag[] {
  const tags: Tag[] = [
    { key: 'Name', value: name },
    { key: 'Environment', value: rng.pick(ENVIRONMENTS) },
    { key: 'Team', value: rng.pick(TEAMS) },
  ];
  if (rng.chance(0.4)) tags.push({ key: 'CostCenter', value: `CC-${rng.int(1000, 9999)}` });
  if (rng.chance(0.2)) tags.push({ key: 'aws:cloudformation:stack-name', value: `${name}-stack` });
  return tags;
}

function privateDnsName(region: string, ip: string): string {
  const host = `ip-${ip.replaceAll('.', '-')}`;
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
}

function publicDnsName(region: string, ip: string): string {
  const host = `ec2-${ip.replaceAll('.', '-')}`;
  return region === 'us-east-1' ? `${host}.compute-1.amazonaws.com` : `${host}.${region}.compute.amazonaws.com`;
}

/**
 * Mostly none; marketplace codes on every fifth instance in the wire shape, and on every twelfth
 * in the spec page's shape (by position, so that every fleet of a dozen or more has both).
 */
function productCodes(rng: Random, index: number): ProductCode[] {
  const code = rng.chars(25, 'abcdefghijklmnopqrstuvwxyz0123456789');
  if (index % 12 === 5) return [{ code, productType: 'marketplace' }];
  if (index % 5 === 2) return [{ productCodeId: code, productCodeType: 'marketplace' }];
  return [];
}

function networkInterface(rng: Random, placement: Placement, net: Network, withPublicIp: boolean): NetworkInterface {
  const privateIp = `10.${net.cidrSecondOctet}.${rng.int(0, 63)}.${octet(rng)}`;
  const region = placement.region.name;
  const prefix = rng.pick(placement.region.publicPrefixes);
  const publicIp = withPublicIp ? `${prefix[0]}.${prefix[1]}.${octet(rng)}.${octet(rng)}` : undefined;
  const groups = rng.chance(0.3) ? net.securityGroups.slice(0, 2) : [rng.pick(net.securityGroups)];
  return {
    networkInterfaceId: awsId(rng, 'eni'),
    ipv6Addresses: rng.chance(0.15) ? [`2600:1f18:${rng.hex(4)}:${rng.hex(4)}::${rng.hex(3)}`] : [],
    privateDnsName: privateDnsName(region, privateIp),
    privateIpAddress: privateIp,
    privateIpAddresses: [{ privateDnsName: privateDnsName(region, privateIp), privateIpAddress: privateIp }],
    subnetId: rng.pick(net.subnets),
    vpcId: net.vpcId,
    securityGroups: groups,
    ...(publicIp ? { publicDnsName: publicDnsName(region, publicIp), publicIp } : {}),
  };
}

function instance(rng: Random, now: number, placement: Placement, net: Network, index: number): InstanceDetails {
  const role = rng.pick(INSTANCE_NAMES);
  const name = `${role}-${String(index).padStart(2, '0')}`;
  const windows = role.startsWith('windows');
  const image = rng.pick(IMAGES.filter((i) => (i.platform === 'windows') === windows));
  const region = placement.region.name;
  const profile = `${role}-profile`;
  const interfaces = [networkInterface(rng, placement, net, rng.chance(0.75))];
  if (rng.chance(0.15)) interfaces.push(networkInterface(rng, placement, net, false));
  return {
    instanceId: awsId(rng, 'i'),
    instanceType: rng.pick(INSTANCE_TYPES),
    launchTime: formatTimestamp(now - rng.int(2, 400) * DAY - rng.int(0, DAY), rng.chance(0.5)),
    platform: image.platform,
    productCodes: productCodes(rng, index),
    iamInstanceProfile: {
      arn: `arn:aws:iam::${placement.account.id}:instance-profile/${profile}`,
      id: `AIPA${rng.upper(17)}`,
    },
    networkInterfaces: interfaces,
    tags: tagsFor(rng, name),
    instanceState: rng.chance(0.9) ? 'running' : 'stopped',
    availabilityZone: `${region}${rng.pick(['a', 'b', 'c'])}`,
    imageId: awsId(rng, 'ami'),
    imageDescription: image.description,
  };
}

function principal(rng: Random): AccessKeyDetails {
  if (rng.chance(0.6)) {
    return { accessKeyId: `AKIA${rng.upper(16)}`, principalId: `AIDA${rng.upper(17)}`, userType: 'IAMUser', userName: rng.pick(IAM_USERS) };
  }
  const session = rng.pick(IAM_USERS);
  return { accessKeyId: `ASIA${rng.upper(16)}`, principalId: `AROA${rng.upper(17)}:${session}`, userType: 'AssumedRole', userName: rng.pick(ROLES) };
}

/** The account's root user, as GuardDuty names it in Policy:IAMUser/RootCredentialUsage. */
export function rootPrincipal(rng: Random, placement: Placement): AccessKeyDetails {
  return { accessKeyId: `ASIA${rng.upper(16)}`, principalId: placement.account.id, userType: 'Root', userName: 'Root' };
}

/** The temporary credentials of an instance's role (the subject of InstanceCredentialExfiltration). */
export function instanceRolePrincipal(rng: Random, instance: InstanceDetails): AccessKeyDetails {
  const role = instance.iamInstanceProfile?.arn?.split('/').pop()?.replace(/-profile$/, '-role') ?? 'ec2-instance-role';
  return { accessKeyId: `ASIA${rng.upper(16)}`, principalId: `AROA${rng.upper(17)}:${instance.instanceId}`, userType: 'AssumedRole', userName: role };
}

const blockPublicAccess = (on: boolean) => ({ blockPublicAcls: on, ignorePublicAcls: on, blockPublicPolicy: on, restrictPublicBuckets: on });

function bucket(rng: Random, now: number, placement: Placement): Record<string, unknown> {
  const site = placement.region.site ? `-${placement.region.site + 1}` : '';
  const name = `${placement.account.alias}-${rng.pick(BUCKET_PURPOSES)}-${placement.region.name}${site}`;
  const blocked = rng.chance(0.7);
  const kms = rng.chance(0.5);
  return {
    arn: `arn:aws:s3:::${name}`,
    name,
    type: 'Destination',
    createdAt: epochSeconds(now - rng.int(30, 1500) * DAY - rng.int(0, DAY)),
    owner: { id: rng.hex(64) },
    tags: tagsFor(rng, name),
    defaultServerSideEncryption: kms
      ? { encryptionType: 'aws:kms', kmsMasterKeyArn: `arn:aws:kms:${placement.region.name}:${placement.account.id}:key/${rng.uuid()}` }
      : { encryptionType: 'AES256' },
    publicAccess: {
      effectivePermission: blocked ? 'NOT_PUBLIC' : rng.pick(['PUBLIC', 'NOT_PUBLIC']),
      permissionConfiguration: {
        accountLevelPermissions: { blockPublicAccess: blockPublicAccess(blocked) },
        bucketLevelPermissions: {
          accessControlList: { allowsPublicReadAccess: !blocked && rng.chance(0.3), allowsPublicWriteAccess: false },
          bucketPolicy: { allowsPublicReadAccess: !blocked && rng.chance(0.5), allowsPublicWriteAccess: false },
          blockPublicAccess: blockPublicAccess(blocked),
        },
      },
    },
  };
}

function cluster(rng: Random, now: number, placement: Placement, net: Network): Record<string, unknown> {
  const name = `${placement.account.alias}-${rng.pick(CLUSTER_NAMES)}`;
  return {
    name,
    arn: `arn:aws:eks:${placement.region.name}:${placement.account.id}:cluster/${name}`,
    createdAt: epochSeconds(now - rng.int(20, 700) * DAY),
    vpcId: net.vpcId,
    status: 'ACTIVE',
    tags: tagsFor(rng, name),
  };
}

function lambdaFunction(rng: Random, now: number, placement: Placement, net: Network): Record<string, unknown> {
  const name = rng.pick(FUNCTION_NAMES);
  const { id: account } = placement.account;
  return {
    functionName: name,
    functionArn: `arn:aws:lambda:${placement.region.name}:${account}:function:${name}`,
    description: `${name.replaceAll('-', ' ')} (managed by ${rng.pick(TEAMS)})`,
    lastModifiedAt: epochSeconds(now - rng.int(1, 200) * DAY),
    revisionId: rng.uuid(),
    functionVersion: '$LATEST',
    role: `arn:aws:iam::${account}:role/${name}-role`,
    vpcConfig: { subnetIds: [net.subnets[0]], vpcId: net.vpcId, securityGroups: [net.securityGroups[0]] },
    tags: [{ key: 'Team', value: rng.pick(TEAMS) }],
  };
}

function database(rng: Random, placement: Placement): Record<string, unknown> {
  const cluster = `${placement.account.alias}-${rng.pick(DATABASE_NAMES)}`;
  const postgres = rng.chance(0.6);
  const instanceId = `${cluster}-instance-${rng.int(1, 3)}`;
  return {
    dbInstanceIdentifier: instanceId,
    dbClusterIdentifier: cluster,
    engine: postgres ? 'aurora-postgresql' : 'aurora-mysql',
    engineVersion: postgres ? rng.pick(['15.4', '16.2']) : '8.0.mysql_aurora.3.05.2',
    dbInstanceArn: `arn:aws:rds:${placement.region.name}:${placement.account.id}:db:${instanceId}`,
    tags: [{ key: 'Team', value: rng.pick(TEAMS) }],
  };
}

/**
 * A fleet of about `size` instances and proportionally fewer of everything else. Placements are
 * drawn from the accounts and regions, so every account and region appears in a large enough fleet.
 * With a `home` region (a regional detector: GuardDuty findings stay in their region) every
 * placement is in that region, as one site per former region (same draws from the PRNG, so a
 * detector's findings keep their ids, types, severities and times whatever its home).
 */
export function createFleet(rng: Random, now: number, size: number, home?: Region): Fleet {
  const placements: Placement[] = [];
  const regions: readonly Region[] = home ? REGIONS.map((_, site) => ({ name: home.name, publicPrefixes: home.publicPrefixes, site })) : REGIONS;
  for (const account of ACCOUNTS) for (const region of regions) placements.push({ account, region });
  const networks = new Map<Placement, Network>(
    placements.map((p) => [
      p,
      {
        vpcId: awsId(rng, 'vpc'),
        cidrSecondOctet: rng.int(0, 255),
        subnets: [awsId(rng, 'subnet'), awsId(rng, 'subnet'), awsId(rng, 'subnet')],
        securityGroups: [
          { groupName: 'default', groupId: awsId(rng, 'sg') },
          { groupName: rng.pick(['web-sg', 'launch-wizard-1', 'bastion-ssh', 'k8s-nodes']), groupId: awsId(rng, 'sg') },
        ],
      },
    ]),
  );
  // Cycle through placements first so that small fleets still cover every account and region.
  const place = (i: number) => (i < placements.length ? placements[i] : rng.pick(placements));
  const make = <T>(count: number, build: (p: Placement, i: number) => T): Placed<T>[] =>
    Array.from({ length: count }, (_, i) => {
      const p = place(i);
      return { ...p, details: build(p, i) };
    });
  const minor = Math.max(4, Math.round(size / 8));
  return {
    instances: make(size, (p, i) => instance(rng, now, p, networks.get(p)!, i + 1)),
    principals: make(Math.max(6, Math.round(size / 3)), () => principal(rng)),
    buckets: make(minor, (p) => bucket(rng, now, p)),
    clusters: make(minor, (p) => cluster(rng, now, p, networks.get(p)!)),
    functions: make(minor, (p) => lambdaFunction(rng, now, p, networks.get(p)!)),
    databases: make(minor, (p) => database(rng, p)),
    ecsClusters: make(minor, (p) => ecsCluster(rng, p, `${p.account.alias}-${rng.pick(ECS_CLUSTER_NAMES)}`, rng.pick(TEAMS))),
  };
}

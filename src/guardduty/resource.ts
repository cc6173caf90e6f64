/**
 * Which resource a finding is about, named as the GuardDuty console names it: the bucket for S3
 * findings (never the IAM user who touched it), the function, cluster, task, container, DB
 * instance, volume or snapshot, the instance, or the access key's user. One function, used by the
 * table, the CSV export, the map popups and the detail title, so they cannot disagree.
 */
import { attackSequenceOf, resourceTypeOf, type Finding } from './finding';

export interface ResourceRef {
  /** GuardDuty's resource type (`resource.resourceType`): Instance, S3Bucket, EKSCluster, … */
  type?: string;
  /** The resource's own name or id; undefined when the finding names none. */
  name?: string;
  /** How many more of the same kind the finding names (a finding about three buckets: 2). */
  more: number;
  /** A second fact that tells resources apart: the access key id, a cluster's workload, an ECS task, a DB user, an image. */
  detail?: string;
  /** One line for a cell or a CSV field: `name (+2)`, else the type, else "". */
  text: string;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj).filter((o): o is Obj => o !== undefined) : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined);
/** The last part of an ARN (`…:volume/vol-1` → `vol-1`), or the value itself. */
const lastPart = (v: unknown): string | undefined => text(v)?.split(/[/:]/).filter(Boolean).pop();
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Names from the most specific place a resource kind keeps them, first found wins. */
function named(r: Obj, type: string | undefined): { names: string[]; detail?: string } {
  const at = (key: string) => obj(r[key]);
  const key = at('accessKeyDetails');
  switch (type) {
    case 'S3Bucket':
    case 'S3Object':
      return { names: list(r.s3BucketDetails).map((b) => text(b.name) ?? lastPart(b.arn)).filter((n): n is string => !!n) };
    case 'AccessKey':
      return { names: [text(key?.userName) ?? text(key?.accessKeyId)].filter((n): n is string => !!n), detail: text(key?.userName) ? text(key?.accessKeyId) : undefined };
    case 'Lambda':
      return { names: [text(at('lambdaDetails')?.functionName) ?? lastPart(at('lambdaDetails')?.functionArn)].filter((n): n is string => !!n) };
    case 'EKSCluster':
    case 'KubernetesCluster': {
      const workload = obj(at('kubernetesDetails')?.kubernetesWorkloadDetails);
      const cluster = text(at('eksClusterDetails')?.name);
      return { names: [cluster ?? text(workload?.name)].filter((n): n is string => !!n), detail: cluster ? text(workload?.name) : undefined };
    }
    case 'ECSCluster': {
      const cluster = at('ecsClusterDetails');
      // The task definition as family:revision (`…:task-definition/web:87`), not the bare revision.
      const definition = text(obj(cluster?.taskDetails)?.definitionArn)?.split('/').pop();
      return { names: [text(cluster?.name) ?? lastPart(cluster?.arn)].filter((n): n is string => !!n), detail: definition };
    }
    case 'Container': {
      const c = at('containerDetails');
      return { names: [text(c?.name) ?? text(c?.id)].filter((n): n is string => !!n), detail: text(c?.image) };
    }
    case 'RDSDBInstance':
    case 'RDSLimitlessDB': {
      const db = at('rdsDbInstanceDetails') ?? at('rdsLimitlessDbDetails');
      const name = text(db?.dbInstanceIdentifier) ?? text(db?.dbShardGroupIdentifier) ?? text(db?.dbClusterIdentifier);
      return { names: [name].filter((n): n is string => !!n), detail: text(at('rdsDbUserDetails')?.user) };
    }
    case 'EBSVolume': {
      const volumes = list(obj(at('ebsVolumeDetails'))?.scannedVolumeDetails).map((v) => lastPart(v.volumeArn)).filter((n): n is string => !!n);
      return { names: volumes.length > 0 ? volumes : [text(at('instanceDetails')?.instanceId)].filter((n): n is string => !!n) };
    }
    case 'EBSSnapshot':
      return { names: [lastPart(at('ebsSnapshotDetails')?.snapshotArn)].filter((n): n is string => !!n) };
  }
  // Instances, and kinds this version does not know: the most telling id the finding has.
  const fallback =
    text(at('instanceDetails')?.instanceId) ??
    text(at('eksClusterDetails')?.name) ??
    text(at('ecsClusterDetails')?.name) ??
    text(at('lambdaDetails')?.functionName) ??
    text(at('rdsDbInstanceDetails')?.dbInstanceIdentifier) ??
    text(at('containerDetails')?.name) ??
    list(r.s3BucketDetails).map((b) => text(b.name)).find(Boolean) ??
    text(key?.userName) ??
    text(key?.accessKeyId);
  return { names: fallback ? [fallback] : [] };
}

/** What an attack sequence touches: its one resource by name, else counts ("3 resources · 2 actors"). */
function sequenceRef(finding: Finding): ResourceRef | undefined {
  const seq = attackSequenceOf(finding);
  if (!seq) return undefined;
  const resources = list(seq.resources);
  const actors = list(seq.actors);
  const signals = list(seq.signals);
  const name = resources.length === 1 ? (text(resources[0].name) ?? text(resources[0].uid)) : undefined;
  const parts = [
    ...(name ? [name] : resources.length > 0 ? [plural(resources.length, 'resource')] : []),
    ...(actors.length > 0 ? [plural(actors.length, 'actor')] : []),
  ];
  if (parts.length === 0 && signals.length > 0) parts.push(plural(signals.length, 'signal'));
  return { type: resourceTypeOf(finding), name, more: 0, detail: parts.slice(name ? 1 : 0).join(' · ') || undefined, text: parts.join(' · ') || 'Attack sequence' };
}

export function resourceOf(finding: Finding): ResourceRef {
  const type = resourceTypeOf(finding);
  const sequence = sequenceRef(finding);
  if (sequence) return sequence;
  const { names, detail } = named(obj(finding.resource) ?? {}, type);
  const name = names[0];
  const more = Math.max(0, names.length - 1);
  return { type, name, more, detail, text: name ? `${name}${more > 0 ? ` (+${more})` : ''}` : (type ?? '') };
}

/**
 * Containers and the ECS tasks and Kubernetes workloads that run them, as GuardDuty describes
 * them in `resource.containerDetails`, `resource.ecsClusterDetails.taskDetails` and
 * `resource.kubernetesDetails.kubernetesWorkloadDetails`. Made per finding: each finding sees
 * the task or pod that was running at the time.
 */
import type { Random } from '../random';
import { CONTAINER_SERVICES } from './environment';
import type { Placed, Placement } from './resources';
import { MINUTE, DAY, epochSeconds } from './time';

/** (Type aliases, not interfaces: the contract keeps these as `Record<string, unknown>`.) */
export type ContainerDetails = {
  containerRuntime: string;
  id: string;
  name: string;
  image: string;
  imagePrefix?: string;
  volumeMounts?: { name: string; mountPath: string }[];
  securityContext?: { privileged: boolean; allowPrivilegeEscalation: boolean };
};

/** A container of one of the organisation's services; `privileged` for the risky ones. */
export function containerFor(rng: Random, placement: Placement, runtime: 'docker' | 'containerd', privileged = rng.chance(0.15)): ContainerDetails {
  const service = rng.pick(CONTAINER_SERVICES);
  const registry = `${placement.account.id}.dkr.ecr.${placement.region.name}.amazonaws.com`;
  const container: ContainerDetails = {
    containerRuntime: runtime,
    id: rng.hex(64),
    name: service.name,
    image: `${registry}/${service.repository}:${rng.pick(service.tags)}`,
    imagePrefix: registry,
  };
  if (rng.chance(0.5) || privileged) container.volumeMounts = [{ name: 'data', mountPath: '/var/lib/app' }];
  if (privileged) container.volumeMounts!.push({ name: 'docker-sock', mountPath: '/var/run/docker.sock' });
  container.securityContext = { privileged, allowPrivilegeEscalation: privileged };
  return container;
}

export type EcsClusterDetails = {
  name: string;
  arn: string;
  status: string;
  activeServicesCount: number;
  registeredContainerInstancesCount: number;
  runningTasksCount: number;
  tags: { key: string; value: string }[];
};

export function ecsCluster(rng: Random, placement: Placement, name: string, team: string): EcsClusterDetails {
  const fargate = name.includes('fargate') || rng.chance(0.5);
  return {
    name,
    arn: `arn:aws:ecs:${placement.region.name}:${placement.account.id}:cluster/${name}`,
    status: 'ACTIVE',
    activeServicesCount: rng.int(2, 14),
    registeredContainerInstancesCount: fargate ? 0 : rng.int(2, 12),
    runningTasksCount: rng.int(3, 60),
    tags: [{ key: 'Team', value: team }, { key: 'LaunchType', value: fargate ? 'FARGATE' : 'EC2' }],
  };
}

/** The ECS task running at `at` (epoch ms), with its containers; its cluster details carry it as `taskDetails`. */
export function ecsTaskIn(rng: Random, cluster: Placed<EcsClusterDetails>, at: number) {
  const containers = [containerFor(rng, cluster, 'containerd', rng.chance(0.1))];
  if (rng.chance(0.4)) containers.push(containerFor(rng, cluster, 'containerd', false));
  const family = containers[0].name;
  const revision = rng.int(3, 90);
  const { region, account } = cluster;
  const fargate = cluster.details.registeredContainerInstancesCount === 0;
  const createdAt = at - rng.int(10 * MINUTE, 12 * DAY);
  return {
    ...cluster.details,
    taskDetails: {
      arn: `arn:aws:ecs:${region.name}:${account.id}:task/${cluster.details.name}/${rng.hex(32)}`,
      definitionArn: `arn:aws:ecs:${region.name}:${account.id}:task-definition/${family}:${revision}`,
      version: String(rng.int(2, 400)),
      createdAt: epochSeconds(createdAt),
      startedAt: epochSeconds(createdAt + rng.int(5_000, 90_000)),
      startedBy: `ecs-svc/${rng.int(1e12, 9e12)}`,
      tags: [{ key: 'Service', value: family }],
      volumes: [{ name: 'data', hostPath: { path: fargate ? '/' : '/var/lib/app' } }],
      containers,
      group: `service:${family}`,
      launchType: fargate ? 'FARGATE' : 'EC2',
    },
  };
}

/** A pod of a Kubernetes workload with its containers. */
export function kubernetesWorkload(rng: Random, placement: Placement, namespace: string, privileged = false) {
  const containers = [containerFor(rng, placement, 'containerd', privileged)];
  return {
    name: `${containers[0].name}-${rng.hex(10)}-${rng.chars(5, 'bcdfghjklmnpqrstvwxz2456789')}`,
    namespace,
    type: 'pods',
    uid: rng.uuid(),
    serviceAccountName: namespace === 'kube-system' ? 'aws-node' : 'default',
    hostNetwork: privileged,
    hostPID: false,
    hostIPC: false,
    containers,
  };
}

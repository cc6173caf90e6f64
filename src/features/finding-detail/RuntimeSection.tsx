/**
 * Runtime Monitoring (`service.runtimeDetails`): the process, its parents as a tree (from
 * `lineage`), and the context GuardDuty recorded. Paths and command lines are attacker-chosen:
 * shown as text, wrapped, never interpreted.
 */
import { CopyButton } from '../../components/CopyButton';
import { KeyValue, KeyValueList } from '../../components/KeyValueList';
import { Field, Value } from './Field';
import { GenericFields, GenericValue } from './Generic';
import { humanize } from './format';
import { Section, SubSection } from './Section';
import './sequence.css';
import { isObject, str, type Obj } from './json';


const PROCESS_FIELDS: [key: string, label: string, opts?: { mono?: boolean; copy?: boolean }][] = [
  ['name', 'Name', { mono: true }],
  ['executablePath', 'Executable', { mono: true, copy: true }],
  ['executableSha256', 'Executable SHA-256', { mono: true, copy: true }],
  ['user', 'User'],
  ['userId', 'User ID (UID)'],
  ['euid', 'Effective UID'],
  ['pid', 'PID'],
  ['namespacePid', 'Namespace PID'],
  ['pwd', 'Working directory', { mono: true }],
  ['startTime', 'Started'],
  ['uuid', 'UUID', { mono: true }],
  ['parentUuid', 'Parent UUID', { mono: true }],
];

/** Every field of a process (ProcessDetails or a lineage entry), known ones first. */
function ProcessFields({ process, skip = [] }: { process: Obj; skip?: string[] }) {
  return (
    <>
      {PROCESS_FIELDS.filter(([k]) => !skip.includes(k)).map(([key, label, opts]) => (
        <Field key={key} label={label} value={process[key]} name={key} mono={opts?.mono} copy={opts?.copy} />
      ))}
      <GenericFields value={process} skip={[...PROCESS_FIELDS.map(([k]) => k), 'lineage', ...skip]} />
    </>
  );
}

interface Node {
  process: Obj;
  self: boolean;
}

/**
 * The process and its ancestors, root first. Lineage entries are linked by uuid/parentUuid when
 * they carry them; otherwise GuardDuty's order (parent first) is kept. Older shapes name the
 * ancestor `ancestorName` / `ancestorPid`.
 */
export function processChain(process: Obj): Node[] {
  const lineage = (Array.isArray(process.lineage) ? process.lineage : []).filter(isObject);
  const chain: Node[] = [{ process, self: true }];
  const used = new Set<Obj>();
  let parent = str(process.parentUuid);
  while (parent) {
    const next = lineage.find((l) => !used.has(l) && l.uuid === parent);
    if (!next) break;
    used.add(next);
    chain.push({ process: next, self: false });
    parent = str(next.parentUuid);
  }
  for (const l of lineage) if (!used.has(l)) chain.push({ process: l, self: false });
  return chain.reverse();
}

const nameOf = (p: Obj) => str(p.name) ?? str(p.ancestorName);
const pidOf = (p: Obj) => p.pid ?? p.ancestorPid;

function TreeNode({ nodes, index }: { nodes: Node[]; index: number }) {
  const { process, self } = nodes[index];
  const name = nameOf(process);
  const pid = pidOf(process);
  const child = index + 1 < nodes.length ? nodes[index + 1] : undefined;
  return (
    <li className={`proc-node${self ? ' proc-node-self' : ''}`}>
      <div className="proc-node-line">
        <span className="proc-node-name">{name ?? <span className="muted">unnamed process</span>}</span>
        {self && <span className="seq-tag">this process</span>}
        <span className="proc-node-facts">
          {pid !== undefined && (
            <span>
              PID <Value value={pid} />
            </span>
          )}
          {process.user !== undefined && (
            <span>
              user <Value value={process.user} />
            </span>
          )}
          {process.userId !== undefined && (
            <span>
              UID <Value value={process.userId} />
            </span>
          )}
        </span>
      </div>
      {process.executablePath !== undefined && (
        <div className="proc-node-path">
          <Value value={process.executablePath} />
        </div>
      )}
      {!self && (
        <details>
          <summary>Details of {name ?? 'this process'}</summary>
          <KeyValueList>
            <ProcessFields process={process} />
          </KeyValueList>
        </details>
      )}
      {child && (
        <ol aria-label={`Started by ${name ?? 'this process'}`}>
          <TreeNode nodes={nodes} index={index + 1} />
        </ol>
      )}
    </li>
  );
}

/** The process tree, root ancestor first down to the process itself. */
export function ProcessTree({ process }: { process: Obj }) {
  const nodes = processChain(process);
  return (
    <ol className="proc-tree" aria-label="Process tree, oldest ancestor first">
      <TreeNode nodes={nodes} index={0} />
    </ol>
  );
}

function ProcessBlock({ process }: { process: Obj }) {
  const lineage = process.lineage;
  return (
    <>
      <KeyValueList>
        <ProcessFields process={process} />
      </KeyValueList>
      {Array.isArray(lineage) && lineage.length > 0 && (
        <SubSection title={`Process tree (${lineage.length} ${lineage.length === 1 ? 'parent' : 'ancestors'})`}>
          <ProcessTree process={process} />
        </SubSection>
      )}
      {lineage !== undefined && !(Array.isArray(lineage) && lineage.length > 0) && (
        <KeyValueList>
          <KeyValue label="Lineage">
            <GenericValue value={lineage} name="lineage" />
          </KeyValue>
        </KeyValueList>
      )}
    </>
  );
}

/** A command line: verbatim, wrapped, scrollable when long, with a copy button. */
export function CommandLine({ value, label = 'command line' }: { value: string; label?: string }) {
  return (
    <div className="command-line-row">
      <code className="command-line">{value}</code>
      <CopyButton value={value} label={label} />
    </div>
  );
}

const CONTEXT_PATHS = new Set([
  'scriptPath', 'libraryPath', 'ldPreloadValue', 'socketPath', 'runcBinaryPath', 'releaseAgentPath', 'mountSource', 'mountTarget',
  'moduleFilePath', 'shellHistoryFilePath', 'threatFilePath',
]);
const CONTEXT_LABELS: Record<string, string> = {
  ldPreloadValue: 'LD_PRELOAD value',
  runcBinaryPath: 'runc binary path',
  ianaProtocolNumber: 'IANA protocol number',
  moduleSha256: 'Module SHA-256',
  modifiedAt: 'Modified',
};

function ContextBlock({ context }: { context: Obj }) {
  const command = context.commandLineExample;
  const processes = (['modifyingProcess', 'targetProcess'] as const).filter((k) => isObject(context[k]));
  return (
    <>
      {command !== undefined && (
        <div className="detail-sub">
          <h3>Command line (example)</h3>
          {typeof command === 'string' ? <CommandLine value={command} /> : <GenericValue value={command} name="commandLineExample" />}
        </div>
      )}
      <KeyValueList>
        {Object.entries(context)
          .filter(([k, v]) => v !== undefined && k !== 'commandLineExample' && !processes.includes(k as 'modifyingProcess'))
          .map(([k, v]) =>
            v !== null && typeof v === 'object' ? (
              <KeyValue key={k} label={CONTEXT_LABELS[k] ?? humanize(k)}>
                <GenericValue value={v} name={k} />
              </KeyValue>
            ) : (
              <Field key={k} label={CONTEXT_LABELS[k] ?? humanize(k)} value={v} name={k} mono={CONTEXT_PATHS.has(k)} copy={k === 'moduleSha256' ? true : undefined} />
            ),
          )}
      </KeyValueList>
      {processes.map((k) => (
        <SubSection key={k} title={k === 'modifyingProcess' ? 'Modifying process' : 'Target process'}>
          <ProcessBlock process={context[k] as Obj} />
        </SubSection>
      ))}
    </>
  );
}

/** The Runtime Monitoring card; nothing when the finding has no runtime details. */
export function RuntimeSection({ runtime }: { runtime: unknown }) {
  if (runtime === undefined) return null;
  if (!isObject(runtime)) {
    return (
      <Section title="Runtime activity">
        <GenericValue value={runtime} name="runtimeDetails" />
      </Section>
    );
  }
  const process = isObject(runtime.process) ? runtime.process : undefined;
  const context = isObject(runtime.context) ? runtime.context : undefined;
  const empty = !process && !context && Object.keys(runtime).length === 0;
  return (
    <Section title="Runtime activity" className="runtime-section">
      {empty && <p className="muted">GuardDuty sent no process or context for this runtime finding.</p>}
      {process && (
        <SubSection title={`Process ${nameOf(process) ?? ''}`.trim()}>
          <ProcessBlock process={process} />
        </SubSection>
      )}
      {context && (
        <SubSection title="Context">
          <ContextBlock context={context} />
        </SubSection>
      )}
      <KeyValueList>
        <GenericFields value={runtime} skip={[...(process ? ['process'] : []), ...(context ? ['context'] : [])]} />
      </KeyValueList>
    </Section>
  );
}

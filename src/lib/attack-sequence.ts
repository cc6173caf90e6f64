/**
 * Pure helpers for GuardDuty's attack sequences (Extended Threat Detection), shared by the table,
 * the detail view and the map: the finding id an ARN names, and the MITRE ATT&CK tactics in
 * kill-chain order. (What a sequence touches is the contract's resourceOf.)
 */
import { type AttackSequence, type SequenceIndicator, type SequenceSignal } from '../guardduty';
import { parseTimestamp } from '../guardduty/values';

const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v.filter((x) => x !== null && x !== undefined) : []);

/** The finding id at the end of a GuardDuty finding ARN (`…:detector/{d}/finding/{id}`). */
export function findingIdFromArn(arn: unknown): string | undefined {
  if (typeof arn !== 'string') return undefined;
  const m = /^arn:[^:]+:guardduty:[^:]*:[^:]*:detector\/[^/]+\/finding\/([A-Za-z0-9_-]+)$/.exec(arn.trim());
  return m?.[1];
}

/** The detector id in a GuardDuty finding ARN. */
export function detectorIdFromArn(arn: unknown): string | undefined {
  if (typeof arn !== 'string') return undefined;
  return /^arn:[^:]+:guardduty:[^:]*:[^:]*:detector\/([A-Za-z0-9_-]+)\/finding\//.exec(arn.trim())?.[1];
}

// --- MITRE ATT&CK -------------------------------------------------------------------------------

export interface Tactic {
  id: string;
  name: string;
}

/** The enterprise tactics in kill-chain order. */
export const TACTICS: readonly Tactic[] = [
  { id: 'TA0043', name: 'Reconnaissance' },
  { id: 'TA0042', name: 'Resource Development' },
  { id: 'TA0001', name: 'Initial Access' },
  { id: 'TA0002', name: 'Execution' },
  { id: 'TA0003', name: 'Persistence' },
  { id: 'TA0004', name: 'Privilege Escalation' },
  { id: 'TA0005', name: 'Defense Evasion' },
  { id: 'TA0006', name: 'Credential Access' },
  { id: 'TA0007', name: 'Discovery' },
  { id: 'TA0008', name: 'Lateral Movement' },
  { id: 'TA0009', name: 'Collection' },
  { id: 'TA0011', name: 'Command and Control' },
  { id: 'TA0010', name: 'Exfiltration' },
  { id: 'TA0040', name: 'Impact' },
];

const squash = (s: string) => s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]/g, '');
const BY_KEY = new Map<string, Tactic>();
for (const t of TACTICS) {
  BY_KEY.set(squash(t.name), t);
  BY_KEY.set(squash(t.id), t);
}
// Spellings seen besides the canonical names (GuardDuty writes "DefenseEvasion", "Defense Evasion", …).
for (const [alias, name] of [
  ['defenceevasion', 'Defense Evasion'],
  ['commandcontrol', 'Command and Control'],
  ['c2', 'Command and Control'],
  ['recon', 'Reconnaissance'],
] as const) {
  BY_KEY.set(alias, TACTICS.find((t) => t.name === name)!);
}

/** The tactic a value names ("DefenseEvasion", "defense-evasion", "TA0005 - Defense Evasion"), if any. */
export function tacticOf(value: unknown): Tactic | undefined {
  if (typeof value !== 'string') return undefined;
  const direct = BY_KEY.get(squash(value));
  if (direct) return direct;
  const id = /\bTA\d{4}\b/i.exec(value)?.[0];
  return id ? BY_KEY.get(squash(id)) : undefined;
}

/** The ATT&CK technique ids in a value ("T1078.004 - Valid Accounts: Cloud Accounts" → T1078.004). */
export function techniqueIds(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return [...value.matchAll(/\bT\d{4}(?:\.\d{3})?\b/g)].map((m) => m[0]);
}

const valuesOf = (indicators: SequenceIndicator[] | undefined, key: string): string[] =>
  list(indicators)
    .filter((i) => i.key === key)
    .flatMap((i) => list(i.values))
    .filter((v): v is string => typeof v === 'string');

/** A signal's time for ordering: first seen, else last seen, created or updated (epoch ms). */
export function signalTime(signal: SequenceSignal): number | undefined {
  return parseTimestamp(signal.firstSeenAt) ?? parseTimestamp(signal.lastSeenAt) ?? parseTimestamp(signal.createdAt) ?? parseTimestamp(signal.updatedAt);
}

/** Signals in time order (first seen, then last seen); signals without a time keep their order, last. */
export function signalsInTimeOrder(sequence: AttackSequence | undefined): SequenceSignal[] {
  const signals = list(sequence?.signals);
  return signals
    .map((s, i) => ({ s, i, t: signalTime(s), l: parseTimestamp(s.lastSeenAt) }))
    .sort((a, b) => {
      if (a.t === undefined || b.t === undefined) return a.t === undefined && b.t === undefined ? a.i - b.i : a.t === undefined ? 1 : -1;
      return a.t - b.t || (a.l ?? a.t) - (b.l ?? b.t) || a.i - b.i;
    })
    .map((x) => x.s);
}

/** The tactics one signal is tagged with (its ATTACK_TACTIC indicators), in kill-chain order. */
export function signalTactics(signal: SequenceSignal): Tactic[] {
  const found = new Set(valuesOf(signal.signalIndicators, 'ATTACK_TACTIC').map(tacticOf).filter((t): t is Tactic => !!t));
  return TACTICS.filter((t) => found.has(t));
}

export interface TacticStep {
  tactic: Tactic;
  /** Technique ids seen on signals with this tactic. */
  techniques: string[];
  /** Signals tagged with it. */
  signalCount: number;
  /** The earliest time a signal with it was seen (epoch ms). */
  firstSeen?: number;
}

export interface TacticChain {
  steps: TacticStep[];
  /** Technique ids not tied to a tactic by any signal. */
  otherTechniques: string[];
  /** Tactic values that name no ATT&CK tactic, as written. */
  unknownTactics: string[];
}

/**
 * The tactics of a sequence in kill-chain order (from its own and its signals' ATTACK_TACTIC
 * indicators), each with the technique ids of the signals that show it (ATTACK_TECHNIQUE).
 */
export function tacticChain(sequence: AttackSequence | undefined): TacticChain {
  const steps = new Map<Tactic, TacticStep>();
  const unknown = new Set<string>();
  const tied = new Set<string>();
  const step = (t: Tactic) => {
    let s = steps.get(t);
    if (!s) steps.set(t, (s = { tactic: t, techniques: [], signalCount: 0 }));
    return s;
  };
  for (const value of valuesOf(sequence?.sequenceIndicators, 'ATTACK_TACTIC')) {
    const t = tacticOf(value);
    if (t) step(t);
    else if (value.trim()) unknown.add(value);
  }
  for (const signal of list(sequence?.signals)) {
    const techniques = valuesOf(signal.signalIndicators, 'ATTACK_TECHNIQUE').flatMap(techniqueIds);
    const at = signalTime(signal);
    for (const value of valuesOf(signal.signalIndicators, 'ATTACK_TACTIC')) {
      const t = tacticOf(value);
      if (!t) {
        if (value.trim()) unknown.add(value);
        continue;
      }
      const s = step(t);
      s.signalCount++;
      if (at !== undefined && (s.firstSeen === undefined || at < s.firstSeen)) s.firstSeen = at;
      for (const id of techniques) {
        tied.add(id);
        if (!s.techniques.includes(id)) s.techniques.push(id);
      }
    }
  }
  const all = [
    ...valuesOf(sequence?.sequenceIndicators, 'ATTACK_TECHNIQUE').flatMap(techniqueIds),
    ...list(sequence?.signals).flatMap((s) => valuesOf(s.signalIndicators, 'ATTACK_TECHNIQUE').flatMap(techniqueIds)),
  ];
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const s of steps.values()) s.techniques.sort(byId);
  return {
    steps: TACTICS.filter((t) => steps.has(t)).map((t) => steps.get(t)!),
    otherTechniques: [...new Set(all.filter((id) => !tied.has(id)))].sort(byId),
    unknownTactics: [...unknown],
  };
}

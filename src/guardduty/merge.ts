/**
 * Merging sorted streams: pure and generic. Each stream is already in its own sorted order (a
 * region's ListFindings pages, say); a merge step takes, from what each stream has buffered, the
 * next `limit` items of the one global order. It emits an item only while every stream that is
 * not exhausted still has a buffered head, so the result is always a prefix of the true global
 * order, never a guess: a caller that wants full pages buffers at least `limit` items per live
 * stream first (`needsLookahead`).
 *
 * Used by the all-regions endpoint (one stream per region) and meant for merging several
 * ListFindings streams of one region, deduplicated by id (`identity`: equal items compare equal
 * and so arrive next to each other; the last identity emitted is carried from step to step).
 */
import type { Finding } from './finding';
import { sortAttribute, sortKey, type SortOrder } from './sort';

export type Compare<T> = (a: T, b: T) => number;

export interface StreamBuffer<T> {
  /** The stream's next items, not yet emitted, in the stream's order. */
  readonly items: readonly T[];
  /** True when nothing follows `items` in this stream. */
  readonly exhausted: boolean;
}

export interface MergeOptions<T> {
  /** Items with the identity of the item just emitted are skipped (consumed, not emitted). */
  readonly identity?: (item: T) => string;
  /** The identity of the last item the previous step emitted. */
  readonly last?: string;
}

export interface MergeStep<T> {
  /** The merged items in global order, each with the index of its stream. */
  readonly merged: { item: T; stream: number }[];
  /** How many buffered items each stream gave up (skipped duplicates included). */
  readonly taken: number[];
  /** The identity of the last item emitted (or the one passed in). */
  readonly last?: string;
  /** True when every stream is exhausted and fully consumed. */
  readonly done: boolean;
}

/** Whether a stream must buffer more before a step of `limit` items can be complete. */
export const needsLookahead = <T>(stream: StreamBuffer<T>, limit: number) => !stream.exhausted && stream.items.length < limit;

/**
 * Up to `limit` items of the global order. Ties between streams go to the lower stream index, so
 * the result is deterministic for a comparator that is not total.
 */
export function mergeStep<T>(streams: readonly StreamBuffer<T>[], compare: Compare<T>, limit: number, options: MergeOptions<T> = {}): MergeStep<T> {
  const taken = streams.map(() => 0);
  const merged: { item: T; stream: number }[] = [];
  let last = options.last;
  for (;;) {
    let best = -1;
    let blocked = false;
    for (let s = 0; s < streams.length; s++) {
      const { items, exhausted } = streams[s];
      if (taken[s] >= items.length) {
        // A live stream without a buffered head: its next item is unknown, so nothing can be emitted safely.
        if (!exhausted) blocked = true;
        continue;
      }
      if (best < 0 || compare(items[taken[s]], streams[best].items[taken[best]]) < 0) best = s;
    }
    if (blocked || best < 0 || merged.length >= limit) {
      const done = !blocked && best < 0;
      return { merged, taken, last, done };
    }
    const item = streams[best].items[taken[best]++];
    const id = options.identity?.(item);
    if (id !== undefined && id === last) continue;
    last = id ?? last;
    merged.push({ item, stream: best });
  }
}

/** Every item of already sorted streams in one global order (all buffered: a convenience for tests and small inputs). */
export function mergeAll<T>(streams: readonly (readonly T[])[], compare: Compare<T>, options: MergeOptions<T> = {}): T[] {
  const step = mergeStep(streams.map((items) => ({ items, exhausted: true })), compare, Infinity, options);
  return step.merged.map((m) => m.item);
}

const byId = (a: Finding, b: Finding) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The order `sortCriteria` asks for, as a comparator over findings: the contract's type-aware keys
 * (numbers, both timestamp forms, IPv4 by value, booleans), findings lacking the attribute last in
 * either direction, and the finding id as the tie-break — exactly `sortFindings`' order. Without
 * an attribute: by id (the emulator's default ListFindings order). Keys are computed once per finding.
 */
export function findingComparator(attributeName?: string, orderBy: SortOrder = 'ASC'): Compare<Finding> {
  if (attributeName === undefined) return byId;
  const attr = sortAttribute(attributeName);
  if (!attr) throw new Error(`Not a documented sort attribute: ${attributeName}`);
  const dir = orderBy === 'DESC' ? -1 : 1;
  const keys = new WeakMap<Finding, number | string | undefined>();
  const keyOf = (f: Finding) => {
    if (keys.has(f)) return keys.get(f);
    const k = sortKey(attr.kind, attr.get(f));
    keys.set(f, k);
    return k;
  };
  return (a, b) => {
    const x = keyOf(a);
    const y = keyOf(b);
    if (x === undefined || y === undefined) {
      if (x !== y) return x === undefined ? 1 : -1;
    } else if (x !== y) {
      return (x < y ? -1 : 1) * dir;
    }
    return byId(a, b);
  };
}

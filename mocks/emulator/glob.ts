/**
 * GuardDuty's `matches` / `notMatches` wildcard: `*` matches any run of characters (runs of `*`
 * are one), everything else is literal and case-sensitive, and the whole value must match.
 *
 * No RegExp is built from the pattern: a backtracking engine takes time exponential in the
 * number of stars (`*******Q` froze the server for minutes). Instead the pattern is split on
 * `*` into literal segments: the first is anchored at the start, the last at the end, and the
 * middle ones are found left to right, each at its leftmost occurrence after the previous one.
 * Leftmost is always safe for globs (a later occurrence only leaves less room for the rest), so
 * there is no backtracking: each segment is searched for once, over a window that only shrinks.
 */
export interface Glob {
  /** Text before the first `*`, or the whole pattern when it has no `*`. */
  readonly head: string;
  /** Non-empty segments between stars, in order (empty ones are runs of `*`, collapsed). */
  readonly middle: readonly string[];
  /** Text after the last `*`; undefined when the pattern has no `*` (exact match). */
  readonly tail: string | undefined;
  /** The shortest value that can match: longer patterns are refused by length in O(1). */
  readonly minLength: number;
  /** Characters in the pattern once `*` runs are collapsed. */
  readonly size: number;
}

export function compileGlob(pattern: string): Glob {
  const parts = pattern.split('*');
  if (parts.length === 1) return { head: pattern, middle: [], tail: undefined, minLength: pattern.length, size: pattern.length };
  const middle = parts.slice(1, -1).filter((s) => s !== '');
  const head = parts[0];
  const tail = parts[parts.length - 1];
  const minLength = head.length + tail.length + middle.reduce((n, s) => n + s.length, 0);
  return { head, middle, tail, minLength, size: minLength + middle.length + 1 };
}

export function globMatches(glob: Glob, text: string): boolean {
  if (glob.tail === undefined) return text === glob.head;
  if (text.length < glob.minLength || !text.startsWith(glob.head) || !text.endsWith(glob.tail)) return false;
  const end = text.length - glob.tail.length;
  let from = glob.head.length;
  for (const segment of glob.middle) {
    const at = text.indexOf(segment, from);
    if (at < 0 || at + segment.length > end) return false;
    from = at + segment.length;
  }
  return true;
}

/**
 * What one check may cost, in characters, charged before it runs: 1 when the length alone
 * decides; otherwise the value plus the pattern, a linear bound (V8's indexOf moves to
 * Boyer-Moore on inputs that defeat its simple search, and the windows searched never overlap).
 */
export function globCost(glob: Glob, text: string): number {
  return text.length < glob.minLength ? 1 : text.length + glob.size;
}

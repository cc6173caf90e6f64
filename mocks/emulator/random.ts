/**
 * A small seeded PRNG (mulberry32) so the emulator's data is the same on every run and machine:
 * tests compute expectations from the data, and screenshots and links stay stable.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** An unsigned 32-bit integer. */
  uint32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A picker by `weight(item)` (items of weight 0 are never picked), its cumulative weights computed once. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): () => T {
    const cumulative: number[] = [];
    let total = 0;
    for (const item of items) cumulative.push((total += weight(item)));
    return () => {
      const r = this.next() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (cumulative[mid] > r) high = mid;
        else low = mid + 1;
      }
      return items[low];
    };
  }

  /** `count` characters drawn from `alphabet`. */
  chars(count: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < count; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  /** Lower-case hex digits, eight per draw (finding ids need 32 for each of 10,000 findings). */
  hex(count: number): string {
    let out = '';
    while (out.length < count) out += this.uint32().toString(16).padStart(8, '0');
    return out.slice(0, count);
  }

  /** AWS-style upper-case identifiers (access key ids, principal ids). */
  upper(count: number): string {
    return this.chars(count, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');
  }

  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  }
}

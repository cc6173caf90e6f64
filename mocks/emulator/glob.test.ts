import { describe, expect, it } from 'vitest';
import { compileGlob, globCost, globMatches } from './glob';
import { Random } from './random';

/** The definition, by dynamic programming over (pattern, text) prefixes: slow, plainly right. */
function reference(pattern: string, text: string): boolean {
  // can[j]: pattern[0..i) matches text[0..j)
  let can = Array.from({ length: text.length + 1 }, (_, j) => j === 0);
  for (const p of pattern) {
    const next = new Array<boolean>(text.length + 1).fill(false);
    for (let j = 0; j <= text.length; j++) {
      if (p === '*') next[j] = can[j] || (j > 0 && next[j - 1]);
      else next[j] = j > 0 && can[j - 1] && text[j - 1] === p;
    }
    can = next;
  }
  return can[text.length];
}

const matches = (pattern: string, text: string) => globMatches(compileGlob(pattern), text);

describe('glob matching (matches / notMatches)', () => {
  it('agrees with the reference on 20,000 random patterns and values', () => {
    const random = new Random(0x61b);
    let matched = 0;
    const disagreements: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      // A small alphabet so that matches are common; regex metacharacters must be literal.
      const pattern = random.chars(random.int(0, 9), 'ab**.?');
      const text = random.chars(random.int(0, 12), 'ab.?');
      const want = reference(pattern, text);
      if (matches(pattern, text) !== want) disagreements.push(`${JSON.stringify(pattern)} on ${JSON.stringify(text)}: want ${want}`);
      if (want) matched++;
    }
    expect(disagreements.slice(0, 20), `${disagreements.length} disagreements`).toEqual([]);
    expect(matched).toBeGreaterThan(2_000); // the comparison proves something both ways
    expect(matched).toBeLessThan(18_000);
  });

  it('collapses runs of *: a**b is a*b, *** is *', () => {
    expect(compileGlob('a**b')).toEqual(compileGlob('a*b'));
    expect(compileGlob('*******Q')).toEqual(compileGlob('*Q'));
    expect(compileGlob('***')).toEqual(compileGlob('*'));
    for (const text of ['', 'x', 'Q', 'Q*']) expect(matches('***', text)).toBe(true);
  });

  it('treats regex metacharacters, case and newlines literally, and matches the whole value', () => {
    expect(matches('Backdoor:EC2/C&CActivity.B!DNS', 'Backdoor:EC2/C&CActivity.B!DNS')).toBe(true);
    expect(matches('Backdoor:EC2/C&CActivity.B!DNS', 'Backdoor:EC2/C&CActivityxB!DNS')).toBe(false);
    for (const meta of ['.', '+', '?', '^', '$', '(', ')', '[', ']', '{', '}', '|', '\\']) {
      expect(matches(`a${meta}*`, `a${meta}b`), meta).toBe(true);
      expect(matches(`a${meta}*`, 'axb'), meta).toBe(false);
    }
    expect(matches('[a-z]*', 'abc')).toBe(false);
    expect(matches('recon:*', 'Recon:EC2/Portscan')).toBe(false);
    expect(matches('a*', 'a\nb')).toBe(true);
    expect(matches('Recon', 'Recon:EC2/Portscan')).toBe(false);
    expect(matches('*EC2*', 'Recon:EC2/Portscan')).toBe(true);
  });

  it('does not let the anchored head and tail overlap', () => {
    expect(matches('ab*ba', 'aba')).toBe(false);
    expect(matches('ab*ba', 'abba')).toBe(true);
    expect(matches('a*a*a', 'aa')).toBe(false);
  });

  it('charges a linear bound: 1 when the length decides, else at most the value plus the pattern', () => {
    const random = new Random(7);
    for (let i = 0; i < 2_000; i++) {
      const pattern = random.chars(random.int(0, 40), 'ab*');
      const text = random.chars(random.int(0, 60), 'ab');
      const glob = compileGlob(pattern);
      const cost = globCost(glob, text);
      expect(cost).toBeLessThanOrEqual(text.length + pattern.length + 1);
      if (text.length < glob.minLength) {
        expect(cost).toBe(1);
        expect(globMatches(glob, text)).toBe(false);
      }
    }
  });
});

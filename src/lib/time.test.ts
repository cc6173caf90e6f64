import { describe, expect, it } from 'vitest';
import { formatExact, formatRelative } from './time';

describe('time formatting', () => {
  const now = Date.UTC(2026, 10, 25, 12, 0, 0);
  it('formats both GuardDuty timestamp forms exactly in UTC', () => {
    expect(formatExact('2018-02-09T22:57:31.927Z')).toBe('2018-02-09 22:57:31 UTC');
    expect(formatExact('2018-02-09T22:57:31Z')).toBe('2018-02-09 22:57:31 UTC');
  });
  it('formats relative times', () => {
    expect(formatRelative(new Date(now - 3 * 3600_000).toISOString(), now)).toBe('3h ago');
    expect(formatRelative(new Date(now - 10_000).toISOString(), now)).toBe('just now');
  });
  it('returns undefined for values that are not timestamps', () => {
    expect(formatRelative('soon', now)).toBeUndefined();
    expect(formatExact(undefined)).toBeUndefined();
  });
});

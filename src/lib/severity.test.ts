import { describe, expect, it } from 'vitest';
import { formatSeverity, severityBand, SEVERITY_BANDS } from './severity';

describe('severity bands', () => {
  it.each([
    [1.0, 'Low'], [3.9, 'Low'], [4.0, 'Medium'], [6.9, 'Medium'], [7.0, 'High'], [8.9, 'High'], [9.0, 'Critical'], [10, 'Critical'],
  ])('%s is %s (GuardDuty console bands)', (severity, label) => {
    expect(severityBand(severity)?.label).toBe(label);
  });

  it('bands tile 1..10 without gaps or overlaps', () => {
    for (let i = 1; i < SEVERITY_BANDS.length; i++) expect(SEVERITY_BANDS[i].min).toBe(SEVERITY_BANDS[i - 1].max);
  });

  it('has no band for a missing severity and formats it as a dash', () => {
    expect(severityBand(undefined)).toBeUndefined();
    expect(formatSeverity(undefined)).toBe('—');
    expect(formatSeverity(8)).toBe('8.0');
  });
});

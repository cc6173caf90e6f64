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

describe('countsByBand / countInBandRange', () => {
  it('adds GetFindingsStatistics severity keys into the console bands', async () => {
    const { countsByBand, countInBandRange } = await import('./severity');
    const counts = countsByBand({ '2.0': 3, '3.9': 1, '5': 4, '8.0': 2, '8.9': 1, '9.0': 5, '10.0': 1 });
    expect(counts).toEqual({ low: 4, medium: 4, high: 3, critical: 6 });
    expect(countInBandRange(counts, 'high', 'critical')).toBe(9);
    expect(countInBandRange(counts, 'low', 'critical')).toBe(17);
    expect(countInBandRange(counts, 'medium', 'medium')).toBe(4);
    expect(countsByBand(undefined)).toEqual({ low: 0, medium: 0, high: 0, critical: 0 });
  });
});

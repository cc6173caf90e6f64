import { describe, expect, it } from 'vitest';
import { defaultMapOpen } from './map-default';

describe('the map beside the table on a wide screen', () => {
  it('opens on a first visit at 1280 px or wider, and follows the analyst’s remembered choice after', () => {
    expect(defaultMapOpen(true, undefined)).toBe(true);
    expect(defaultMapOpen(true, 'open')).toBe(true);
    expect(defaultMapOpen(true, 'closed')).toBe(false);
  });

  it('stays closed on narrow screens (one panel at a time), whatever was remembered', () => {
    expect(defaultMapOpen(false, undefined)).toBe(false);
    expect(defaultMapOpen(false, 'open')).toBe(false);
  });
});

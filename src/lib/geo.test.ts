import { describe, expect, it } from 'vitest';
import { checkLocation } from './geo';

describe('checkLocation', () => {
  it('accepts finite coordinates in range', () => {
    expect(checkLocation({ lat: 52.52, lon: 13.4 })).toEqual({ ok: true, lat: 52.52, lon: 13.4 });
    expect(checkLocation({ lat: -90, lon: 180 })).toEqual({ ok: true, lat: -90, lon: 180 });
    expect(checkLocation({ lat: 90, lon: -180 })).toEqual({ ok: true, lat: 90, lon: -180 });
  });

  it('accepts one zero coordinate (the equator and the prime meridian are real places)', () => {
    expect(checkLocation({ lat: 0, lon: 32.58 })).toMatchObject({ ok: true });
    expect(checkLocation({ lat: 51.48, lon: 0 })).toMatchObject({ ok: true });
  });

  it('accepts numeric strings', () => {
    expect(checkLocation({ lat: '48.85', lon: '2.35' })).toEqual({ ok: true, lat: 48.85, lon: 2.35 });
  });

  it('rejects 0,0, which GuardDuty sample findings carry', () => {
    expect(checkLocation({ lat: 0, lon: 0 })).toEqual({ ok: false, problem: 'null-island' });
    expect(checkLocation({ lat: -0, lon: 0 })).toEqual({ ok: false, problem: 'null-island' });
    expect(checkLocation({ lat: '0', lon: '0.0' })).toEqual({ ok: false, problem: 'null-island' });
  });

  it('rejects missing locations and coordinates', () => {
    for (const geo of [undefined, null, 'x', 42, {}, { lat: 10 }, { lon: 10 }, { lat: null, lon: 3 }, { lat: '', lon: 3 }, { lat: 'north', lon: 3 }]) {
      expect(checkLocation(geo)).toEqual({ ok: false, problem: 'missing' });
    }
  });

  it('rejects non-finite numbers as missing', () => {
    expect(checkLocation({ lat: Number.NaN, lon: 1 })).toEqual({ ok: false, problem: 'missing' });
    expect(checkLocation({ lat: 1, lon: Number.POSITIVE_INFINITY })).toEqual({ ok: false, problem: 'missing' });
  });

  it('rejects out-of-range coordinates', () => {
    for (const geo of [{ lat: 90.0001, lon: 0 }, { lat: -91, lon: 10 }, { lat: 10, lon: 180.5 }, { lat: 10, lon: -181 }, { lat: 1e9, lon: 1e9 }]) {
      expect(checkLocation(geo)).toEqual({ ok: false, problem: 'out-of-range' });
    }
  });
});

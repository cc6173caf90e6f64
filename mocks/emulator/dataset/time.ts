/**
 * The emulator's clock. Data is generated relative to a "now"; by default a fixed reference so
 * that tests and snapshots are stable, or the real time in the browser demo and the server so
 * that the newest findings are minutes old.
 */

/** 2026-11-25T12:00:00Z: the default "now" of every dataset. */
export const REFERENCE_NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** GuardDuty writes both `…:31.927Z` and `…:31Z`; the dataset mixes them on purpose. */
export function formatTimestamp(epochMs: number, withMillis: boolean): string {
  const iso = new Date(epochMs).toISOString();
  return withMillis ? iso : `${iso.slice(0, 19)}Z`;
}

/** Newer resource timestamps (S3, EKS, Lambda) travel as epoch seconds with a fraction. */
export const epochSeconds = (epochMs: number): number => Math.floor(epochMs) / 1000;

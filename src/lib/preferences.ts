/** Per-browser preferences in localStorage, as small external stores React can subscribe to. */
import { useCallback, useSyncExternalStore } from 'react';

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

const listeners = new Map<string, Set<() => void>>();

export function usePreference<T extends string>(key: string, fallback: T, allowed: readonly T[]): [T, (value: T) => void] {
  const subscribe = useCallback(
    (l: () => void) => {
      const set = listeners.get(key) ?? new Set();
      set.add(l);
      listeners.set(key, set);
      return () => set.delete(l);
    },
    [key],
  );
  const get = () => {
    const v = readStorage(key) as T | null;
    return v !== null && allowed.includes(v) ? v : fallback;
  };
  const value = useSyncExternalStore(subscribe, get, () => fallback);
  const set = useCallback(
    (v: T) => {
      try {
        window.localStorage.setItem(key, v);
      } catch {
        // private mode: the preference lasts for this page only
      }
      listeners.get(key)?.forEach((l) => l());
    },
    [key],
  );
  return [value, set];
}

/** A JSON preference (column order and visibility, …). */
export function readJsonPreference<T>(key: string, fallback: T): T {
  const raw = readStorage(key);
  if (raw === null) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

export function writeJsonPreference(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // ignore: the preference lasts for this page only
  }
}

const ZONES = ['utc', 'local'] as const;
export const useTimePreference = () => usePreference('fa.time', 'utc', ZONES);

const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const useThemePreference = () => usePreference<Theme>('fa.theme', 'system', THEMES);

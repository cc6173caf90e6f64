/**
 * One cancellable run over a list ("Map all matching", "Export all matching"): its state belongs
 * to the list's query key, so another filter or sort (or leaving the screen) aborts the run and
 * its state reads as idle again. Starting a run aborts the one before.
 */
import type { QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface ListRunHandle<Run> {
  signal: AbortSignal;
  /** Writes this run's state. */
  set: (run: Run) => void;
  /** False once a newer run started, or this one ended: late progress is dropped. */
  isCurrent: () => boolean;
  /** Call when the run is over (in `finally`). */
  end: () => void;
}

export function useListRun<Run>(queryKey: QueryKey, idle: Run) {
  const keyHash = JSON.stringify(queryKey);
  const [state, setState] = useState<{ key: string; run: Run }>({ key: keyHash, run: idle });
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(
    () => () => {
      controller.current?.abort();
      controller.current = undefined;
    },
    [keyHash],
  );
  const begin = useCallback((): ListRunHandle<Run> => {
    controller.current?.abort();
    const ctrl = new AbortController();
    controller.current = ctrl;
    return {
      signal: ctrl.signal,
      set: (run) => setState({ key: keyHash, run }),
      isCurrent: () => controller.current === ctrl,
      end: () => {
        if (controller.current === ctrl) controller.current = undefined;
      },
    };
  }, [keyHash]);
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { run: state.key === keyHash ? state.run : idle, begin, cancel };
}

/** Calls `apply` with the latest value at most once an animation frame (progress arrives with every response). */
export function oncePerFrame<T>(apply: (latest: T) => void): (value: T) => void {
  let latest: T;
  let scheduled = false;
  return (value) => {
    latest = value;
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      apply(latest);
    });
  };
}

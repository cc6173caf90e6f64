/**
 * Lazy chunks that can be loaded again. React.lazy remembers a rejected import for good, so a
 * chunk that failed once (a dropped connection) would fail forever; `lazyWithRetry` makes a fresh
 * lazy component after a failure, the next time it renders after `retryFailedChunks()` (the error
 * boundary's "Try again"). `preload()` starts the import early (the map when the browser is idle).
 */
import { createElement, lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A lazy chunk that did not load: offline, or (a 404) a new deployment replaced the files. */
export class ChunkLoadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'ChunkLoadError';
  }
}

export const isChunkLoadError = (e: unknown): e is ChunkLoadError => e instanceof ChunkLoadError;

const failed = new Set<() => void>();

/** Lets every chunk that failed to load try again on its next render. */
export function retryFailedChunks(): void {
  for (const reset of [...failed]) reset();
  failed.clear();
}

export type RetryableLazy<P> = ComponentType<P> & { preload(): Promise<unknown> };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same constraint as React.lazy's
export function lazyWithRetry<C extends ComponentType<any>>(load: () => Promise<{ default: C }>): RetryableLazy<React.ComponentProps<C>> {
  let pending: Promise<{ default: C }> | undefined;
  // One import at a time, shared by preload() and the lazy component; forgotten when it fails.
  const attempt = () =>
    (pending ??= load().catch((e: unknown) => {
      pending = undefined;
      failed.add(reset);
      throw new ChunkLoadError(e);
    }));
  let Lazy: LazyExoticComponent<C> = lazy(attempt);
  function reset() {
    Lazy = lazy(attempt);
  }
  const Retryable = (props: React.ComponentProps<C>) => createElement(Lazy, props);
  return Object.assign(Retryable, { preload: () => attempt().catch(() => undefined) });
}

/**
 * Sources per region: `/api/regions/{region}/…` is answered by that region's source (the aws
 * source signing for the region, or the demo's emulator of the region), and the all-regions
 * service (src/guardduty/all-regions.ts) makes its calls through the same sources, so every
 * regional call gets the same validation, retries, timeout and caps as /api/… does.
 */
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { createRegionsService, type RegionTransport, type RegionsService } from '../../src/guardduty/all-regions';
import { availableParallelism } from 'node:os';
import { createDemoRegions } from '../../mocks/regions';
import { DEMO_DEFAULT_REGION, DEMO_DETECTOR_REGIONS, type DemoWorld } from '../../mocks/emulator';
import { guardDutyRegions, orderRegions } from '../../src/guardduty/regions';
import { createAwsSource, type AwsSourceOptions } from './aws';
import { createDemoSource, createPooledDemoSource } from './demo';
import { createEmulatorPool, type EmulatorPool, type EmulatorPoolOptions } from './emulator-pool';
import type { Source } from './source';

export interface Regional {
  readonly service: RegionsService;
  /** The source of a covered region (the default region's is the default source). */
  sourceFor(region: string): Source;
}

const encoder = new TextEncoder();

/** One regional call through a source, read back into wire form. */
export function sourceTransport(sourceFor: (region: string) => Source): RegionTransport {
  return async (region, incoming, signal) => {
    const response = await sourceFor(region).handle({ incoming, bodyBytes: encoder.encode(incoming.body ?? '') }, signal ?? new AbortController().signal);
    return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
  };
}

function cached(make: (region: string) => Source): (region: string) => Source {
  const sources = new Map<string, Source>();
  return (region) => {
    let source = sources.get(region);
    if (!source) sources.set(region, (source = make(region)));
    return source;
  };
}

export interface DemoRegionalOptions {
  regions?: readonly string[];
  now?: number;
  /** Tests: a world with faults (always on the calling thread). */
  world?: DemoWorld;
  /**
   * Worker threads running the emulators (0: on the calling thread, the default here; null: one
   * per core beyond the first, 1 to 4). The server passes FINDINGS_ATLAS_EMULATOR_WORKERS.
   */
  workers?: number | null;
  /** The pool's queue bounds, or a stand-in worker (tests). */
  pool?: Pick<EmulatorPoolOptions, 'maxQueued' | 'maxWaitMs' | 'workerUrl'>;
}

/** Worker threads for `auto`: the main thread keeps a core for HTTP. */
export const autoEmulatorWorkers = (cores = availableParallelism()) => Math.min(4, Math.max(1, cores - 1));

/**
 * The demo: one emulator per region; the default region's source is the /api/… source. With
 * workers, every emulator call (regional and all-regions ones included) runs in the pool.
 */
export function createDemoRegional(options: DemoRegionalOptions = {}): { source: Source; regional: Regional; pool?: EmulatorPool } {
  const now = options.now ?? Date.now();
  const workers = options.workers === null ? autoEmulatorWorkers() : (options.workers ?? 0);
  if (workers === 0 || options.world) {
    const demo = createDemoRegions({ now, regions: options.regions, world: options.world });
    const sourceFor = cached((region) => createDemoSource(demo.backendFor(region)));
    return { source: sourceFor(demo.defaultRegion), regional: { service: demo.service, sourceFor } };
  }
  const regions = orderRegions(DEMO_DEFAULT_REGION, options.regions ?? guardDutyRegions(DEMO_DEFAULT_REGION));
  const warmRegions = DEMO_DETECTOR_REGIONS.filter((region) => regions.includes(region));
  const pool = createEmulatorPool({ now, size: workers, warmRegions, ...options.pool });
  const sourceFor = cached((region) => createPooledDemoSource(pool, region));
  const service = createRegionsService({ defaultRegion: DEMO_DEFAULT_REGION, regions, transport: sourceTransport(sourceFor) });
  return { source: sourceFor(DEMO_DEFAULT_REGION), regional: { service, sourceFor }, pool };
}

export interface AwsRegionalOptions extends Omit<AwsSourceOptions, 'region'> {
  defaultRegion: string;
  regions: readonly string[];
  /** Passed to the all-regions service (tests shorten the caches). */
  discoveryTtlMs?: number;
  pageTtlMs?: number;
}

/**
 * AWS: one SigV4 source per region, signing for that region and sending to its endpoint
 * (guardduty.{region}.{partition suffix}, or the one custom endpoint for every region), sharing one
 * credential chain.
 */
export function createAwsRegional(options: AwsRegionalOptions): { source: Source; regional: Regional } {
  const { defaultRegion, regions, discoveryTtlMs, pageTtlMs, ...sourceOptions } = options;
  const credentials = sourceOptions.credentials ?? fromNodeProviderChain();
  const sourceFor = cached((region) => createAwsSource({ ...sourceOptions, credentials, region }));
  const service = createRegionsService({ defaultRegion, regions, transport: sourceTransport(sourceFor), discoveryTtlMs, pageTtlMs });
  return { source: sourceFor(defaultRegion), regional: { service, sourceFor } };
}

/** A single source as the only region (tests of the HTTP surface that give createApp one source). */
export function singleRegion(source: Source, region: string): Regional {
  const sourceFor = () => source;
  return { service: createRegionsService({ defaultRegion: region, regions: [region], transport: sourceTransport(sourceFor) }), sourceFor };
}

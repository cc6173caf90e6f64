/**
 * The demo's regions behind one RegionsService: the same code answers `/api/regions`,
 * `/api/regions/{region}/…` and `/api/all-regions/…` in the server's demo source and in MSW
 * (npm run dev, the static demo, component tests).
 */
import { createRegionsService, type RegionTransport, type RegionsService } from '../src/guardduty/all-regions';
import { answer, type GuardDutyBackend } from '../src/guardduty/operations';
import { guardDutyRegions, orderRegions } from '../src/guardduty/regions';
import { createDemoWorld, DEMO_DEFAULT_REGION, type DemoWorld, type EmulatorOptions } from './emulator';

export interface DemoRegionsOptions extends Omit<EmulatorOptions, 'region'> {
  /** The regions covered (default: every GuardDuty region of the partition); the default region is always one. */
  regions?: readonly string[];
  /** The default region's backend (so that /api/… and /api/regions/us-east-1/… are one emulator). */
  defaultBackend?: GuardDutyBackend;
  /** Another world (tests: one with faults). */
  world?: DemoWorld;
}

export interface DemoRegions {
  readonly defaultRegion: string;
  readonly service: RegionsService;
  backendFor(region: string): GuardDutyBackend;
  readonly transport: RegionTransport;
}

export function createDemoRegions(options: DemoRegionsOptions = {}): DemoRegions {
  const world = options.world ?? createDemoWorld({ now: options.now });
  const backendFor = (region: string) => (region === DEMO_DEFAULT_REGION && options.defaultBackend ? options.defaultBackend : world.backendFor(region));
  const transport: RegionTransport = async (region, request) => answer(backendFor(region), request);
  const regions = orderRegions(DEMO_DEFAULT_REGION, options.regions ?? guardDutyRegions(DEMO_DEFAULT_REGION));
  const service = createRegionsService({ defaultRegion: DEMO_DEFAULT_REGION, regions, transport });
  return { defaultRegion: DEMO_DEFAULT_REGION, service, backendFor, transport };
}

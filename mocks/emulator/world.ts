/**
 * The demo's regions: one emulator per region (detectors in us-east-1, us-west-2, eu-west-1 and
 * ap-southeast-2, each with its own findings), an opt-in region the account has not enabled
 * (ap-east-1: every call answers UnrecognizedClientException, as AWS does there), and every
 * other region without a detector (ListDetectors answers an empty list; sa-east-1, say).
 */
import { unrecognizedClient, type ApiError } from '../../src/guardduty/errors';
import type { GuardDutyBackend } from '../../src/guardduty/operations';
import { DEMO_NOT_ENABLED_REGIONS } from './detectors';
import { createEmulator, type EmulatorOptions } from './emulator';

export interface DemoWorld {
  /** The backend answering GuardDuty's calls in that region. */
  backendFor(region: string): GuardDutyBackend;
}

/** A backend whose every call throws (what an opt-in region that is not enabled answers). */
function refusing(error: () => ApiError): GuardDutyBackend {
  const fail = (): never => {
    throw error();
  };
  return { listDetectors: fail, getDetector: fail, listFindings: fail, getFindings: fail, getFindingsStatistics: fail };
}

export function createDemoWorld(options: Omit<EmulatorOptions, 'region'> = {}): DemoWorld {
  const backends = new Map<string, GuardDutyBackend>();
  return {
    backendFor(region) {
      let backend = backends.get(region);
      if (!backend) {
        backend = DEMO_NOT_ENABLED_REGIONS.includes(region) ? refusing(() => unrecognizedClient()) : createEmulator({ ...options, region });
        backends.set(region, backend);
      }
      return backend;
    },
  };
}

/** What a fault makes of one call: an error to throw, or nothing (the call goes through). */
export type Fault = (operation: keyof GuardDutyBackend) => ApiError | undefined;

/**
 * For tests and the bench only, never on by default: a backend that fails (throttles, errors) when
 * `fault` says so, and otherwise answers as `backend` does.
 */
export function withFaults(backend: GuardDutyBackend, fault: Fault): GuardDutyBackend {
  const guard = <K extends keyof GuardDutyBackend>(operation: K): GuardDutyBackend[K] =>
    ((...args: unknown[]) => {
      const error = fault(operation);
      if (error) throw error;
      return (backend[operation] as (...a: unknown[]) => unknown)(...args);
    }) as GuardDutyBackend[K];
  return {
    listDetectors: guard('listDetectors'),
    getDetector: guard('getDetector'),
    listFindings: guard('listFindings'),
    getFindings: guard('getFindings'),
    getFindingsStatistics: guard('getFindingsStatistics'),
  };
}

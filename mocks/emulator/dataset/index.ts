/**
 * The datasets behind each detector, built lazily (the 10,000-finding one only when asked for)
 * and kept for the few "now"s in use.
 */
import type { Finding } from '../../../src/guardduty';
import {
  AP_SOUTHEAST_2_DETECTOR_ID, DEMO_DETECTOR_ID, EU_WEST_1_DETECTOR_ID, SCALE_DETECTOR_ID, US_WEST_2_DETECTOR_ID, regionOfDetector, requireDetector,
} from '../detectors';
import { Random } from '../random';
import { attackSequences, type SequenceContext } from './attack-sequences';
import { attackerTextFindings } from './attacker-text';
import { regionNamed } from './environment';
import { FINDING_TYPES } from './finding-types';
import { createFindingFactory, generateFindings } from './generate';
import { createFleet } from './resources';
import { sampleFinding } from './sample';
import { REFERENCE_NOW } from './time';
import { plantTimestampTwins } from './timestamp-twins';

export const DEMO_GENERATED_COUNT = 360;
export const SCALE_FINDING_COUNT = 10_000;
/** The us-west-2, eu-west-1 and ap-southeast-2 detectors' findings. */
export const REGIONAL_GENERATED_COUNTS = [180, 140, 90] as const;
/** Attack sequences of each kind (each with its member findings) on the demo and the scale detector. */
export const DEMO_SEQUENCES_PER_KIND = 3;
export const SCALE_SEQUENCES_PER_KIND = 8;

interface Recipe {
  readonly seed: number;
  readonly fleetSize: number;
  readonly generated: number;
  /** When set, generated findings are dropped from the end so that the detector holds exactly this many. */
  readonly total?: number;
  /** Hand-made findings added after the generated ones (attack sequences with their members among them). */
  readonly extras?: (context: SequenceContext) => Finding[];
  /** Edits to generated findings that tests rely on. */
  readonly plant?: (generated: Finding[], now: number) => void;
  /** Leave out the global-service (IAM) finding types: CloudTrail's global events land in us-east-1 only. */
  readonly regionalOnly?: boolean;
}

/** Types whose activity is IAM's, a global service: GuardDuty reports it in us-east-1. */
const REGIONAL_TYPES = FINDING_TYPES.filter((t) => !t.type.includes(':IAMUser/'));

const RECIPES = new Map<string, Recipe>([
  [DEMO_DETECTOR_ID, {
    seed: 20261125,
    fleetSize: 48,
    generated: DEMO_GENERATED_COUNT,
    extras: (context) => [sampleFinding(), ...attackerTextFindings(context), ...attackSequences(context, DEMO_SEQUENCES_PER_KIND)],
    plant: (generated, now) => plantTimestampTwins(generated[0], generated[1], now),
  }],
  [SCALE_DETECTOR_ID, {
    seed: 10000,
    fleetSize: 600,
    generated: SCALE_FINDING_COUNT,
    total: SCALE_FINDING_COUNT,
    extras: (context) => attackSequences(context, SCALE_SEQUENCES_PER_KIND),
  }],
  [US_WEST_2_DETECTOR_ID, { seed: 2026_0502, fleetSize: 24, generated: REGIONAL_GENERATED_COUNTS[0], regionalOnly: true }],
  [EU_WEST_1_DETECTOR_ID, { seed: 2026_0801, fleetSize: 20, generated: REGIONAL_GENERATED_COUNTS[1], regionalOnly: true }],
  [AP_SOUTHEAST_2_DETECTOR_ID, { seed: 2026_1102, fleetSize: 14, generated: REGIONAL_GENERATED_COUNTS[2], regionalOnly: true }],
]);

function build(detectorId: string, recipe: Recipe, now: number): Finding[] {
  const rng = new Random(recipe.seed);
  // Every finding names its detector's region (the spec's sample finding, verbatim, excepted).
  const fleet = createFleet(rng, now, recipe.fleetSize, regionNamed(regionOfDetector(detectorId)!));
  const factory = createFindingFactory({ rng, now, detectorId, fleet });
  const generated = generateFindings(rng, factory, recipe.generated, recipe.regionalOnly ? REGIONAL_TYPES : FINDING_TYPES);
  recipe.plant?.(generated, now);
  const extras = recipe.extras?.({ rng, now, detectorId, fleet, build: factory }) ?? [];
  const kept = recipe.total === undefined ? generated : generated.slice(0, recipe.total - extras.length);
  return [...kept, ...extras];
}

/** Two whole worlds (every detector at two `now`s), the least recently used dropped first. */
const MEMO_SIZE = 2 * RECIPES.size;
const memo = new Map<string, readonly Finding[]>();

/**
 * The findings of a detector, generated relative to `now` (default: the fixed reference time).
 * Shared and not copied: read them, never change them. Throws NoSuchEntityException for
 * detectors the emulator does not own.
 */
export function findingsOf(detectorId: string, now: number = REFERENCE_NOW): readonly Finding[] {
  requireDetector(detectorId);
  const key = `${detectorId}@${now}`;
  let findings = memo.get(key);
  if (findings) {
    memo.delete(key); // most recently used last
  } else {
    findings = build(detectorId, RECIPES.get(detectorId)!, now);
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  }
  memo.set(key, findings);
  return findings;
}

export const demoFindings = (now?: number): readonly Finding[] => findingsOf(DEMO_DETECTOR_ID, now);

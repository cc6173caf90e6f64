/**
 * The datasets behind each detector, built lazily (the 10,000-finding one only when asked for)
 * and kept for the few "now"s in use.
 */
import type { Finding } from '../../../src/guardduty';
import { DEMO_DETECTOR_ID, SCALE_DETECTOR_ID, requireDetector } from '../detectors';
import { Random } from '../random';
import { attackSequences, type SequenceContext } from './attack-sequences';
import { attackerTextFindings } from './attacker-text';
import { createFindingFactory, generateFindings } from './generate';
import { createFleet } from './resources';
import { sampleFinding } from './sample';
import { REFERENCE_NOW } from './time';
import { plantTimestampTwins } from './timestamp-twins';

export const DEMO_GENERATED_COUNT = 360;
export const SCALE_FINDING_COUNT = 10_000;
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
}

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
]);

function build(detectorId: string, recipe: Recipe, now: number): Finding[] {
  const rng = new Random(recipe.seed);
  const fleet = createFleet(rng, now, recipe.fleetSize);
  const factory = createFindingFactory({ rng, now, detectorId, fleet });
  const generated = generateFindings(rng, factory, recipe.generated);
  recipe.plant?.(generated, now);
  const extras = recipe.extras?.({ rng, now, detectorId, fleet, build: factory }) ?? [];
  const kept = recipe.total === undefined ? generated : generated.slice(0, recipe.total - extras.length);
  return [...kept, ...extras];
}

const MEMO_SIZE = 4;
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
  if (!findings) {
    findings = build(detectorId, RECIPES.get(detectorId)!, now);
    memo.set(key, findings);
    if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
  }
  return findings;
}

export const demoFindings = (now?: number): readonly Finding[] => findingsOf(DEMO_DETECTOR_ID, now);

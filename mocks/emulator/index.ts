/**
 * The GuardDuty emulator behind demo mode, the MSW handlers and the tests: pure TypeScript (no
 * DOM, no Node APIs), deterministic data, GuardDuty's wire shapes and errors.
 */
export { createEmulator, type EmulatorOptions } from './emulator';
export {
  DEMO_DETECTOR_ID, SCALE_DETECTOR_ID, DETECTOR_IDS, ALL_DETECTOR_IDS, US_WEST_2_DETECTOR_ID, EU_WEST_1_DETECTOR_ID, AP_SOUTHEAST_2_DETECTOR_ID,
  DEMO_DEFAULT_REGION, DEMO_DETECTOR_REGIONS, DEMO_NOT_ENABLED_REGIONS, detectorIdsIn, regionOfDetector,
} from './detectors';
export { createDemoWorld, withFaults, type DemoWorld, type Fault } from './world';
export { demoFindings, findingsOf, DEMO_GENERATED_COUNT, SCALE_FINDING_COUNT } from './dataset';
export { ATTACKER_TEXT_FINDING_IDS } from './dataset/attacker-text';
export { SAMPLE_FINDING_ID } from './dataset/sample';
export { REFERENCE_NOW } from './dataset/time';

/**
 * The GuardDuty emulator behind demo mode, the MSW handlers and the tests: pure TypeScript (no
 * DOM, no Node APIs), deterministic data, GuardDuty's wire shapes and errors.
 */
export { createEmulator, type EmulatorOptions } from './emulator';
export { DEMO_DETECTOR_ID, SCALE_DETECTOR_ID, DETECTOR_IDS } from './detectors';
export { demoFindings, findingsOf, DEMO_GENERATED_COUNT, SCALE_FINDING_COUNT } from './dataset';
export { ATTACKER_TEXT_FINDING_IDS } from './dataset/attacker-text';
export { SAMPLE_FINDING_ID } from './dataset/sample';
export { REFERENCE_NOW } from './dataset/time';

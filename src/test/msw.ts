/**
 * Test support for component tests: the MSW server of src/test/setup.ts and what tests need to
 * override it per case, plus the emulator's detector ids. Feature folders may not import mocks/
 * or msw directly (eslint import boundaries); their tests import this module instead.
 */
export { server } from '../../mocks/node';
export { http, HttpResponse, delay } from 'msw';
export { DEMO_DETECTOR_ID, SCALE_DETECTOR_ID, SAMPLE_FINDING_ID } from '../../mocks/emulator';
/** The demo detector's findings (read-only) and the ids of those carrying HTML and script in their text. */
export { demoFindings, ATTACKER_TEXT_FINDING_IDS } from '../../mocks/emulator';

/** The URL pattern of an /api operation for `server.use(http.post(apiPath(...), …))`. */
export const apiPath = {
  listFindings: '/api/detector/:detectorId/findings',
  getFindings: '/api/detector/:detectorId/findings/get',
  statistics: '/api/detector/:detectorId/findings/statistics',
} as const;

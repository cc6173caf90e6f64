/**
 * The only places where demo findings deliberately carry members GuardDuty's service model does
 * not know (AWS clients drop them). Everything else in the dataset uses the model's wire names:
 * the model tests fail on any other unknown member, and on an entry here that is no longer needed.
 */
import { SAMPLE_FINDING_ID } from './sample';

export interface LegacyShape {
  /** The member's wire path, list indexes as `[n]`. */
  readonly path: RegExp;
  /** When set, allowed on this finding only. */
  readonly findingId?: string;
  readonly reason: string;
}

export const LEGACY_SHAPES: readonly LegacyShape[] = [
  {
    path: /^resource\.instanceDetails\.productCodes\[\d+\]\.(code|productType)$/,
    reason: "the 2018 GetFindings page's product code spelling (`code`/`productType`, wire: `productCodeId`/`productCodeType`), which the UI also reads",
  },
  {
    path: /^service\.additionalInfo\.sample$/,
    findingId: SAMPLE_FINDING_ID,
    reason: "the spec's sample finding, verbatim: its `additionalInfo` is `{\"sample\": true}` (wire: `{value, type}`)",
  },
];

/** The legacy shape that allows an unknown member at this wire path of this finding, if any. */
export const legacyShapeAt = (path: string, findingId: string): LegacyShape | undefined =>
  LEGACY_SHAPES.find((l) => l.path.test(path) && (!l.findingId || l.findingId === findingId));

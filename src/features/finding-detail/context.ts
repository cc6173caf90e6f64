import { createContext, useContext } from 'react';
import type { Finding } from '../../guardduty';

/** The finding on screen, for pieces deep in the tree (pivots, the attack-map link). */
export const FindingContext = createContext<Finding | undefined>(undefined);

export function useFinding(): Finding {
  const finding = useContext(FindingContext);
  if (!finding) throw new Error('useFinding outside FindingContext');
  return finding;
}

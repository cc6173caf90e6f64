import { useQuery } from '@tanstack/react-query';
import { detectorsQuery } from '../api/queries';
import { useFindingRef, useScope } from './scope';
import { matchPath, useLocation } from './router';

/**
 * The detector the screen reads: on a finding's page, the finding's; elsewhere the view's (none
 * in all-regions mode). `detectors` lists the detectors of that detector's region.
 */
export function useDetectorId() {
  const { pathname } = useLocation();
  const onFinding = matchPath(pathname).screen === 'finding';
  const { scope } = useScope();
  const finding = useFindingRef();
  const ref = onFinding ? finding.ref : scope?.kind === 'detector' ? scope : undefined;
  const detectors = useQuery({ ...detectorsQuery(ref?.region), enabled: !!ref });
  return { detectorId: ref?.detectorId, ref: ref ? { detectorId: ref.detectorId, region: ref.region } : undefined, detectors };
}

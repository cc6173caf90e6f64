import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { detectorsQuery } from '../api/queries';
import { useViewState } from './url-state';

/**
 * The detector the analyst looks at: the URL's, or the account's first detector (written into the
 * URL, replacing the entry, so the link is complete).
 */
export function useDetectorId() {
  const { state, update } = useViewState();
  const detectors = useQuery(detectorsQuery());
  const first = detectors.data?.detectorIds?.[0];
  useEffect(() => {
    if (!state.detectorId && first) update((s) => ({ ...s, detectorId: first }), { replace: true });
  }, [state.detectorId, first, update]);
  return { detectorId: state.detectorId ?? first, detectors };
}

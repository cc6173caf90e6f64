/**
 * Optional auto-refresh: polls ListFindings page 1 (same criteria, most recently updated first)
 * and counts ids that are neither in the first poll's answer (the baseline) nor loaded. The table
 * is not touched until the analyst chooses "show", so the scroll position stays where it is.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { firstPageIds, queryKeys } from '../../api/queries';
import type { Scope } from '../../api/scope';
import type { FindingCriteria } from '../../guardduty';
import { usePreference } from '../../lib/preferences';

export const AUTO_REFRESH_CHOICES = ['off', '30', '60', '300'] as const;
export type AutoRefresh = (typeof AUTO_REFRESH_CHOICES)[number];
export const useAutoRefreshPreference = () => usePreference<AutoRefresh>('fa.autoRefresh', 'off', AUTO_REFRESH_CHOICES);

interface PollData {
  baseline: string[];
  latest: string[];
}

export function useNewFindings(scope: Scope, criteria: FindingCriteria, loadedIds: ReadonlySet<string>, enabled: boolean) {
  const client = useQueryClient();
  const [interval] = useAutoRefreshPreference();
  const seconds = interval === 'off' ? 0 : Number(interval);
  const key = queryKeys.poll(scope, criteria);
  const poll = useQuery({
    queryKey: key,
    queryFn: async ({ signal }): Promise<PollData> => {
      const latest = await firstPageIds(scope, criteria, { attribute: 'updatedAt', order: 'DESC' }, signal);
      const previous = client.getQueryData<PollData>(key);
      return { baseline: previous?.baseline ?? latest, latest };
    },
    enabled: enabled && seconds > 0,
    refetchInterval: seconds > 0 ? seconds * 1000 : false,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });

  const newIds = useMemo(() => {
    if (!poll.data) return [];
    const base = new Set(poll.data.baseline);
    return poll.data.latest.filter((id) => !base.has(id) && !loadedIds.has(id));
  }, [poll.data, loadedIds]);

  /** After the list is refreshed: everything any poll has shown is known (a finding pushed off page 1 and back is not new). */
  const acknowledge = useCallback(() => {
    client.setQueryData<PollData>(key, (d) => (d ? { baseline: [...new Set([...d.baseline, ...d.latest])], latest: d.latest } : d));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is derived from scope and criteria
  }, [client, scope, criteria]);

  return { seconds, newIds, acknowledge, pollError: poll.error };
}

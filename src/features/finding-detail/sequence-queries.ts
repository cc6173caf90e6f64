/**
 * The reads an attack sequence's detail makes, through the same /api helpers as the table:
 * its member findings (ListFindings on `associatedAttackSequenceArn` → GetFindings) and, for a
 * member finding, its sequence (ListFindings on `arn` → GetFindings), in the finding's own detector
 * and region (a sequence and its members live together). Keys live under that detector's findings.
 */
import { queryOptions } from '@tanstack/react-query';
import { getFindings, listFindings } from '../../api/client';
import { queryKeys } from '../../api/queries';
import type { DetectorRef } from '../../api/scope';
import type { Finding } from '../../guardduty';

/** ListFindings' page maximum (and GetFindings' id maximum). */
const PAGE = 50;
/** A sequence has at most 100 signals; members beyond this many are not listed. */
export const MAX_MEMBERS = 200;

export interface SequenceMembers {
  findings: Finding[];
  /** More members exist than were loaded. */
  truncated: boolean;
}

async function findingsMatching(detectorId: DetectorRef, criterion: Record<string, { eq: string[] }>, limit: number, signal?: AbortSignal): Promise<SequenceMembers> {
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await listFindings(
      detectorId,
      {
        findingCriteria: { criterion },
        sortCriteria: { attributeName: 'service.eventFirstSeen', orderBy: 'ASC' },
        maxResults: Math.min(PAGE, limit - ids.length),
        ...(nextToken ? { nextToken } : {}),
      },
      signal,
    );
    for (const id of page.findingIds ?? []) if (!ids.includes(id)) ids.push(id);
    // AWS ends the list with "": no more pages.
    nextToken = page.nextToken || undefined;
  } while (nextToken && ids.length < limit);
  const found: Finding[] = [];
  for (let i = 0; i < ids.length; i += PAGE) {
    const { findings } = await getFindings(detectorId, ids.slice(i, i + PAGE), signal);
    found.push(...findings);
  }
  // In ListFindings' order (first seen first); GetFindings does not promise one.
  const byId = new Map(found.map((f) => [f.id, f]));
  return { findings: ids.map((id) => byId.get(id)).filter((f): f is Finding => !!f), truncated: !!nextToken };
}

export const sequenceMembersQuery = (detectorId: DetectorRef, sequenceArn: string) =>
  queryOptions({
    queryKey: queryKeys.sequenceMembers(detectorId, sequenceArn),
    queryFn: ({ signal }) => findingsMatching(detectorId, { associatedAttackSequenceArn: { eq: [sequenceArn] } }, MAX_MEMBERS, signal),
    staleTime: 60_000,
  });

export const findingByArnQuery = (detectorId: DetectorRef, arn: string) =>
  queryOptions({
    queryKey: queryKeys.findingByArn(detectorId, arn),
    queryFn: async ({ signal }) => (await findingsMatching(detectorId, { arn: { eq: [arn] } }, 1, signal)).findings[0] ?? null,
    staleTime: 60_000,
  });

import type { Finding } from '../../../src/guardduty';
import { HOUR, formatTimestamp } from './time';

/**
 * Gives two findings the same second in GuardDuty's two timestamp forms, `…:31Z` and
 * `…:31.927Z` (the spec's example). As text the first sorts after the second; in time it is
 * earlier. Without such a pair no test could tell a chronological sort from a text sort.
 */
export function plantTimestampTwins(first: Finding, second: Finding, now: number): void {
  const second0 = Math.floor((now - 2 * HOUR) / 1000) * 1000;
  const plain = formatTimestamp(second0, false);
  const precise = formatTimestamp(second0 + 927, true);
  for (const [finding, at] of [[first, plain], [second, precise]] as const) {
    finding.createdAt = finding.updatedAt = at;
    finding.service!.eventFirstSeen = finding.service!.eventLastSeen = at;
    finding.service!.count = 1;
  }
}

import type { RegionInfo } from '../api/client';
import { OVERVIEW_PATH, screenHref } from '../view/paths';
import { linkClick } from '../view/router';
import { useViewState } from '../view/url-state';

const WHY: Record<RegionInfo['status'], (region: string) => string> = {
  ok: (r) => `${r} has no detector the server can read.`,
  throttled: (r) => `${r} is throttling requests. Try again in a moment.`,
  error: (r) => `${r} could not be read.`,
  'not-enabled': (r) => `${r} is an opt-in region this account has not enabled, so GuardDuty cannot run there.`,
  'no-detector': (r) => `GuardDuty has no detector in ${r}: enable GuardDuty in that region to see its findings.`,
};

/** A chosen region with nothing to read: why, in the server's words too, and the way to every region. */
export function RegionUnavailable({ info }: { info: RegionInfo }) {
  const { state } = useViewState();
  const href = screenHref(window.location.pathname === OVERVIEW_PATH ? 'overview' : 'findings', state, { region: 'all', detectorId: undefined });
  return (
    <div className="empty-state region-unavailable" role="status">
      <h2>No findings to show in {info.region}</h2>
      <p>{WHY[info.status](info.region)}</p>
      {info.message && <p className="region-unavailable-message">{info.message}</p>}
      <p>
        <a
          className="button"
          href={href}
          onClick={linkClick(href)}
        >
          Show all regions
        </a>
      </p>
    </div>
  );
}

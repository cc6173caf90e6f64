import type { RegionInfo } from '../api/client';
import { navigate, OVERVIEW_PATH } from '../view/router';
import { useViewState, viewHref } from '../view/url-state';

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
  const href = viewHref(window.location.pathname === OVERVIEW_PATH ? OVERVIEW_PATH : '/', { ...state, region: 'all', detectorId: undefined });
  return (
    <div className="empty-state region-unavailable" role="status">
      <h2>No findings to show in {info.region}</h2>
      <p>{WHY[info.status](info.region)}</p>
      {info.message && <p className="region-unavailable-message">{info.message}</p>}
      <p>
        <a
          className="button"
          href={href}
          onClick={(e) => {
            if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
            e.preventDefault();
            navigate(href);
          }}
        >
          Show all regions
        </a>
      </p>
    </div>
  );
}

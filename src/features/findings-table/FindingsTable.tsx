import { useInfiniteQuery } from '@tanstack/react-query';
import { findingsQuery } from '../../api/queries';
import { findingPath, navigate } from '../../app/router';
import { useFindingCriteria, useViewState } from '../../app/url-state';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SeverityBadge } from '../../components/SeverityBadge';
import { Time } from '../../components/Time';
import { resourceTypeOf, type Finding } from '../../guardduty';

function resourceLabel(f: Finding): string {
  return f.resource?.instanceDetails?.instanceId ?? f.resource?.accessKeyDetails?.userName ?? resourceTypeOf(f) ?? '—';
}

/** First screen: the first 50 findings of the detector, most recently seen first. */
export function FindingsTable({ detectorId }: { detectorId: string }) {
  const { state } = useViewState();
  const criteria = useFindingCriteria(state.filters);
  const query = useInfiniteQuery(findingsQuery(detectorId, criteria, state.sort));
  const findings = query.data?.pages.flatMap((p) => p.findings) ?? [];
  if (query.isError) return <ErrorBanner error={query.error} context="Could not load findings" onRetry={() => query.refetch()} />;
  if (query.isPending) return <p className="loading-line">Loading findings…</p>;
  return (
    <table className="findings-table">
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Title</th>
          <th scope="col">Type</th>
          <th scope="col">Resource</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f) => (
          <tr key={f.id}>
            <td><SeverityBadge severity={f.severity} /></td>
            <td>
              <a href={findingPath(f.id)} onClick={(e) => { e.preventDefault(); navigate(`${findingPath(f.id)}${window.location.search}`); }}>
                {f.title ?? f.id}
              </a>
            </td>
            <td>{f.type ?? '—'}</td>
            <td>{resourceLabel(f)}</td>
            <td><Time value={f.updatedAt} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { findingQuery } from '../../api/queries';
import { useDetectorId } from '../../app/useDetector';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SeverityBadge } from '../../components/SeverityBadge';

/** One finding (the full drill-down is its own issue). */
export default function FindingDetailScreen({ findingId }: { findingId: string }) {
  const { detectorId } = useDetectorId();
  const client = useQueryClient();
  const query = useQuery({ ...findingQuery(client, detectorId ?? '', findingId), enabled: !!detectorId });
  return (
    <main id="main" className="page">
      {query.isError && <ErrorBanner error={query.error} onRetry={() => query.refetch()} />}
      {query.data === null && <p>No finding with id {findingId} in this detector.</p>}
      {query.data && (
        <article>
          <h1>{query.data.title ?? query.data.id}</h1>
          <SeverityBadge severity={query.data.severity} />
          <p>{query.data.description}</p>
          <pre className="raw-json">{JSON.stringify(query.data, null, 2)}</pre>
        </article>
      )}
    </main>
  );
}

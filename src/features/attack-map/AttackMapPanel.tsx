/** Placeholder until the attack map lands (its own issue). */
export default function AttackMapPanel({ detectorId }: { detectorId: string }) {
  return <p className="muted">The attack map for detector {detectorId} is not built yet.</p>;
}

export function Spinner({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="loading-block" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** Grey placeholder lines the shape of the content that is on its way. */
export function SkeletonLines({ lines = 4 }: { lines?: number }) {
  return (
    <div className="skeleton-lines" aria-hidden="true">
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton" style={{ width: `${90 - ((i * 17) % 45)}%` }} />
      ))}
    </div>
  );
}

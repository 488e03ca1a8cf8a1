/** Placeholder while a section's data streams in (the page's auth check has already run). */
export function TableSkeleton({ rows = 8, label = "Loading…" }: { rows?: number; label?: string }) {
  return (
    <div className="space-y-2" aria-busy="true" role="status">
      <span className="sr-only">{label}</span>
      <div className="h-10 w-full animate-pulse rounded bg-gray-200" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-12 w-full animate-pulse rounded bg-gray-100" />
      ))}
    </div>
  );
}

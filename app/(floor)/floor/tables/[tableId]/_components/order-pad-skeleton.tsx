/** Placeholder while the order pad's order and menu load (the page has already checked access). */
export function OrderPadSkeleton() {
  return (
    <div
      className="flex h-[calc(100dvh-5.5rem)] animate-pulse gap-3"
      aria-busy="true"
      aria-label="Loading the order pad"
    >
      <div className="w-40 space-y-2">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-14 rounded-xl bg-gray-200" />
        ))}
      </div>
      <div className="grid flex-1 auto-rows-min grid-cols-3 gap-2">
        {Array.from({ length: 9 }, (_, i) => (
          <div key={i} className="h-24 rounded-xl bg-gray-200" />
        ))}
      </div>
      <div className="w-[22rem] rounded-2xl bg-gray-200" />
    </div>
  );
}

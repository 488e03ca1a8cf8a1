"use client";

// PLACEHOLDER: the waitlist helper's branch brings the real panel; the merge takes theirs.
export function WaitlistPanel({ locationId }: { locationId: string }) {
  return (
    <section
      aria-label="Waitlist"
      data-location={locationId}
      className="flex h-full min-h-40 items-center justify-center rounded-xl border-2 border-dashed border-gray-300 bg-white p-4 text-lg font-semibold text-gray-700"
    >
      Waitlist
    </section>
  );
}

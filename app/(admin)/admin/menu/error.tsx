"use client";

export default function MenuError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3 rounded-xl border border-red-200 bg-red-50 p-6">
      <p className="text-lg font-semibold text-red-800">The menu could not be loaded.</p>
      <p className="text-sm text-red-700">Reference: {error.digest ?? "unknown"}. Your changes so far are saved.</p>
      <button type="button" onClick={reset} className="min-h-11 rounded-lg bg-gray-900 px-4 font-semibold text-white">
        Try again
      </button>
    </div>
  );
}

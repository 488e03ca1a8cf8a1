"use client";

import { useEffect, useState } from "react";

type Props = {
  /** What failed to load, as the reader calls it: "The menu", "The floor plan". */
  what: string;
  error: unknown;
  /** Next's retry(): re-fetches and re-renders the segment (reset() alone would re-render stale data). */
  retry: () => void;
  dark?: boolean;
  /** Screens nobody touches (the kitchen display) try again on their own. */
  autoRetrySeconds?: number;
};

/** The one error boundary body: what failed, a reference to quote, a large Try again. */
export function ErrorPanel({ what, error, retry, dark = false, autoRetrySeconds }: Props) {
  const digest =
    typeof error === "object" && error && "digest" in error ? String((error as { digest?: unknown }).digest ?? "") : "";
  const [left, setLeft] = useState(autoRetrySeconds ?? 0);

  useEffect(() => {
    console.error(error);
  }, [error]);

  useEffect(() => {
    if (!autoRetrySeconds) return;
    const timer = setInterval(() => {
      setLeft((s) => {
        if (s <= 1) {
          retry();
          return autoRetrySeconds;
        }
        return s - 1;
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [autoRetrySeconds, retry]);

  const box = dark ? "border-red-400 bg-gray-900 text-white" : "border-red-200 bg-red-50 text-red-900";
  return (
    <div role="alert" data-testid="error-panel" className={`m-4 space-y-3 rounded-xl border-2 p-6 ${box}`}>
      <p className={`font-semibold ${dark ? "text-3xl" : "text-lg"}`}>{what} could not be loaded.</p>
      <p className={dark ? "text-lg text-gray-200" : "text-sm text-red-800"}>
        Nothing you saved is lost.{" "}
        {digest && (
          <>
            Reference: <span className="font-mono">{digest}</span>.
          </>
        )}
        {autoRetrySeconds ? ` Trying again in ${left} s.` : ""}
      </p>
      <button
        type="button"
        onClick={retry}
        className={`min-h-12 rounded-lg px-5 font-semibold ${dark ? "bg-white text-gray-900" : "bg-gray-900 text-white"}`}
      >
        Try again
      </button>
    </div>
  );
}

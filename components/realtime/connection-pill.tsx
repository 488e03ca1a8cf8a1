"use client";

import { useEffect, useState } from "react";
import type { ConnectionState } from "./use-realtime";

function useSecondsSince(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return at == null ? null : Math.max(0, Math.round((now - at) / 1000));
}

/**
 * Where a cook or a server can see whether the screen is live: "Live", "last event 12 s ago",
 * "Offline, reconnecting…". While offline the screen still catches up by polling the server.
 */
export function ConnectionPill({
  state,
  lastEventAt,
  serverUnreachable = false,
  error,
  dark = false,
  large = false,
  compact = false,
}: {
  state: ConnectionState;
  lastEventAt: number | null;
  serverUnreachable?: boolean;
  error?: string | null;
  dark?: boolean;
  large?: boolean;
  /** One word ("Live", "Offline"…) for crowded headers; the full text is its tooltip and accessible name. */
  compact?: boolean;
}) {
  const ago = useSecondsSince(lastEventAt);
  const offline = state === "offline" || serverUnreachable || !!error;
  const label = error
    ? error
    : serverUnreachable
      ? "Offline: server unreachable, retrying…"
      : state === "offline"
        ? "Offline, reconnecting…"
        : state === "connecting"
          ? "Connecting…"
          : ago == null
            ? "Live"
            : `Live · last event ${formatAgo(ago)} ago`;
  const short = offline ? "Offline" : state === "connecting" ? "Connecting…" : "Live";
  const tone = offline
    ? dark
      ? "bg-red-600 text-white"
      : "bg-red-100 text-red-800"
    : state === "connecting"
      ? dark
        ? "bg-amber-500 text-black"
        : "bg-amber-100 text-amber-900"
      : dark
        ? "bg-green-700 text-white"
        : "bg-green-100 text-green-800";
  return (
    <span
      role="status"
      aria-live="polite"
      data-testid="realtime-health"
      data-state={offline ? "offline" : state}
      title={compact ? label : undefined}
      className={`inline-flex items-center gap-2 whitespace-nowrap rounded-full px-3 py-1 font-semibold ${large ? "text-lg" : "text-sm"} ${tone}`}
    >
      <span
        aria-hidden
        className={`inline-block h-2.5 w-2.5 rounded-full ${offline ? "bg-white" : state === "connecting" ? "bg-black/60" : "bg-current"} ${offline ? "animate-pulse" : ""}`}
      />
      {compact ? (
        <>
          <span aria-hidden>{short}</span>
          <span className="sr-only">{label}</span>
        </>
      ) : (
        label
      )}
    </span>
  );
}

function formatAgo(s: number): string {
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  return `${Math.floor(s / 3600)} h`;
}

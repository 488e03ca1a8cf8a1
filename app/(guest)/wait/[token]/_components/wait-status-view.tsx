"use client";

import { useQuery } from "@tanstack/react-query";
import Pusher from "pusher-js";
import { useEffect, useState } from "react";
import { fetchJson } from "@/components/realtime/fetch-json";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { WAIT_EVENTS } from "@/lib/realtime/events";

export type WaitStatusJson = {
  restaurant: string;
  firstName: string;
  partySize: number;
  status: "WAITING" | "NOTIFIED" | "SEATED" | "LEFT";
  position: number | null;
  quotedMinutes: number;
  waitedMinutes: number;
  expectedMinutes: number | null;
  channel: string;
  now: string;
};

/** Polling is the fallback when the live channel is down (or blocked); the channel makes it instant. */
const POLL_MS = 20_000;

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${n % 10 > 3 ? "th" : suffix}`;
}

/**
 * The guest's own socket: a separate pusher-js client (no staff session), signed in through the
 * status link so the realtime server keeps it, on the entry's public channel.
 */
function useWaitChannel(config: PusherClientConfig, token: string, channel: string, onChange: () => void) {
  useEffect(() => {
    const pusher = new Pusher(config.key, {
      cluster: config.cluster,
      ...(config.wsHost
        ? {
            wsHost: config.wsHost,
            wsPort: config.wsPort ?? undefined,
            wssPort: config.wsPort ?? undefined,
            forceTLS: config.forceTLS,
            enabledTransports: config.forceTLS ? ["wss"] : ["ws"],
          }
        : { forceTLS: true }),
      disableStats: true,
      userAuthentication: { endpoint: `/api/wait/${encodeURIComponent(token)}/realtime`, transport: "ajax" },
    });
    pusher.signin();
    const sub = pusher.subscribe(channel);
    sub.bind(WAIT_EVENTS.changed, onChange);
    // Back from a dropped connection (a phone waking up): catch up at once.
    pusher.connection.bind("connected", onChange);
    return () => pusher.disconnect();
  }, [config, token, channel, onChange]);
}

export function WaitStatusView({
  token,
  initial,
  config,
}: {
  token: string;
  initial: WaitStatusJson;
  config: PusherClientConfig;
}) {
  const query = useQuery({
    queryKey: ["wait", token],
    queryFn: () => fetchJson<WaitStatusJson>(`/api/wait/${encodeURIComponent(token)}`),
    initialData: initial,
    refetchInterval: POLL_MS,
  });
  const { refetch } = query;
  const [onChange] = useState(() => () => void refetch());
  useWaitChannel(config, token, initial.channel, onChange);

  // The minutes waited keep counting between refetches.
  const [clock, setClock] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setClock(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);
  const s = query.data;
  const sinceFetch = Math.floor((clock - query.dataUpdatedAt) / 60_000);
  const waited =
    s.status === "WAITING" || s.status === "NOTIFIED" ? s.waitedMinutes + Math.max(0, sinceFetch) : s.waitedMinutes;

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col gap-5 p-5">
      <header className="pt-4">
        <p className="text-sm font-semibold uppercase tracking-wide text-gray-600">{s.restaurant}</p>
        <h1 className="mt-1 text-2xl font-bold">Hi {s.firstName}</h1>
      </header>

      <section aria-live="polite" aria-atomic="true" className="flex flex-col gap-4">
        {s.status === "WAITING" && (
          <div className="rounded-2xl border border-gray-200 bg-white p-6 shadow-sm">
            <p className="text-3xl font-black">
              {s.position === 1
                ? "You’re next in line"
                : s.position
                  ? `You’re ${ordinal(s.position)} in line`
                  : "You’re on the list"}
            </p>
            <dl className="mt-5 grid grid-cols-2 gap-4">
              <div>
                <dt className="text-sm text-gray-600">Quoted wait</dt>
                <dd className="text-2xl font-bold">{s.quotedMinutes} min</dd>
              </div>
              <div>
                <dt className="text-sm text-gray-600">You’ve waited</dt>
                <dd className="text-2xl font-bold">{waited} min</dd>
              </div>
            </dl>
            {s.expectedMinutes !== null && (
              <p className="mt-4 text-gray-700">
                {s.expectedMinutes === 0
                  ? "A table should be ready any minute."
                  : `About ${s.expectedMinutes} more minutes, as things stand now.`}
              </p>
            )}
          </div>
        )}
        {s.status === "NOTIFIED" && (
          <div className="rounded-2xl border-2 border-green-700 bg-green-50 p-6">
            <p className="text-3xl font-black text-green-900">Your table is ready</p>
            <p className="mt-2 text-lg text-green-900">Please come to the host stand.</p>
          </div>
        )}
        {s.status === "SEATED" && (
          <div className="rounded-2xl border border-gray-200 bg-white p-6">
            <p className="text-2xl font-bold">You’re seated — enjoy your meal!</p>
          </div>
        )}
        {s.status === "LEFT" && (
          <div className="rounded-2xl border border-gray-200 bg-white p-6">
            <p className="text-2xl font-bold">You’re no longer on the waitlist</p>
            <p className="mt-2 text-gray-700">If that’s a mistake, please ask at the host stand.</p>
          </div>
        )}
      </section>

      <p className="text-sm text-gray-600">
        Party of {s.partySize}. This page updates by itself
        {query.isError ? " — we can’t reach the restaurant right now; we’ll keep trying." : "."}
      </p>
    </main>
  );
}

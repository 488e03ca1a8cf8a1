"use client";

import { useQuery } from "@tanstack/react-query";
import Pusher from "pusher-js";
import { useEffect, useState } from "react";
import { fetchJson } from "@/components/realtime/fetch-json";
import type { OnlineTracking } from "@/lib/online/get-online-tracking";
import { formatCents } from "@/lib/money";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { TRACK_EVENTS, type TrackPosition } from "@/lib/realtime/events";

/** Polling is the fallback when the live channel is down (or blocked); the channel makes it instant. */
const POLL_MS = 15_000;

const PAYMENT: Record<string, string> = {
  CASH_ON_DELIVERY: "Cash on delivery",
  CARD_ON_DELIVERY: "Card at the door",
  PAY_AT_PICKUP: "Pay at pickup",
};

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });

/** The page's own socket (no session), signed in through the tracking link, on the order's public channel. */
function useTrackChannel(
  config: PusherClientConfig,
  token: string,
  channel: string,
  onChange: () => void,
  onPosition: (p: TrackPosition) => void,
) {
  const [live, setLive] = useState(false);
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
      userAuthentication: { endpoint: `/api/public/track/${encodeURIComponent(token)}/realtime`, transport: "ajax" },
    });
    pusher.signin();
    const sub = pusher.subscribe(channel);
    sub.bind(TRACK_EVENTS.changed, onChange);
    sub.bind(TRACK_EVENTS.position, onPosition);
    pusher.connection.bind("state_change", (s: { current: string }) => setLive(s.current === "connected"));
    // Back from a dropped connection (a phone waking up): catch up at once.
    pusher.connection.bind("connected", onChange);
    return () => pusher.disconnect();
  }, [config, token, channel, onChange, onPosition]);
  return live;
}

export function TrackingView({
  token,
  initial,
  config,
}: {
  token: string;
  initial: OnlineTracking;
  config: PusherClientConfig;
}) {
  const query = useQuery({
    queryKey: ["track", token],
    queryFn: () => fetchJson<OnlineTracking>(`/api/public/orders/${encodeURIComponent(token)}`),
    initialData: initial,
    refetchInterval: POLL_MS,
  });
  const { refetch } = query;
  const [pushed, setPushed] = useState<TrackPosition | null>(null);
  const [onChange] = useState(() => () => void refetch());
  const [onPosition] = useState(() => (p: TrackPosition) => setPushed(p));
  const live = useTrackChannel(config, token, initial.channel, onChange, onPosition);

  const t = query.data;
  const fetched = t.driver?.position ?? null;
  // The newer of the pushed position and the fetched one.
  const position =
    pushed && (!fetched || pushed.at >= Date.parse(fetched.at))
      ? { lat: pushed.lat, lng: pushed.lng, eta: pushed.etaMinutes }
      : fetched
        ? { lat: fetched.lat, lng: fetched.lng, eta: t.driver?.etaMinutes ?? null }
        : null;

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col gap-5 p-5">
      <header className="pt-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-gray-600">{t.restaurant.name}</p>
        <h1 className="mt-1 text-2xl font-bold">
          {t.firstName ? `Thanks, ${t.firstName}` : "Your order"} · #{t.orderNumber}
        </h1>
      </header>

      <section
        aria-live="polite"
        aria-atomic="true"
        className="rounded-2xl border border-gray-200 bg-white p-5 shadow-sm"
        data-testid="track-status"
        data-status={t.status}
      >
        <p className="text-3xl font-black">{t.statusLabel}</p>
        {t.status !== "CANCELLED" && t.status !== "FAILED" && (
          <p className="mt-2 text-lg text-gray-700" data-testid="track-promised">
            {t.fulfilment === "DELIVERY" ? "Delivery" : "Pickup"} {t.requestedAsap ? "at about" : "at"}{" "}
            <time dateTime={t.promisedAt}>{time(t.promisedAt)}</time>
          </p>
        )}
        {t.status === "OUT_FOR_DELIVERY" && t.driver && (
          <p className="mt-2 text-lg" data-testid="track-driver">
            {t.driver.firstName ? `${t.driver.firstName} is on the way` : "Your driver is on the way"}
            {position?.eta != null && (
              <span data-testid="track-eta">
                {" "}
                · {position.eta === 0 ? "arriving now" : `about ${position.eta} min away`}
              </span>
            )}
          </p>
        )}
        {(t.status === "CANCELLED" || t.status === "FAILED") && t.restaurant.phone && (
          <p className="mt-2 text-lg">
            Questions? Call{" "}
            <a href={`tel:${t.restaurant.phone}`} className="font-semibold underline">
              {t.restaurant.phone}
            </a>
          </p>
        )}
      </section>

      {t.status === "OUT_FOR_DELIVERY" && t.deliverTo && t.restaurant.position && (
        <PositionView kitchen={t.restaurant.position} home={t.deliverTo} driver={position} />
      )}

      <ol className="flex flex-col gap-2" aria-label="Order progress" data-testid="track-steps">
        {t.steps.map((s) => (
          <li
            key={s.status}
            data-testid="track-step"
            data-step={s.status}
            data-done={s.done ? "true" : "false"}
            className={`flex min-h-11 items-center justify-between rounded-xl px-4 py-2 ${s.done ? "bg-green-50 text-green-900" : "bg-white text-gray-600"}`}
          >
            <span className="font-semibold">
              <span aria-hidden="true">{s.done ? "✓ " : "○ "}</span>
              {s.label}
              <span className="sr-only">{s.done ? " (done)" : " (to come)"}</span>
            </span>
            {s.at && <time dateTime={s.at}>{time(s.at)}</time>}
          </li>
        ))}
      </ol>

      <section className="rounded-2xl border border-gray-200 bg-white p-5" aria-label="Your order">
        <ul className="flex flex-col gap-1">
          {t.items.map((i, n) => (
            <li key={n}>
              {i.quantity} × {i.name}
              {i.modifiers.length > 0 && <span className="text-gray-600"> ({i.modifiers.join(", ")})</span>}
            </li>
          ))}
        </ul>
        <dl className="mt-4 grid grid-cols-2 gap-1 text-gray-800">
          <dt>Subtotal</dt>
          <dd className="text-right">{formatCents(t.subtotalCents, t.currency)}</dd>
          {t.deliveryFeeCents > 0 && (
            <>
              <dt>Delivery fee</dt>
              <dd className="text-right">{formatCents(t.deliveryFeeCents, t.currency)}</dd>
            </>
          )}
          {/* The fee's tax is in here: the fee is taxed at the location's delivery fee rate. */}
          <dt>Tax</dt>
          <dd className="text-right">{formatCents(t.taxCents, t.currency)}</dd>
          <dt className="font-bold">Total</dt>
          <dd className="text-right font-bold" data-testid="track-total">
            {formatCents(t.totalCents, t.currency)}
          </dd>
        </dl>
        <p className="mt-3 text-gray-700">
          {PAYMENT[t.payment] ?? t.payment}
          {t.changeForCents ? ` · change for ${formatCents(t.changeForCents, t.currency)}` : ""}
        </p>
        {t.deliverTo?.street && <p className="mt-1 text-gray-700">To: {t.deliverTo.street}</p>}
      </section>

      <p className="text-sm text-gray-600">
        This page updates by itself{live ? "" : " every few seconds"}
        {query.isError ? " — we can’t reach the restaurant right now; we’ll keep trying." : "."}
      </p>
    </main>
  );
}

/**
 * A map-less picture of the trip: the kitchen, the customer's door and the driver's dot, placed
 * by their coordinates in a box around the three.
 */
function PositionView({
  kitchen,
  home,
  driver,
}: {
  kitchen: { lat: number; lng: number };
  home: { lat: number; lng: number };
  driver: { lat: number; lng: number; eta: number | null } | null;
}) {
  const pts = [kitchen, home, ...(driver ? [driver] : [])];
  const minLat = Math.min(...pts.map((p) => p.lat));
  const maxLat = Math.max(...pts.map((p) => p.lat));
  const minLng = Math.min(...pts.map((p) => p.lng));
  const maxLng = Math.max(...pts.map((p) => p.lng));
  const span = Math.max(maxLat - minLat, maxLng - minLng, 0.002);
  const W = 300;
  const H = 200;
  const pad = 24;
  const x = (lng: number) => pad + ((lng - minLng) / span) * (W - 2 * pad);
  const y = (lat: number) => H - pad - ((lat - minLat) / span) * (H - 2 * pad);
  return (
    <figure className="rounded-2xl border border-gray-200 bg-white p-3">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Where your driver is" className="h-auto w-full">
        <line
          x1={x(kitchen.lng)}
          y1={y(kitchen.lat)}
          x2={x(home.lng)}
          y2={y(home.lat)}
          stroke="#d1d5db"
          strokeDasharray="4 4"
          strokeWidth={2}
        />
        <circle cx={x(kitchen.lng)} cy={y(kitchen.lat)} r={8} fill="#b45309" />
        <text x={x(kitchen.lng) + 10} y={y(kitchen.lat) + 4} fontSize={12}>
          Kitchen
        </text>
        <circle cx={x(home.lng)} cy={y(home.lat)} r={8} fill="#15803d" />
        <text x={x(home.lng) + 10} y={y(home.lat) + 4} fontSize={12}>
          You
        </text>
        {driver && <circle cx={x(driver.lng)} cy={y(driver.lat)} r={9} fill="#1d4ed8" stroke="white" strokeWidth={3} />}
      </svg>
      <figcaption
        data-testid="driver-position"
        data-lat={driver?.lat ?? ""}
        data-lng={driver?.lng ?? ""}
        className="mt-1 text-sm text-gray-700"
      >
        {driver
          ? driver.eta != null
            ? `Driver ${driver.eta === 0 ? "arriving now" : `about ${driver.eta} min away`}`
            : "Driver on the way"
          : "Waiting for the driver’s position…"}
      </figcaption>
    </figure>
  );
}

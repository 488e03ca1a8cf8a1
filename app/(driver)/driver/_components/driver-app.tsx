"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ConnectionPill } from "@/components/realtime/connection-pill";
import { useRealtime } from "@/components/realtime/use-realtime";
import { Button } from "@/components/ui/button";
import type { DriverDelivery, DriverRoute, MyDeliveries } from "@/lib/driver/list-my-deliveries";
import type { Jsonify } from "@/lib/jsonify";
import { formatCents } from "@/lib/money";
import { DRIVER_EVENTS } from "@/lib/realtime/events";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { PositionSharing } from "./position-sharing";
import { DoorPayment, deliveredBody, type DoorFields } from "./door-payment";

type Data = Jsonify<MyDeliveries>;
type Route = Jsonify<DriverRoute>;
type Delivery = Jsonify<DriverDelivery>;

const API = "/api/v1/delivery/drivers/me";
/** The driver's channel says when to refetch; the poll only catches what a dropped socket missed. */
const POLL_MS = 60_000;

/** POST to the driver API; answers the error message or null. */
async function post(
  path: string,
  body?: unknown,
): Promise<{ error: string | null; fieldErrors?: Record<string, string[]> }> {
  try {
    const res = await fetch(`${API}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body ?? {}),
    });
    if (res.ok) return { error: null };
    const json = (await res.json().catch(() => null)) as {
      error?: { message?: string; fieldErrors?: Record<string, string[]> };
    } | null;
    return { error: json?.error?.message ?? `Failed (${res.status})`, fieldErrors: json?.error?.fieldErrors };
  } catch {
    return { error: "No connection. Check your signal and try again." };
  }
}

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

const STATUS: Record<string, string> = {
  RECEIVED: "Received",
  IN_KITCHEN: "In the kitchen",
  READY: "Ready",
  OUT_FOR_DELIVERY: "Out for delivery",
  DELIVERED: "Delivered",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
  PICKED_UP: "Collected",
};

export function DriverApp({
  initial,
  config,
  channel,
}: {
  initial: Data;
  config: PusherClientConfig;
  /** This driver's own channel (private-loc-<location>-driver-<user>). */
  channel: string;
}) {
  const [data, setData] = useState<Data>(initial);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dutyError, setDutyError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // One fetch at a time; a request made meanwhile runs once after it (a burst of events, a pickup of
  // several orders), so an older answer never lands after a newer one.
  const inFlight = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const refresh = useCallback(async (): Promise<void> => {
    if (inFlight.current) {
      again.current = true;
      return inFlight.current;
    }
    const run = async () => {
      do {
        again.current = false;
        try {
          const res = await fetch(`${API}/deliveries`, { cache: "no-store" });
          if (!res.ok) throw new Error(String(res.status));
          setData((await res.json()) as Data);
          setLoadError(null);
        } catch {
          setLoadError("Could not refresh your deliveries; retrying.");
        }
      } while (again.current);
    };
    inFlight.current = run().finally(() => {
      inFlight.current = null;
    });
    return inFlight.current;
  }, []);

  const realtime = useRealtime({
    config,
    channel,
    // Subscribed, or back after a drop: whatever was published meanwhile is fetched now.
    onConnected: () => void refresh(),
    onEvent: (name) => {
      if (name === DRIVER_EVENTS.changed) void refresh();
    },
  });

  useEffect(() => {
    const timer = setInterval(refresh, POLL_MS);
    const onVisible = () => document.visibilityState === "visible" && void refresh();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [refresh]);

  const onDuty = data.shift !== null;
  async function toggleDuty() {
    setBusy(true);
    const { error } = await post("/duty", { onDuty: !onDuty });
    setDutyError(error);
    await refresh();
    setBusy(false);
  }

  return (
    <div className="space-y-3">
      <section className="flex items-center justify-between gap-3 rounded-xl bg-white p-4 shadow-sm">
        <div>
          <p className="font-semibold">{onDuty ? "On duty" : "Off duty"}</p>
          {data.shift && (
            <p className="text-sm text-gray-600">
              Cash to hand in:{" "}
              <span data-testid="driver-cash-total" className="font-bold text-gray-900">
                {formatCents(data.shift.cashToHandInCents)}
              </span>
            </p>
          )}
        </div>
        <div className="flex shrink-0 flex-col items-end gap-2">
          <ConnectionPill
            state={realtime.state}
            lastEventAt={realtime.lastEventAt}
            error={realtime.error}
            serverUnreachable={loadError !== null}
            compact
          />
          <button
            type="button"
            role="switch"
            aria-checked={onDuty}
            aria-label="On duty"
            data-testid="duty-toggle"
            disabled={busy}
            onClick={toggleDuty}
            className={`relative inline-flex h-12 w-24 shrink-0 items-center rounded-full transition-colors disabled:opacity-60 ${onDuty ? "bg-green-600" : "bg-gray-300"}`}
          >
            <span
              aria-hidden
              className={`inline-block h-10 w-10 rounded-full bg-white shadow transition-transform ${onDuty ? "translate-x-13" : "translate-x-1"}`}
            />
          </button>
        </div>
      </section>
      {dutyError && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">
          {dutyError}
        </p>
      )}
      {loadError && (
        <p role="status" className="rounded-lg bg-amber-50 p-3 text-amber-900">
          {loadError}
        </p>
      )}
      <PositionSharing active={data.sharingPosition} onStopped={refresh} />
      {data.routes.length === 0 ? (
        <p data-testid="no-deliveries" className="rounded-xl bg-white p-6 text-center text-gray-600 shadow-sm">
          {onDuty ? "No deliveries assigned yet. New ones appear here." : "Go on duty to receive deliveries."}
        </p>
      ) : (
        data.routes.map((r) => <RouteCard key={r.id} route={r} onDone={refresh} />)
      )}
    </div>
  );
}

function RouteCard({ route, onDone }: { route: Route; onDone: () => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notReady = route.orders.filter((o) => ["RECEIVED", "IN_KITCHEN"].includes(o.status));
  async function pickUp() {
    setBusy(true);
    const res = await post(`/routes/${route.id}/pickup`);
    setError(res.error);
    await onDone();
    setBusy(false);
  }
  return (
    <section aria-label={`Route of ${route.orders.length} stops`} className="space-y-2">
      {route.status === "PLANNED" && (
        <div className="rounded-xl bg-white p-3 shadow-sm">
          <Button
            data-testid="pickup-route"
            className="w-full text-lg"
            disabled={busy || !route.canPickUp}
            onClick={pickUp}
          >
            Picked up ({route.orders.length} {route.orders.length === 1 ? "order" : "orders"})
          </Button>
          {notReady.length > 0 && (
            <p className="mt-2 text-sm text-gray-700">
              Waiting for the kitchen: {notReady.map((o) => `#${o.orderNumber}`).join(", ")}
            </p>
          )}
          {error && (
            <p role="alert" className="mt-2 text-red-700">
              {error}
            </p>
          )}
        </div>
      )}
      <ol className="space-y-2">
        {route.orders.map((o) => (
          <DeliveryCard key={o.orderId} d={o} onDone={onDone} />
        ))}
      </ol>
    </section>
  );
}

function DeliveryCard({ d, onDone }: { d: Delivery; onDone: () => Promise<void> }) {
  const cod = d.payment === "CASH_ON_DELIVERY";
  const out = d.status === "OUT_FOR_DELIVERY";
  const due = d.amountToCollectCents;
  const [door, setDoor] = useState<DoorFields>({
    tender: d.payment === "CARD_ON_DELIVERY" ? "CARD" : "CASH",
    cash: (due / 100).toFixed(2),
    reference: "",
    last4: "",
    tip: "",
  });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  const [failing, setFailing] = useState(false);
  const [reason, setReason] = useState("NO_ANSWER");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const n = d.orderNumber;

  async function delivered() {
    const typed = deliveredBody(due, door);
    if ("error" in typed) {
      setFieldErrors({ [typed.field]: [typed.error] });
      setError(typed.error);
      return;
    }
    setBusy(true);
    const res = await post(`/orders/${d.orderId}/delivered`, typed.body);
    setFieldErrors(res.fieldErrors ?? {});
    setError(res.error);
    await onDone();
    setBusy(false);
  }

  async function failed() {
    setBusy(true);
    const res = await post(`/orders/${d.orderId}/failed`, { reason, note: note.trim() || undefined });
    setError(res.fieldErrors?.note?.[0] ?? res.error);
    if (!res.error) setFailing(false);
    await onDone();
    setBusy(false);
  }

  const final = ["DELIVERED", "FAILED", "CANCELLED"].includes(d.status);
  return (
    <li
      data-testid={`delivery-${n}`}
      className={`rounded-xl p-4 shadow-sm ${final ? "border border-gray-200 bg-gray-50" : "bg-white"}`}
    >
      <div className="flex items-baseline justify-between gap-2">
        <p className="text-lg font-bold">
          {d.routeSeq ?? "–"}. #{n} · {d.customerFirstName || "Customer"}
        </p>
        <p className="text-sm font-semibold text-gray-700">{STATUS[d.status] ?? d.status}</p>
      </div>
      <p className="mt-1 text-lg">
        {d.addressReadable
          ? [d.address.street, d.address.unit].filter(Boolean).join(", ")
          : "Address unreadable — call the restaurant"}
      </p>
      {d.address.notes && <p className="mt-1 rounded bg-yellow-50 p-2 text-sm">Driver notes: {d.address.notes}</p>}
      <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
        <dt className="text-gray-600">Promised</dt>
        <dd className="font-semibold">{time(d.promisedAt)}</dd>
        <dt className="text-gray-600">Payment</dt>
        <dd className="font-semibold">
          {due <= 0 ? "Paid" : cod ? `Cash: collect ${formatCents(due)}` : `Card: charge ${formatCents(due)}`}
        </dd>
        {cod && d.changeForCents !== null && (
          <>
            <dt className="text-gray-600">Change for</dt>
            <dd className="font-semibold">{formatCents(d.changeForCents)}</dd>
          </>
        )}
      </dl>
      {!final && (
        <a
          href={d.navigateUrl}
          target="_blank"
          rel="noreferrer"
          data-testid={`navigate-${n}`}
          className="mt-3 flex min-h-12 items-center justify-center rounded-lg border border-gray-300 font-semibold hover:bg-gray-50"
        >
          Navigate
        </a>
      )}
      {out && (
        <div className="mt-3 space-y-2">
          <DoorPayment n={n} dueCents={due} fields={door} onChange={setDoor} errors={fieldErrors} />
          <div className="grid grid-cols-2 gap-2">
            <Button data-testid={`delivered-${n}`} className="min-h-14 text-lg" disabled={busy} onClick={delivered}>
              Delivered
            </Button>
            <Button
              data-testid={`failed-${n}`}
              variant="secondary"
              className="min-h-14 text-lg"
              disabled={busy}
              aria-expanded={failing}
              onClick={() => setFailing((f) => !f)}
            >
              Failed
            </Button>
          </div>
          {failing && (
            <div className="space-y-2 rounded-lg border border-gray-200 p-3">
              <label className="block text-sm font-semibold">
                Reason
                <select
                  data-testid={`failed-reason-${n}`}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  className="mt-1 block min-h-12 w-full rounded-lg border border-gray-300 px-2"
                >
                  <option value="NO_ANSWER">No answer</option>
                  <option value="REFUSED">Refused</option>
                  <option value="WRONG_ADDRESS">Wrong address</option>
                  <option value="OTHER">Other</option>
                </select>
              </label>
              <label className="block text-sm font-semibold">
                Note {reason === "OTHER" ? "(required)" : "(optional)"}
                <input
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  className="mt-1 block min-h-12 w-full rounded-lg border border-gray-300 px-3"
                />
              </label>
              <Button
                data-testid={`failed-confirm-${n}`}
                variant="danger"
                className="w-full"
                disabled={busy}
                onClick={failed}
              >
                Confirm failed delivery
              </Button>
            </div>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="mt-2 text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}

"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { GuestApiError, guestFetch, type GuestSessionJson, type LineStatus } from "./guest-api";

const CHIP: Record<LineStatus, { label: string; className: string }> = {
  RECEIVED: { label: "Received", className: "bg-gray-100 text-gray-800" },
  IN_KITCHEN: { label: "In the kitchen", className: "bg-amber-100 text-amber-900" },
  READY: { label: "Ready", className: "bg-green-100 text-green-900" },
  SERVED: { label: "Served", className: "bg-blue-100 text-blue-900" },
};

const COOLDOWN_MS = 60_000;

function RequestButton({
  kind,
  label,
  sentLabel,
  done,
  onToast,
}: {
  kind: "CALL_SERVER" | "BILL";
  label: string;
  /** Shown while the button rests (60 s after a request). */
  sentLabel: string;
  done: string;
  onToast: (text: string, tone: "ok" | "error") => void;
}) {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (until <= now) return;
    const t = setTimeout(() => setNow(Date.now()), Math.min(1000, until - now));
    return () => clearTimeout(t);
  }, [until, now]);
  const waiting = until > now;
  async function ask() {
    setBusy(true);
    try {
      await guestFetch("/api/guest/requests", { method: "POST", body: { kind } });
      onToast(done, "ok");
      const t = Date.now();
      setNow(t);
      setUntil(t + COOLDOWN_MS);
    } catch (e) {
      onToast(
        e instanceof GuestApiError || e instanceof Error ? e.message : "That didn’t work. Please try again.",
        "error",
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button
      type="button"
      variant="secondary"
      onClick={ask}
      disabled={busy || waiting}
      className="h-14 flex-1 rounded-xl border-2 text-base"
      data-testid={kind === "BILL" ? "ask-bill" : "call-server"}
    >
      {waiting ? sentLabel : label}
    </Button>
  );
}

/** Call the server, ask for the bill: a toast confirms; each waits a minute before it can be asked again. */
export function ServiceButtons({ onToast }: { onToast: (text: string, tone: "ok" | "error") => void }) {
  return (
    <div className="flex gap-3">
      <RequestButton
        kind="CALL_SERVER"
        label="Call server"
        sentLabel="Server called"
        done="Your server is on the way."
        onToast={onToast}
      />
      <RequestButton
        kind="BILL"
        label="Ask for the bill"
        sentLabel="Bill asked for"
        done="Your server will bring the bill."
        onToast={onToast}
      />
    </div>
  );
}

/** What the table has ordered, line by line with where each is (received → served), live. */
export function OrderStatus({ data }: { data: GuestSessionJson }) {
  const { order, submissions } = data;
  const waiting = submissions.filter((s) => s.status === "PENDING_APPROVAL");
  const rejected = submissions.filter((s) => s.status === "REJECTED");
  return (
    <div className="space-y-4" aria-live="polite">
      {waiting.length > 0 && (
        <p className="rounded-2xl bg-amber-50 p-4 font-bold text-amber-900" data-testid="awaiting-approval">
          Waiting for your server to confirm {waiting.length === 1 ? "an order" : `${waiting.length} orders`}.
        </p>
      )}
      {rejected.map((s) => (
        <p key={s.id} className="rounded-2xl bg-red-50 p-4 font-semibold text-red-800">
          Your server could not take the order {s.memberNickname} sent{s.reason ? `: ${s.reason}` : "."}
        </p>
      ))}
      {!order || order.lines.length === 0 ? (
        <div className="rounded-2xl border-2 border-dashed border-gray-300 p-8 text-center">
          <p className="text-lg font-semibold">Nothing sent to the kitchen yet</p>
          <p className="mt-1 text-gray-700">What you send appears here with its progress.</p>
        </div>
      ) : (
        <section aria-labelledby="order-h" className="rounded-2xl bg-white px-4 py-3 shadow-sm">
          <h2 id="order-h" className="text-sm font-semibold uppercase tracking-wide text-gray-600">
            Order #{order.number}
          </h2>
          <ul className="divide-y divide-gray-200" data-testid="order-lines">
            {order.lines.map((l) => (
              <li key={l.id} className="flex items-center gap-3 py-3" data-testid="order-line" data-status={l.status}>
                <div className="min-w-0 flex-1">
                  <p className="font-bold">
                    {l.quantity > 1 ? `${l.quantity} × ` : ""}
                    {l.name}
                  </p>
                  {l.modifiers.length > 0 && <p className="text-sm text-gray-700">{l.modifiers.join(", ")}</p>}
                  {l.guestLabel && <p className="text-sm text-gray-600">For {l.guestLabel}</p>}
                </div>
                <span className={`shrink-0 rounded-full px-3 py-1 text-sm font-bold ${CHIP[l.status].className}`}>
                  {CHIP[l.status].label}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

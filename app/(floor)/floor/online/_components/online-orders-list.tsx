"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import type { OnlineOrderList } from "@/lib/online/list-online-orders";
import { formatCents } from "@/lib/money";
import type { HandOverInput } from "@/lib/online/schemas";
import { cancelOnlineOrderAction, handOverOnlineOrderAction } from "../actions";
import { HandOverForm } from "./hand-over-form";

/** The list refreshes itself; the kitchen's pass and the drivers move orders meanwhile. */
const REFRESH_MS = 15_000;

const PAYMENT: Record<string, string> = {
  CASH_ON_DELIVERY: "Cash on delivery",
  CARD_ON_DELIVERY: "Card at the door",
  PAY_AT_PICKUP: "Pay at pickup",
};

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });

export function OnlineOrdersList({
  initial,
  canCancel,
  canTakePayment,
}: {
  initial: OnlineOrderList;
  canCancel: boolean;
  canTakePayment: boolean;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [reason, setReason] = useState("");

  useEffect(() => {
    const id = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(id);
  }, [router]);

  const run = (fn: () => Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      setError(null);
      const r = await fn();
      if (!r.ok) setError(r.error ?? "That did not work");
      else {
        setCancelling(null);
        setReason("");
        router.refresh();
      }
    });

  const [handing, setHanding] = useState(false);
  async function handOver(orderId: string, payment?: HandOverInput["payment"]) {
    setError(null);
    setHanding(true);
    const r = await handOverOnlineOrderAction({ orderId, payment });
    setHanding(false);
    if (!r.ok) setError(r.error ?? "That did not work");
    else router.refresh();
    return r;
  }

  const orders = initial.orders;
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Online orders</h1>
      {error && (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 font-semibold text-red-900">
          {error}
        </p>
      )}
      {orders.length === 0 ? (
        <p data-testid="online-orders-empty" className="rounded-xl bg-white p-6 text-gray-700">
          No online orders today yet.
        </p>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="online-orders">
          {orders.map((o) => (
            <li
              key={o.orderId}
              data-testid="online-order-row"
              data-order-number={o.orderNumber}
              data-status={o.status}
              data-needs-attention={o.fireFailed ? "true" : undefined}
              className={`flex flex-wrap items-center gap-3 rounded-xl bg-white p-4 shadow-sm ${
                o.fireFailed ? "border-2 border-red-600" : ""
              }`}
            >
              <div className="min-w-0 flex-1">
                <p className="text-lg font-bold">
                  #{o.orderNumber} · {o.firstName || "Online"}{" "}
                  <span className="ml-1 rounded bg-amber-100 px-2 text-sm font-black uppercase text-amber-900">
                    {o.fulfilment === "DELIVERY" ? "Delivery" : "Pickup"}
                  </span>
                </p>
                <p className="text-gray-700">
                  <span data-testid="online-order-status">{o.statusLabel}</span> · due {time(o.promisedAt)}
                  {o.requestedAsap ? " (ASAP)" : ""} · {o.itemCount} item{o.itemCount === 1 ? "" : "s"} ·{" "}
                  {formatCents(o.totalCents, initial.currency)} · {PAYMENT[o.payment] ?? o.payment}
                  {o.changeForCents ? ` (change for ${formatCents(o.changeForCents, initial.currency)})` : ""}
                  {o.driverFirstName ? ` · driver ${o.driverFirstName}` : ""}
                </p>
                {o.fireFailed && (
                  <p data-testid="online-fire-failed" className="mt-1 font-semibold text-red-800">
                    Needs attention: not sent to the kitchen at {time(o.fireFailed.at)}. {o.fireFailed.reason}
                    {canCancel ? " Cancel it to tell the customer." : " Ask a manager to cancel it."}
                  </p>
                )}
              </div>
              {o.fulfilment === "PICKUP" && o.status === "READY" && (
                <HandOverForm
                  n={o.orderNumber}
                  owedCents={o.owedCents}
                  currency={initial.currency}
                  canTakePayment={canTakePayment}
                  pending={pending || handing}
                  onHandOver={(payment) => handOver(o.orderId, payment)}
                />
              )}
              {canCancel && ["RECEIVED", "IN_KITCHEN", "READY"].includes(o.status) && cancelling !== o.orderId && (
                <button
                  type="button"
                  data-testid="online-cancel"
                  disabled={pending}
                  onClick={() => setCancelling(o.orderId)}
                  className="min-h-11 rounded-lg border border-red-300 px-4 font-semibold text-red-800"
                >
                  Cancel…
                </button>
              )}
              {cancelling === o.orderId && (
                <form
                  className="flex w-full flex-wrap items-end gap-2"
                  onSubmit={(e) => {
                    e.preventDefault();
                    run(() => cancelOnlineOrderAction({ orderId: o.orderId, reason }));
                  }}
                >
                  <label className="flex min-w-60 flex-1 flex-col text-sm font-semibold">
                    Reason for cancelling
                    <input
                      data-testid="online-cancel-reason"
                      value={reason}
                      onChange={(e) => setReason(e.target.value)}
                      maxLength={200}
                      required
                      className="mt-1 min-h-11 rounded-lg border border-gray-300 px-3 font-normal"
                    />
                  </label>
                  <button
                    type="submit"
                    data-testid="online-cancel-confirm"
                    disabled={pending}
                    className="min-h-11 rounded-lg bg-red-700 px-4 font-semibold text-white disabled:opacity-50"
                  >
                    Cancel order
                  </button>
                  <button
                    type="button"
                    onClick={() => setCancelling(null)}
                    className="min-h-11 rounded-lg border border-gray-300 px-4 font-semibold"
                  >
                    Keep it
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

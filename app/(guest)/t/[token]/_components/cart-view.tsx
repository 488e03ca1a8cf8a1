"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { formatCents } from "@/lib/money";
import type { Cart, CartEdit, CartLine } from "./cart-edits";
import { GuestApiError, OfflineError, guestFetch, newId, type GuestSessionJson } from "./guest-api";

type SendResult = {
  submissionId: string;
  status: "SENT" | "PENDING_APPROVAL";
  orderNumber: number | string;
  replayed: boolean;
};

const newEditId = () => newId();

function LineRow({
  line,
  currency,
  family,
  locked,
  edit,
}: {
  line: CartLine;
  currency: string;
  family: boolean;
  locked: boolean;
  edit: (e: CartEdit) => void;
}) {
  const set = (quantity: number) => edit({ kind: "setQuantity", editId: newEditId(), lineId: line.id, quantity });
  return (
    <li className="flex gap-3 py-3" data-testid="cart-line" data-name={line.name} data-who={line.memberNickname}>
      <div className="min-w-0 flex-1">
        <p className="font-bold">{line.name}</p>
        {line.modifierNames.length > 0 && <p className="text-sm text-gray-700">{line.modifierNames.join(", ")}</p>}
        {line.notes && <p className="text-sm italic text-gray-700">“{line.notes}”</p>}
        {family && (
          <p className="mt-1 text-sm font-semibold text-brand-700" data-testid="cart-line-who">
            {line.mine ? `${line.memberNickname} (you)` : line.memberNickname}
          </p>
        )}
        <p className="mt-1 text-sm text-gray-700">{formatCents(line.lineTotalCents, currency)}</p>
      </div>
      <div className="flex shrink-0 items-center self-center rounded-xl border-2 border-gray-300">
        <button
          type="button"
          disabled={locked}
          aria-label={line.quantity === 1 ? `Remove ${line.name}` : `One fewer ${line.name}`}
          onClick={() =>
            line.quantity === 1
              ? edit({ kind: "remove", editId: newEditId(), lineId: line.id })
              : set(line.quantity - 1)
          }
          className="size-11 text-xl font-bold disabled:text-gray-300"
        >
          −
        </button>
        <span className="w-7 text-center font-bold" data-testid="cart-line-quantity">
          {line.quantity}
        </span>
        <button
          type="button"
          disabled={locked}
          aria-label={`One more ${line.name}`}
          onClick={() => set(line.quantity + 1)}
          className="size-11 text-xl font-bold disabled:text-gray-300"
        >
          +
        </button>
      </div>
    </li>
  );
}

/**
 * The cart and the way to send it. FAMILY: every line with who added it; sending takes the table's
 * checkout first (a review screen; others see "Dana is sending…"). INDIVIDUAL: my lines, sent
 * straight away. One Idempotency-Key per "Send" intent, reused on retries and double taps.
 */
export function CartView({
  data,
  checkout,
  cart,
  pending,
  edit,
  onSent,
  onBrowse,
}: {
  data: GuestSessionJson;
  /** The checkout lease while it lasts (null when nobody holds it). */
  checkout: GuestSessionJson["session"]["checkout"];
  cart: Cart | null;
  pending: boolean;
  edit: (e: CartEdit) => void;
  onSent: (r: SendResult) => void;
  onBrowse: () => void;
}) {
  const queryClient = useQueryClient();
  const { session, me, members } = data;
  const family = session.mode === "FAMILY";
  const holder = checkout;
  const mineCheckout = holder?.memberId === me.id;
  const otherSending = holder && !mineCheckout ? holder.nickname : null;
  const [reviewing, setReviewing] = useState(false);
  const [sendKey, setSendKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const currency = session.currency;

  const refresh = () => queryClient.invalidateQueries({ queryKey: ["guest"] });

  async function takeCheckout(action: "start" | "cancel") {
    setBusy(true);
    setError(null);
    try {
      await guestFetch("/api/guest/checkout", { method: "POST", body: { action } });
      setReviewing(action === "start");
      if (action === "cancel") setSendKey(null);
    } catch (e) {
      setError(
        e instanceof GuestApiError && e.code === "CHECKOUT_IN_PROGRESS"
          ? `${String(e.body.by ?? "Someone")} is sending the order right now.`
          : e instanceof Error
            ? e.message
            : "Something went wrong.",
      );
    } finally {
      setBusy(false);
      void refresh();
    }
  }

  async function send() {
    // The same key for every retry of this one intent: the server makes one ticket of it.
    const key = sendKey ?? newId();
    setSendKey(key);
    setBusy(true);
    setError(null);
    try {
      const r = await guestFetch<SendResult>("/api/guest/orders", {
        method: "POST",
        body: {},
        headers: { "Idempotency-Key": key },
      });
      setSendKey(null);
      setReviewing(false);
      onSent(r);
    } catch (e) {
      if (e instanceof OfflineError || (e instanceof GuestApiError && e.status >= 500)) {
        // Unknown outcome: keep the key, so tapping Send again cannot make a second ticket.
        setError("We couldn’t confirm your order was sent. Tap Send again — it won’t be sent twice.");
      } else {
        setSendKey(null);
        setError(
          e instanceof GuestApiError && e.code === "CHECKOUT_IN_PROGRESS"
            ? `${String(e.body.by ?? "Someone")} is sending the order right now.`
            : e instanceof Error
              ? e.message
              : "Something went wrong.",
        );
      }
    } finally {
      setBusy(false);
      void refresh();
    }
  }

  if (!cart)
    return (
      <div className="space-y-3" aria-busy="true">
        <div className="h-20 rounded-2xl bg-gray-200 motion-safe:animate-pulse" />
        <div className="h-20 rounded-2xl bg-gray-200 motion-safe:animate-pulse" />
      </div>
    );

  const lines = family ? cart.items : cart.items.filter((l) => l.mine);
  const itemCount = lines.reduce((n, l) => n + l.quantity, 0);
  const reviewOpen = family && (reviewing || mineCheckout);
  const locked = otherSending !== null || reviewOpen;
  const others = members.filter((m) => m.id !== me.id);
  const byMember = family
    ? [...new Set(lines.map((l) => l.memberNickname))].map((name) => ({
        name,
        cents: lines.filter((l) => l.memberNickname === name).reduce((s, l) => s + l.lineTotalCents, 0),
      }))
    : [];

  return (
    <div className="space-y-4">
      {family ? (
        <section aria-label="At the table" className="rounded-2xl bg-white p-4 shadow-sm" data-testid="members">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-gray-600">At the table</h2>
          <ul className="mt-2 flex flex-wrap gap-2">
            <li className="rounded-full bg-gray-900 px-3 py-1 font-semibold text-white">{me.nickname} (you)</li>
            {others.map((m) => (
              <li key={m.id} className="rounded-full bg-gray-100 px-3 py-1 font-semibold" data-testid="member">
                {m.nickname}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-gray-700">One shared cart: everyone at the table sees and changes it.</p>
        </section>
      ) : (
        <p className="rounded-2xl bg-white p-4 font-medium shadow-sm" data-testid="individual-note">
          Your own order — others at the table order on their phones.
        </p>
      )}

      {otherSending && (
        <p role="status" className="rounded-2xl bg-amber-50 p-4 font-bold text-amber-900" data-testid="someone-sending">
          {otherSending} is sending… The cart is locked for a moment.
        </p>
      )}

      {lines.length === 0 ? (
        <div className="rounded-2xl border-2 border-dashed border-gray-300 p-8 text-center">
          <p className="text-lg font-semibold">{family ? "The table’s cart is empty" : "Your cart is empty"}</p>
          <Button type="button" variant="secondary" onClick={onBrowse} className="mt-3 min-h-12">
            Browse the menu
          </Button>
        </div>
      ) : (
        <section aria-label={family ? "The table’s cart" : "Your cart"} className="rounded-2xl bg-white px-4 shadow-sm">
          <ul className="divide-y divide-gray-200" data-testid="cart-lines">
            {lines.map((l) => (
              <LineRow key={l.id} line={l} currency={currency} family={family} locked={locked || busy} edit={edit} />
            ))}
          </ul>
          <div className="border-t-2 border-gray-900 py-3">
            {byMember.length > 1 &&
              byMember.map((m) => (
                <p key={m.name} className="flex justify-between text-sm text-gray-700">
                  <span>{m.name}</span>
                  <span>{formatCents(m.cents, currency)}</span>
                </p>
              ))}
            <p className="flex justify-between text-lg font-black" data-testid="cart-total">
              <span>
                Total · {itemCount} {itemCount === 1 ? "item" : "items"}
              </span>
              <span>
                {formatCents(
                  lines.reduce((s, l) => s + l.lineTotalCents, 0),
                  currency,
                )}
              </span>
            </p>
            <p className="text-sm text-gray-600">You pay at the end of the meal.</p>
          </div>
        </section>
      )}

      {error && (
        <p role="alert" className="rounded-2xl bg-red-50 p-4 font-semibold text-red-800" data-testid="send-error">
          {error}
        </p>
      )}

      {lines.length > 0 &&
        (reviewOpen ? (
          <section aria-label="Review and send" className="space-y-2 rounded-2xl border-2 border-gray-900 bg-white p-4">
            <p className="font-bold">
              Ready to send {itemCount === 1 ? "this item" : `these ${itemCount} items`} to the kitchen?
            </p>
            <p className="text-sm text-gray-700">The cart is locked for everyone at the table while you send.</p>
            <Button
              type="button"
              onClick={send}
              disabled={busy}
              className="h-14 w-full rounded-xl text-lg"
              data-testid="send-order"
            >
              {busy ? "Sending…" : "Send to the kitchen"}
            </Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => takeCheckout("cancel")}
              disabled={busy}
              className="h-12 w-full rounded-xl"
            >
              Back to the cart
            </Button>
          </section>
        ) : (
          <Button
            type="button"
            onClick={() => (family ? takeCheckout("start") : send())}
            disabled={busy || pending || otherSending !== null}
            className="h-14 w-full rounded-xl text-lg"
            data-testid={family ? "review-order" : "send-order"}
          >
            {pending ? "Saving your changes…" : busy ? "One moment…" : family ? "Review and send" : "Send my order"}
          </Button>
        ))}
    </div>
  );
}

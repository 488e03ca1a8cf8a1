"use client";

import { useState } from "react";
import { formatCents } from "@/lib/money";

type Payment = {
  tender: "CASH" | "CARD";
  collectedCents?: number;
  reference?: string;
  cardLast4?: string;
  tipCents?: number;
};
type Result = { ok: boolean; error?: string; fieldErrors?: Record<string, string[] | undefined> };

function centsOf(typed: string): number | null {
  const t = typed.trim().replace(",", ".");
  if (t === "" || !/^\d+(\.\d{0,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

const field = "mt-1 min-h-11 w-full rounded-lg border border-gray-300 px-3 font-normal";

/**
 * Hand a ready pickup over. What it still owes is taken in the same step: cash (the change to give
 * back shown as it is typed) or the counter's card terminal. Without the right to take payments
 * the button waits until the order is paid at the till.
 */
export function HandOverForm({
  n,
  owedCents,
  currency,
  canTakePayment,
  pending,
  onHandOver,
}: {
  n: number;
  owedCents: number;
  currency: string;
  canTakePayment: boolean;
  pending: boolean;
  onHandOver: (payment?: Payment) => Promise<Result>;
}) {
  const [open, setOpen] = useState(false);
  const [tender, setTender] = useState<"CASH" | "CARD">("CASH");
  const [cash, setCash] = useState((owedCents / 100).toFixed(2));
  const [reference, setReference] = useState("");
  const [last4, setLast4] = useState("");
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const money = (c: number) => formatCents(c, currency);

  if (owedCents <= 0)
    return (
      <button
        type="button"
        data-testid="online-hand-over"
        disabled={pending}
        onClick={() => void onHandOver()}
        className="min-h-11 rounded-lg bg-green-700 px-4 font-semibold text-white disabled:opacity-50"
      >
        Hand over (paid)
      </button>
    );
  if (!canTakePayment)
    return (
      <p className="text-sm font-semibold text-amber-900" data-testid="online-hand-over-unpaid">
        Owes {money(owedCents)}: take the payment at the till first
      </p>
    );
  if (!open)
    return (
      <button
        type="button"
        data-testid="online-hand-over"
        disabled={pending}
        onClick={() => setOpen(true)}
        className="min-h-11 rounded-lg bg-green-700 px-4 font-semibold text-white disabled:opacity-50"
      >
        Take {money(owedCents)} and hand over…
      </button>
    );

  const typed = centsOf(cash);
  const change = typed !== null && typed > owedCents ? typed - owedCents : 0;
  const err = (k: string) =>
    errors[k]?.[0] ? (
      <span role="alert" className="mt-1 block text-sm font-normal text-red-700">
        {errors[k]![0]}
      </span>
    ) : null;

  async function submit() {
    if (tender === "CASH" && typed === null) {
      setErrors({ collectedCents: ["Enter the cash received"] });
      return;
    }
    const r = await onHandOver(
      tender === "CASH"
        ? { tender, collectedCents: typed ?? undefined }
        : { tender, reference: reference.trim() || undefined, cardLast4: last4 || undefined },
    );
    setErrors(r.ok ? {} : (r.fieldErrors ?? {}));
    if (r.ok) setOpen(false);
  }

  return (
    <form
      className="flex w-full flex-wrap items-end gap-2 rounded-lg border border-gray-200 p-3"
      aria-label={`Payment for order ${n}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="flex gap-2" role="radiogroup" aria-label="Paid with">
        {(["CASH", "CARD"] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="radio"
            aria-checked={tender === t}
            data-testid={`hand-over-tender-${t.toLowerCase()}`}
            onClick={() => setTender(t)}
            className={`min-h-11 rounded-lg border-2 px-4 font-semibold ${
              tender === t ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white"
            }`}
          >
            {t === "CASH" ? "Cash" : "Card"}
          </button>
        ))}
      </div>
      {tender === "CASH" ? (
        <label className="flex min-w-40 flex-col text-sm font-semibold">
          Cash received (owed {money(owedCents)})
          <input
            data-testid="hand-over-cash"
            inputMode="decimal"
            value={cash}
            onChange={(e) => setCash(e.target.value)}
            aria-invalid={!!errors.collectedCents}
            className={field}
          />
          {change > 0 && <span className="mt-1 font-normal">Change {money(change)}</span>}
          {err("collectedCents")}
        </label>
      ) : (
        <>
          <label className="flex min-w-32 flex-col text-sm font-semibold">
            Approval code
            <input
              data-testid="hand-over-reference"
              autoComplete="off"
              value={reference}
              onChange={(e) => setReference(e.target.value)}
              aria-invalid={!!errors.reference}
              className={field}
            />
            {err("reference")}
          </label>
          <label className="flex w-28 flex-col text-sm font-semibold">
            Card last 4
            <input
              data-testid="hand-over-last4"
              inputMode="numeric"
              maxLength={4}
              autoComplete="off"
              value={last4}
              onChange={(e) => setLast4(e.target.value.replace(/\D/g, ""))}
              aria-invalid={!!errors.cardLast4}
              className={field}
            />
            {err("cardLast4")}
          </label>
        </>
      )}
      <button
        type="submit"
        data-testid="hand-over-confirm"
        disabled={pending}
        className="min-h-11 rounded-lg bg-green-700 px-4 font-semibold text-white disabled:opacity-50"
      >
        Paid: hand over
      </button>
      <button
        type="button"
        onClick={() => setOpen(false)}
        className="min-h-11 rounded-lg border border-gray-300 px-4 font-semibold"
      >
        Back
      </button>
    </form>
  );
}

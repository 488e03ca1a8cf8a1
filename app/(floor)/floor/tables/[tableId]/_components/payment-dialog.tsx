"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { formatCents } from "@/lib/money";
import type { RecordPaymentResult } from "@/lib/payments/record-payment";
import { recordPaymentAction } from "../../../checks-actions";
import { CheckModal, ErrorText, Field, INPUT } from "./check-modal";
import { centsText, changeDue, parseCents, quickCashAmounts, tipSuggestions } from "./check-figures";
import type { ChecksView, CheckView } from "./use-checks";

type Tender = "CASH" | "CARD" | "HOUSE_ACCOUNT";
const TENDER_LABEL: Record<Tender, string> = { CASH: "Cash", CARD: "Card", HOUSE_ACCOUNT: "House account" };
const BRANDS = [
  ["VISA", "Visa"],
  ["MASTERCARD", "Mastercard"],
  ["AMEX", "American Express"],
  ["DISCOVER", "Discover"],
  ["JCB", "JCB"],
  ["DINERS", "Diners Club"],
  ["UNIONPAY", "UnionPay"],
  ["OTHER", "Other"],
] as const;
type Brand = (typeof BRANDS)[number][0];

/**
 * Take a payment for one check with the location's tenders. The idempotency key is made when the
 * dialog opens and reused for every retry of the same payment, so a double tap or a lost answer
 * never charges twice; it changes only after the server refused the payment outright.
 */
export function PaymentDialog({
  check,
  location,
  onPaid,
  onClose,
}: {
  check: CheckView;
  location: ChecksView["location"];
  onPaid: () => void;
  onClose: () => void;
}) {
  const tenders = (location.tenders as Tender[]).filter((t) => t in TENDER_LABEL);
  const currency = location.currency;
  const [tender, setTender] = useState<Tender>(tenders[0] ?? "CASH");
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [amount, setAmount] = useState(centsText(check.balanceCents));
  const [tendered, setTendered] = useState("");
  const [tip, setTip] = useState<{ bps: number | null; text: string }>({ bps: null, text: "" });
  const [brand, setBrand] = useState<Brand>("VISA");
  const [last4, setLast4] = useState("");
  const [reference, setReference] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);
  const [result, setResult] = useState<(RecordPaymentResult & { replayed: boolean }) | null>(null);

  const amountCents = parseCents(amount);
  const tenderedCents = tendered ? parseCents(tendered) : null;
  const tipCents = tender === "CARD" && tip.text ? parseCents(tip.text) : 0;
  // Cash handed over short of the amount is a partial payment of what was handed over.
  const settles =
    tender === "CASH" && tenderedCents !== null && amountCents !== null
      ? Math.min(amountCents, tenderedCents)
      : amountCents;
  const change =
    tender === "CASH" && tenderedCents !== null && settles !== null ? changeDue(tenderedCents, settles) : 0;
  const valid =
    settles !== null &&
    settles > 0 &&
    tipCents !== null &&
    (tender !== "CARD" || (/^\d{4}$/.test(last4) && reference.trim().length > 0)) &&
    (tender !== "HOUSE_ACCOUNT" || reference.trim().length > 0) &&
    (tender !== "CASH" || !tendered || tenderedCents !== null);

  async function pay() {
    if (!valid) return;
    setPending(true);
    setError(null);
    try {
      const res = await recordPaymentAction({
        checkId: check.id,
        tender,
        amountCents: settles!,
        tenderedCents: tender === "CASH" ? (tenderedCents ?? settles!) : undefined,
        tipCents: tender === "CARD" ? (tipCents ?? 0) : 0,
        cardBrand: tender === "CARD" ? brand : undefined,
        cardLast4: tender === "CARD" ? last4 : undefined,
        reference: tender === "CASH" ? undefined : reference.trim(),
        idempotencyKey: key,
      });
      if (res.ok) {
        setResult(res.data);
        onPaid();
      } else {
        setError({ message: res.error, fields: res.fieldErrors ?? {} });
        // A refusal (not an outage or a payment still in progress) never charged: the next try is a new payment.
        if (res.code !== "UNAVAILABLE" && res.code !== "IN_PROGRESS") setKey(crypto.randomUUID());
      }
    } catch {
      // No answer: the payment may have gone through. The same key makes the retry safe.
      setError({ message: "No answer from the server. Tap Pay again: it will not charge twice.", fields: {} });
    } finally {
      setPending(false);
    }
  }

  const fieldError = (name: string) =>
    error?.fields[name]?.[0] ? (
      <p className="mt-1 text-sm font-semibold text-red-700">{error.fields[name][0]}</p>
    ) : null;

  if (result)
    return (
      <CheckModal title={`Paid · ${check.label}`} onClose={onClose} testId="payment-dialog">
        <div className="space-y-4 text-center" role="status" data-testid="payment-result">
          {result.tender === "CASH" && (
            <div className="rounded-2xl bg-green-50 p-4">
              <p className="text-lg font-semibold text-green-900">Change due</p>
              <p className="text-6xl font-black text-green-900" data-testid="change-due">
                {formatCents(result.changeCents, currency)}
              </p>
            </div>
          )}
          <p className="text-lg">
            {formatCents(result.amountCents, currency)} {TENDER_LABEL[result.tender].toLowerCase()}
            {result.tipCents > 0 ? ` + ${formatCents(result.tipCents, currency)} tip` : ""}
            {result.replayed ? " (already recorded)" : ""}
          </p>
          <p className="text-2xl font-black" data-testid="remaining-balance">
            {result.checkPaid ? `${check.label} is paid` : `Still owed: ${formatCents(result.balanceCents, currency)}`}
          </p>
          <Button className="min-h-14 w-full text-lg" onClick={onClose} autoFocus>
            Done
          </Button>
        </div>
      </CheckModal>
    );

  return (
    <CheckModal title={`Pay ${check.label}`} onClose={onClose} testId="payment-dialog" width="w-[44rem]">
      <form
        className="space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void pay();
        }}
      >
        <div className="flex items-baseline justify-between gap-3 rounded-xl bg-gray-50 p-3">
          <span className="font-semibold text-gray-700">
            Total {formatCents(check.totalCents, currency)}
            {check.paidCents > 0 ? ` · paid ${formatCents(check.paidCents, currency)}` : ""}
          </span>
          <span className="text-2xl font-black">Due {formatCents(check.balanceCents, currency)}</span>
        </div>
        {tenders.length > 1 && (
          <SegmentedControl
            label="Tender"
            buttonClassName="min-h-14 min-w-32 px-5 text-xl"
            value={tender}
            onChange={(t) => {
              setTender(t);
              setError(null);
            }}
            options={tenders.map((t) => ({ value: t, label: TENDER_LABEL[t] }))}
          />
        )}
        <div className="grid grid-cols-2 gap-3">
          <Field label="Amount" htmlFor="pay-amount">
            <input
              id="pay-amount"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              className={INPUT}
            />
            {amount && amountCents === null && (
              <p className="mt-1 text-sm font-semibold text-red-700">An amount like 12.50</p>
            )}
            {fieldError("amountCents")}
          </Field>
          {tender === "CASH" && (
            <Field label="Cash tendered" htmlFor="pay-tendered">
              <input
                id="pay-tendered"
                inputMode="decimal"
                value={tendered}
                placeholder={amount}
                onChange={(e) => setTendered(e.target.value)}
                className={INPUT}
              />
              {fieldError("tenderedCents")}
            </Field>
          )}
          {tender === "HOUSE_ACCOUNT" && (
            <Field label="House account" htmlFor="pay-account">
              <input
                id="pay-account"
                value={reference}
                maxLength={64}
                onChange={(e) => setReference(e.target.value)}
                className={INPUT}
              />
              {fieldError("reference")}
            </Field>
          )}
        </div>

        {tender === "CASH" && (
          <>
            <div className="flex flex-wrap gap-2" role="group" aria-label="Quick cash">
              {quickCashAmounts(amountCents ?? 0).map((c, i) => (
                <button
                  key={c}
                  type="button"
                  aria-pressed={tenderedCents === c}
                  onClick={() => setTendered(centsText(c))}
                  className={`min-h-12 rounded-xl border-2 px-3 text-lg font-bold ${tenderedCents === c ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white"}`}
                >
                  {i === 0 ? `Exact ${formatCents(c, currency)}` : formatCents(c, currency)}
                </button>
              ))}
            </div>
            <div className="flex items-center justify-between rounded-2xl bg-green-50 px-4 py-2" aria-live="polite">
              <span className="text-lg font-semibold text-green-900">Change due</span>
              <span className="text-4xl font-black text-green-900" data-testid="change-preview">
                {formatCents(change, currency)}
              </span>
            </div>
            {settles !== null && amountCents !== null && settles < amountCents && (
              <p className="font-semibold text-amber-800">
                Partial payment: {formatCents(amountCents - settles, currency)} stays owed.
              </p>
            )}
          </>
        )}

        {tender === "CARD" && (
          <>
            <fieldset>
              <legend className="mb-1 text-sm font-semibold">Tip</legend>
              <div className="flex flex-wrap items-center gap-2">
                <button
                  type="button"
                  aria-pressed={tip.text === ""}
                  onClick={() => setTip({ bps: null, text: "" })}
                  className={`min-h-12 rounded-xl border-2 px-4 font-bold ${tip.text === "" ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300"}`}
                >
                  No tip
                </button>
                {tipSuggestions(check.totalCents, location.tipSuggestionsBps).map((s) => (
                  <button
                    key={s.bps}
                    type="button"
                    aria-pressed={tip.bps === s.bps}
                    onClick={() => setTip({ bps: s.bps, text: centsText(s.cents) })}
                    className={`min-h-12 rounded-xl border-2 px-4 font-bold ${tip.bps === s.bps ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300"}`}
                  >
                    {s.label} · {formatCents(s.cents, currency)}
                  </button>
                ))}
                <label className="flex items-center gap-2">
                  <span className="text-sm font-semibold">Custom</span>
                  <input
                    aria-label="Custom tip"
                    inputMode="decimal"
                    value={tip.bps === null ? tip.text : ""}
                    onChange={(e) => setTip({ bps: null, text: e.target.value })}
                    className="min-h-12 w-28 rounded-xl border-2 border-gray-300 px-3 text-lg"
                  />
                </label>
              </div>
              {tipCents === null && <p className="mt-1 text-sm font-semibold text-red-700">A tip like 4.50</p>}
              {fieldError("tipCents")}
            </fieldset>
            <div className="grid grid-cols-3 gap-3">
              <Field label="Card brand" htmlFor="pay-brand">
                <select
                  id="pay-brand"
                  value={brand}
                  onChange={(e) => setBrand(e.target.value as Brand)}
                  className={INPUT}
                >
                  {BRANDS.map(([v, l]) => (
                    <option key={v} value={v}>
                      {l}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Last four" htmlFor="pay-last4">
                <input
                  id="pay-last4"
                  inputMode="numeric"
                  maxLength={4}
                  value={last4}
                  onChange={(e) => setLast4(e.target.value.replace(/\D/g, ""))}
                  className={INPUT}
                />
                {fieldError("cardLast4")}
              </Field>
              <Field label="Terminal reference" htmlFor="pay-reference">
                <input
                  id="pay-reference"
                  maxLength={64}
                  value={reference}
                  onChange={(e) => setReference(e.target.value)}
                  className={INPUT}
                />
                {fieldError("reference")}
              </Field>
            </div>
            <p className="text-sm text-gray-600">
              Run {formatCents((settles ?? 0) + (tipCents ?? 0), currency)} on the card terminal, then record it here.
            </p>
          </>
        )}

        <ErrorText error={error?.message ?? null} />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" className="min-h-14 px-8 text-lg" disabled={!valid || pending} data-testid="pay-submit">
            {pending
              ? "Recording…"
              : `Pay ${formatCents(settles ?? 0, currency)}${tender === "CARD" && tipCents ? ` + ${formatCents(tipCents, currency)} tip` : ""}`}
          </Button>
        </div>
      </form>
    </CheckModal>
  );
}

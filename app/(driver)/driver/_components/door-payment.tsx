"use client";

import { formatCents } from "@/lib/money";

export type DoorTender = "CASH" | "CARD";
export type DoorFields = { tender: DoorTender; cash: string; reference: string; last4: string; tip: string };

/** Typed money ("12.50", "12,5") as cents, or null when it is not a number. */
export function centsOf(typed: string): number | null {
  const t = typed.trim().replace(",", ".");
  if (t === "" || !/^\d+(\.\d{0,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

/** The body of POST …/delivered for what the driver typed, or the message to show instead. */
export function deliveredBody(
  dueCents: number,
  f: DoorFields,
): { body: Record<string, unknown> } | { error: string; field: string } {
  if (dueCents <= 0) return { body: {} };
  if (f.tender === "CASH") {
    const cents = centsOf(f.cash);
    if (cents === null) return { error: "Enter the cash you collected", field: "collectedCents" };
    return { body: { tender: "CASH", collectedCents: cents } };
  }
  const tip = f.tip.trim() === "" ? 0 : centsOf(f.tip);
  if (tip === null) return { error: "Enter the tip as an amount, or leave it empty", field: "tipCents" };
  return {
    body: {
      tender: "CARD",
      reference: f.reference.trim() || undefined,
      cardLast4: f.last4.trim() || undefined,
      tipCents: tip,
    },
  };
}

const input = "mt-1 block min-h-12 w-full rounded-lg border border-gray-300 px-3 text-lg";

/** How the customer pays at the door: cash (with the change to give) or the driver's card terminal. */
export function DoorPayment({
  n,
  dueCents,
  fields,
  onChange,
  errors,
}: {
  n: number;
  dueCents: number;
  fields: DoorFields;
  onChange: (f: DoorFields) => void;
  errors: Record<string, string[] | undefined>;
}) {
  if (dueCents <= 0) return <p className="text-sm font-semibold text-green-800">Already paid: nothing to collect.</p>;
  const set = (patch: Partial<DoorFields>) => onChange({ ...fields, ...patch });
  const cash = centsOf(fields.cash);
  const change = cash !== null && cash >= dueCents ? cash - dueCents : null;
  const err = (k: string) =>
    errors[k]?.[0] ? (
      <span role="alert" className="mt-1 block text-sm font-normal text-red-700">
        {errors[k]![0]}
      </span>
    ) : null;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">Paid at the door with</legend>
      <div className="grid grid-cols-2 gap-2" role="radiogroup" aria-label="Paid with">
        {(["CASH", "CARD"] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="radio"
            aria-checked={fields.tender === t}
            data-testid={`tender-${t.toLowerCase()}-${n}`}
            onClick={() => set({ tender: t })}
            className={`min-h-12 rounded-lg border-2 text-lg font-semibold ${
              fields.tender === t ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white"
            }`}
          >
            {t === "CASH" ? "Cash" : "Card"}
          </button>
        ))}
      </div>
      {fields.tender === "CASH" ? (
        <label className="block text-sm font-semibold">
          Cash collected (due {formatCents(dueCents)})
          <input
            data-testid="collected-cents"
            inputMode="decimal"
            value={fields.cash}
            onChange={(e) => set({ cash: e.target.value })}
            aria-invalid={!!errors.collectedCents}
            className={input}
          />
          {change !== null && change > 0 && (
            <span className="mt-1 block text-base" data-testid={`change-${n}`}>
              Give back {formatCents(change)}
            </span>
          )}
          {err("collectedCents")}
        </label>
      ) : (
        <div className="space-y-2">
          <p className="text-sm">Charge {formatCents(dueCents)} on your terminal, then type what it printed.</p>
          <div className="grid grid-cols-2 gap-2">
            <label className="block text-sm font-semibold">
              Approval code
              <input
                data-testid={`card-reference-${n}`}
                autoComplete="off"
                value={fields.reference}
                onChange={(e) => set({ reference: e.target.value })}
                aria-invalid={!!errors.reference}
                className={input}
              />
              {err("reference")}
            </label>
            <label className="block text-sm font-semibold">
              Card last 4
              <input
                data-testid={`card-last4-${n}`}
                inputMode="numeric"
                maxLength={4}
                autoComplete="off"
                value={fields.last4}
                onChange={(e) => set({ last4: e.target.value.replace(/\D/g, "") })}
                aria-invalid={!!errors.cardLast4}
                className={input}
              />
              {err("cardLast4")}
            </label>
          </div>
          <label className="block text-sm font-semibold">
            Tip on the card (optional)
            <input
              data-testid={`card-tip-${n}`}
              inputMode="decimal"
              value={fields.tip}
              onChange={(e) => set({ tip: e.target.value })}
              aria-invalid={!!errors.tipCents}
              className={input}
            />
            {err("tipCents")}
          </label>
        </div>
      )}
    </fieldset>
  );
}

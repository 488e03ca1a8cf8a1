"use client";

import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import type { MenuAdminItem } from "@/lib/menu/get-menu-admin";
import { percentToBps, previewPriceChange, ROUND_STEPS, type PriceChange } from "@/lib/menu/price-math";
import { parseMoneyToCents } from "@/lib/csv/fields";
import { formatCents } from "@/lib/money";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/admin/form-field";
import { bulkChangePricesAction } from "../actions";

/**
 * Bulk price change over a selection: by percent or amount, optional rounding, with a live
 * before/after preview (same integer math as the server). One transaction on confirm.
 * A native modal <dialog> (showModal): centred (m-auto undoes the preflight's margin reset),
 * focus trapped, Escape closes, and focus goes back to the button that opened it.
 */
export function BulkPriceDialog({
  items,
  currency,
  onClose,
}: {
  items: MenuAdminItem[];
  currency: string;
  onClose: (done: boolean) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const done = useRef(false);
  const [mode, setMode] = useState<"PERCENT" | "AMOUNT">("PERCENT");
  const [value, setValue] = useState("");
  const [roundTo, setRoundTo] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
      // showModal focuses the first control (a radio); React's autoFocus ran before it, unseen.
      document.getElementById("bulk-value")?.focus();
    }
  }, []);

  function closed() {
    const back = opener.current;
    onClose(done.current);
    // After the parent re-renders: the opener may be gone (the selection is cleared on success).
    requestAnimationFrame(() => back?.isConnected && back.focus());
  }

  const change: PriceChange | null = useMemo(() => {
    const v = value.trim();
    if (!v) return null;
    if (mode === "PERCENT") {
      const bps = percentToBps(v);
      return bps === null || bps === 0 ? null : { mode, bps, roundTo };
    }
    const neg = v.startsWith("-");
    const c = parseMoneyToCents(v.replace(/^[+-]/, ""));
    return c === null || c === 0 ? null : { mode, deltaCents: neg ? -c : c, roundTo };
  }, [mode, value, roundTo]);
  const preview = change ? previewPriceChange(items, change) : [];
  const invalid = preview.some((p) => p.error);

  function submit() {
    if (!change) return;
    setError(null);
    startTransition(async () => {
      const r = await bulkChangePricesAction({ itemIds: items.map((i) => i.id), change });
      if (r.ok) {
        done.current = true;
        ref.current?.close();
      } else setError(r.fieldErrors ? `${r.error}: ${Object.values(r.fieldErrors).flat().join("; ")}` : r.error);
    });
  }

  return (
    <dialog
      ref={ref}
      onClose={closed}
      aria-labelledby="bulk-price-title"
      className="m-auto w-[min(40rem,95vw)] rounded-2xl p-0 backdrop:bg-black/40"
      data-testid="bulk-price-dialog"
    >
      <form
        method="dialog"
        className="space-y-4 p-6"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 id="bulk-price-title" className="text-xl font-bold">
          Change {items.length} price{items.length === 1 ? "" : "s"}
        </h2>
        <fieldset className="flex gap-4">
          <legend className="sr-only">Change by</legend>
          {(["PERCENT", "AMOUNT"] as const).map((m) => (
            <label key={m} className="flex min-h-11 items-center gap-2 font-medium">
              <input
                type="radio"
                name="mode"
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
                className="h-5 w-5"
              />
              {m === "PERCENT" ? "By percent" : "By amount"}
            </label>
          ))}
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label={mode === "PERCENT" ? "Change (%), e.g. 5 or -2.5" : `Change (${currency}), e.g. 0.50 or -1`}
            htmlFor="bulk-value"
          >
            <input
              id="bulk-value"
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              className={inputClass}
              data-testid="bulk-value"
            />
          </Field>
          <Field label="Round to" htmlFor="bulk-round">
            <select
              id="bulk-round"
              value={roundTo}
              onChange={(e) => setRoundTo(Number(e.target.value))}
              className={inputClass}
            >
              {ROUND_STEPS.map((s) => (
                <option key={s} value={s}>
                  {s === 1 ? "the cent" : s === 100 ? "the whole unit" : `${s} cents`}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <p className="text-xs text-gray-500">
          Percentages are rounded half away from zero to the cent, then to the chosen step. All prices change together
          or none do.
        </p>
        {preview.length > 0 && (
          <div className="max-h-64 overflow-y-auto rounded-lg border border-gray-200">
            <table className="w-full text-sm">
              <caption className="sr-only">Preview of new prices</caption>
              <thead className="sticky top-0 bg-gray-50 text-gray-600">
                <tr>
                  <th className="px-3 py-2 text-left">Item</th>
                  <th className="px-3 py-2 text-right">Now</th>
                  <th className="px-3 py-2 text-right">New</th>
                </tr>
              </thead>
              <tbody>
                {preview.map((p) => (
                  <tr key={p.id} className="border-t border-gray-100">
                    <td className="px-3 py-1.5">{p.name}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums text-gray-500">
                      {formatCents(p.fromCents, currency)}
                    </td>
                    <td
                      className={`px-3 py-1.5 text-right font-semibold tabular-nums ${p.error ? "text-red-700" : ""}`}
                    >
                      {p.error ?? formatCents(p.toCents, currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {error && (
          <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => ref.current?.close()}>
            Cancel
          </Button>
          <Button type="submit" disabled={!change || invalid || pending} data-testid="bulk-price-apply">
            {pending ? "Applying…" : "Apply to all"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}

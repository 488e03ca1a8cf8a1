"use client";

import { useMemo, useRef, useState, useTransition } from "react";
import { formatQuantity, type BaseUnitCode } from "@/lib/inventory/units";
import { toMilli } from "@/lib/inventory/quantity";
import { COUNT_UNITS, countEntryToBase, entryText, formatInUnit, initialCountUnit } from "@/lib/inventory/count-units";
import type { StockCountPreview } from "@/lib/inventory/preview-stock-count";
import { formatCents } from "@/lib/money";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/admin/form-field";
import {
  cancelStockCountAction,
  postStockCountAction,
  previewStockCountAction,
  saveStockCountAction,
} from "../actions";
import { CountReviewDialog } from "./count-review-dialog";

type Line = {
  ingredientId: string;
  name: string;
  baseUnit: BaseUnitCode;
  expected: string;
  counted: string | null;
  variance: string | null;
  varianceCents: number | null;
};
type Count = { id: string; status: string; lines: Line[]; countedLines: number; varianceCents: number };

const valid = (v: string) => /^\d{1,11}(\.\d{1,3})?$/.test(v.trim());

/**
 * Enter counted quantities (Enter moves down the list) in the unit Expected is shown in, or
 * another one chosen per row; see variance live, save, then review what posting would do
 * (large variances, dishes it would 86) and confirm.
 */
export function CountSheet({ count, currency }: { count: Count; currency: string }) {
  const open = count.status === "OPEN";
  const [units, setUnits] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      count.lines.map((l) => [
        l.ingredientId,
        initialCountUnit(toMilli(l.expected), l.counted === null ? null : toMilli(l.counted), l.baseUnit),
      ]),
    ),
  );
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      count.lines.map((l) => [
        l.ingredientId,
        l.counted === null ? "" : (entryText(toMilli(l.counted), units[l.ingredientId], l.baseUnit) ?? l.counted),
      ]),
    ),
  );
  const [saved, setSaved] = useState(() => ({ values, units }));
  const [q, setQ] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [review, setReview] = useState<StockCountPreview | null>(null);
  const [pending, start] = useTransition();
  const reviewOpener = useRef<HTMLButtonElement>(null);
  const dirty = count.lines.some(
    (l) =>
      saved.values[l.ingredientId] !== values[l.ingredientId] || saved.units[l.ingredientId] !== units[l.ingredientId],
  );
  const shown = useMemo(
    () => count.lines.filter((l) => !q || l.name.toLowerCase().includes(q.toLowerCase())),
    [count.lines, q],
  );

  const payload = () => ({
    id: count.id,
    lines: count.lines.map((l) => ({
      ingredientId: l.ingredientId,
      counted: values[l.ingredientId].trim() === "" ? null : values[l.ingredientId].trim(),
      unit: units[l.ingredientId],
    })),
  });
  /** Save when needed; false (with the errors shown) when the server refused. */
  const persist = async () => {
    if (!dirty) return true;
    const r = await saveStockCountAction(payload());
    if (!r.ok) {
      setErrors(r.fieldErrors ?? {});
      setMessage({ ok: false, text: r.error });
      return false;
    }
    setErrors({});
    setSaved({ values, units });
    return true;
  };
  const save = () =>
    start(async () => {
      if (await persist()) setMessage({ ok: true, text: "Saved." });
    });
  const startReview = () =>
    start(async () => {
      if (!(await persist())) return;
      const r = await previewStockCountAction({ id: count.id });
      if (!r.ok) {
        setMessage({ ok: false, text: r.error });
        return;
      }
      setMessage(null);
      setReview(r.data);
    });
  const post = () =>
    start(async () => {
      const r = await postStockCountAction({ id: count.id });
      setReview(null);
      if (r.ok) {
        setErrors({});
        setMessage({
          ok: true,
          text: `Posted: ${r.data.corrections} correction${r.data.corrections === 1 ? "" : "s"} written to the ledger.`,
        });
      } else setMessage({ ok: false, text: r.error });
    });

  const live = count.lines.map((l) => {
    if (!open) return l.variance === null ? null : toMilli(l.variance);
    const c = countEntryToBase(values[l.ingredientId], units[l.ingredientId], l.baseUnit);
    return c === null ? null : c - toMilli(l.expected);
  });
  const counted = live.filter((v) => v !== null).length;

  return (
    <div className="space-y-3" data-testid="count-panel">
      <div className="flex flex-wrap items-center gap-3">
        <input
          type="search"
          aria-label="Find an ingredient"
          placeholder="Find…"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className={`${inputClass} max-w-xs`}
        />
        <span className="text-sm text-gray-600" aria-live="polite">
          {counted} of {count.lines.length} counted
          {!open && ` · variance ${formatCents(count.varianceCents, currency)}`}
        </span>
      </div>
      <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="count-sheet">
          <thead className="bg-gray-50 text-gray-600">
            <tr>
              <th className="px-3 py-2">Ingredient</th>
              <th className="px-3 py-2 text-right">Expected</th>
              <th className="px-3 py-2">Counted (in the unit beside it)</th>
              <th className="px-3 py-2 text-right">Variance</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((l) => {
              const i = count.lines.indexOf(l);
              const v = live[i];
              const err = errors[`lines.${i}.counted`] ?? errors[`lines.${i}.unit`];
              const unit = units[l.ingredientId];
              const show = (q: number) => (open ? formatInUnit(q, unit, l.baseUnit) : formatQuantity(q, l.baseUnit));
              return (
                <tr
                  key={l.ingredientId}
                  className="border-t border-gray-100"
                  data-testid="count-row"
                  data-name={l.name}
                >
                  <td className="px-3 py-1.5 font-medium">{l.name}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums text-gray-600" data-testid="count-expected">
                    {show(toMilli(l.expected))}
                  </td>
                  <td className="px-3 py-1.5">
                    {open ? (
                      <div className="flex items-center gap-2">
                        <div className="w-32 shrink-0">
                          <input
                            aria-label={`${l.name} counted (${unit})`}
                            inputMode="decimal"
                            value={values[l.ingredientId]}
                            onChange={(e) => setValues((x) => ({ ...x, [l.ingredientId]: e.target.value }))}
                            onKeyDown={(e) => {
                              if (e.key !== "Enter") return;
                              e.preventDefault();
                              const inputs = [
                                ...document.querySelectorAll<HTMLInputElement>('[data-testid="count-input"]'),
                              ];
                              inputs[inputs.indexOf(e.currentTarget) + 1]?.focus();
                            }}
                            aria-invalid={
                              (values[l.ingredientId].trim() !== "" && !valid(values[l.ingredientId])) ||
                              !!err ||
                              undefined
                            }
                            className={inputClass}
                            data-testid="count-input"
                          />
                        </div>
                        {COUNT_UNITS[l.baseUnit].length > 1 ? (
                          <div className="w-20 shrink-0">
                            <select
                              aria-label={`${l.name} unit`}
                              value={unit}
                              onChange={(e) => {
                                const next = e.target.value;
                                // Keep the quantity, not the number: 5 kg becomes 5000 g.
                                const base = countEntryToBase(values[l.ingredientId], unit, l.baseUnit);
                                const text = base === null ? null : entryText(base, next, l.baseUnit);
                                if (text !== null) setValues((x) => ({ ...x, [l.ingredientId]: text }));
                                setUnits((x) => ({ ...x, [l.ingredientId]: next }));
                              }}
                              className={inputClass}
                              data-testid="count-unit"
                            >
                              {COUNT_UNITS[l.baseUnit].map((u) => (
                                <option key={u} value={u}>
                                  {u}
                                </option>
                              ))}
                            </select>
                          </div>
                        ) : (
                          <span
                            className="w-20 shrink-0 px-3 text-sm font-medium text-gray-700"
                            data-testid="count-unit-label"
                          >
                            {unit}
                          </span>
                        )}
                      </div>
                    ) : (
                      <span className="tabular-nums">
                        {l.counted === null ? "—" : formatQuantity(toMilli(l.counted), l.baseUnit)}
                      </span>
                    )}
                    {err && (
                      <p role="alert" className="text-xs text-red-700">
                        {err.join(" ")}
                      </p>
                    )}
                  </td>
                  <td
                    className={`px-3 py-1.5 text-right font-semibold tabular-nums ${v === null ? "text-gray-400" : v < 0 ? "text-red-700" : v > 0 ? "text-green-700" : ""}`}
                  >
                    {v === null ? "—" : `${v > 0 ? "+" : ""}${show(v)}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {open && (
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="secondary" disabled={pending} onClick={save}>
            {pending ? "Saving…" : "Save progress"}
          </Button>
          <Button ref={reviewOpener} disabled={pending || counted === 0} onClick={startReview} data-testid="count-post">
            Review and post…
          </Button>
          <Button
            variant="ghost"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const r = await cancelStockCountAction({ id: count.id });
                if (!r.ok) setMessage({ ok: false, text: r.error });
              })
            }
          >
            Cancel count
          </Button>
        </div>
      )}
      {review && (
        <CountReviewDialog
          review={review}
          lines={count.lines.map((l) => ({ ingredientId: l.ingredientId, unit: units[l.ingredientId] }))}
          pending={pending}
          onConfirm={post}
          onClose={() => {
            setReview(null);
            reviewOpener.current?.focus();
          }}
        />
      )}
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`rounded-lg p-3 text-sm font-medium ${message.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}

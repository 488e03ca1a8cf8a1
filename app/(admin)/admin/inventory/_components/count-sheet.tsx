"use client";

import { useMemo, useState, useTransition } from "react";
import { formatQuantity, type BaseUnitCode } from "@/lib/inventory/units";
import { toMilli } from "@/lib/inventory/quantity";
import { formatCents } from "@/lib/money";
import { Button } from "@/components/ui/button";
import { inputClass } from "./form-field";
import { cancelStockCountAction, postStockCountAction, saveStockCountAction } from "../actions";

type Line = { ingredientId: string; name: string; baseUnit: BaseUnitCode; expected: string; counted: string | null; variance: string | null; varianceCents: number | null };
type Count = { id: string; status: string; lines: Line[]; countedLines: number; varianceCents: number };

const valid = (v: string) => /^\d{1,11}(\.\d{1,3})?$/.test(v.trim());

/** Enter counted quantities (Enter moves down the list), see variance live, save, then post. */
export function CountSheet({ count, currency }: { count: Count; currency: string }) {
  const open = count.status === "OPEN";
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(count.lines.map((l) => [l.ingredientId, l.counted ?? ""])));
  const [q, setQ] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [confirmPost, setConfirmPost] = useState(false);
  const [pending, start] = useTransition();
  const dirty = count.lines.some((l) => (l.counted ?? "") !== values[l.ingredientId]);
  const shown = useMemo(() => count.lines.filter((l) => !q || l.name.toLowerCase().includes(q.toLowerCase())), [count.lines, q]);

  const payload = () => ({ id: count.id, lines: count.lines.map((l) => ({ ingredientId: l.ingredientId, counted: values[l.ingredientId].trim() === "" ? null : values[l.ingredientId].trim() })) });
  const save = () =>
    start(async () => {
      const r = await saveStockCountAction(payload());
      if (r.ok) { setErrors({}); setMessage({ ok: true, text: "Saved." }); }
      else { setErrors(r.fieldErrors ?? {}); setMessage({ ok: false, text: r.error }); }
    });
  const post = () =>
    start(async () => {
      if (dirty) {
        const s = await saveStockCountAction(payload());
        if (!s.ok) { setErrors(s.fieldErrors ?? {}); setMessage({ ok: false, text: s.error }); return; }
      }
      const r = await postStockCountAction({ id: count.id });
      setConfirmPost(false);
      setMessage(r.ok ? { ok: true, text: `Posted: ${r.data.corrections} correction${r.data.corrections === 1 ? "" : "s"} written to the ledger.` } : { ok: false, text: r.error });
    });

  const live = count.lines.map((l) => {
    const v = values[l.ingredientId];
    if (!open) return l.variance === null ? null : toMilli(l.variance);
    return v && valid(v) ? toMilli(v) - toMilli(l.expected) : null;
  });
  const counted = live.filter((v) => v !== null).length;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <input type="search" aria-label="Find an ingredient" placeholder="Find…" value={q} onChange={(e) => setQ(e.target.value)} className={`${inputClass} max-w-xs`} />
        <span className="text-sm text-gray-600" aria-live="polite">{counted} of {count.lines.length} counted{!open && ` · variance ${formatCents(count.varianceCents, currency)}`}</span>
      </div>
      <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="count-sheet">
          <thead className="bg-gray-50 text-gray-600"><tr><th className="px-3 py-2">Ingredient</th><th className="px-3 py-2 text-right">Expected</th><th className="px-3 py-2">Counted</th><th className="px-3 py-2 text-right">Variance</th></tr></thead>
          <tbody>
            {shown.map((l) => {
              const i = count.lines.indexOf(l);
              const v = live[i];
              const err = errors[`lines.${i}.counted`] ?? errors[`lines.${i}.unit`];
              return (
                <tr key={l.ingredientId} className="border-t border-gray-100" data-testid="count-row" data-name={l.name}>
                  <td className="px-3 py-1.5 font-medium">{l.name}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums text-gray-600">{formatQuantity(toMilli(l.expected), l.baseUnit)}</td>
                  <td className="px-3 py-1.5">
                    {open ? (
                      <div className="flex items-center gap-2">
                        <input
                          aria-label={`${l.name} counted (${l.baseUnit === "EACH" ? "each" : l.baseUnit.toLowerCase()})`}
                          inputMode="decimal"
                          value={values[l.ingredientId]}
                          onChange={(e) => setValues((x) => ({ ...x, [l.ingredientId]: e.target.value }))}
                          onKeyDown={(e) => {
                            if (e.key !== "Enter") return;
                            e.preventDefault();
                            const inputs = [...document.querySelectorAll<HTMLInputElement>('[data-testid="count-input"]')];
                            inputs[inputs.indexOf(e.currentTarget) + 1]?.focus();
                          }}
                          aria-invalid={(values[l.ingredientId] !== "" && !valid(values[l.ingredientId])) || !!err || undefined}
                          className={`${inputClass} w-32`}
                          data-testid="count-input"
                        />
                        <span className="text-xs text-gray-500">{l.baseUnit === "EACH" ? "each" : l.baseUnit.toLowerCase()}</span>
                      </div>
                    ) : (
                      <span className="tabular-nums">{l.counted === null ? "—" : formatQuantity(toMilli(l.counted), l.baseUnit)}</span>
                    )}
                    {err && <p role="alert" className="text-xs text-red-700">{err.join(" ")}</p>}
                  </td>
                  <td className={`px-3 py-1.5 text-right font-semibold tabular-nums ${v === null ? "text-gray-400" : v < 0 ? "text-red-700" : v > 0 ? "text-green-700" : ""}`}>
                    {v === null ? "—" : `${v > 0 ? "+" : ""}${formatQuantity(v, l.baseUnit)}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {open && (
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="secondary" disabled={pending} onClick={save}>{pending ? "Saving…" : "Save progress"}</Button>
          {confirmPost ? (
            <>
              <span className="text-sm font-medium">Post {counted} counted line{counted === 1 ? "" : "s"} as corrections?</span>
              <Button disabled={pending} onClick={post} data-testid="count-post-confirm">Post count</Button>
              <Button variant="ghost" onClick={() => setConfirmPost(false)}>Not yet</Button>
            </>
          ) : (
            <Button disabled={pending || counted === 0} onClick={() => setConfirmPost(true)} data-testid="count-post">Post count…</Button>
          )}
          <Button variant="ghost" disabled={pending} onClick={() => start(async () => { const r = await cancelStockCountAction({ id: count.id }); if (!r.ok) setMessage({ ok: false, text: r.error }); })}>Cancel count</Button>
        </div>
      )}
      {message && <p role={message.ok ? "status" : "alert"} className={`rounded-lg p-3 text-sm font-medium ${message.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>{message.text}</p>}
    </div>
  );
}

"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/http/action";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, describedBy, inputClass } from "@/components/admin/form-field";
import { keepValuesOnSubmit } from "@/components/admin/use-keep-values";
import { adjustStockAction } from "../actions";

/** A manual, reasoned correction (ADJUSTMENT movement). Counts and receipts have their own flows. */
export function AdjustStockForm({
  ingredientId,
  units,
  baseLabel,
}: {
  ingredientId: string;
  units: string[];
  baseLabel: string;
}) {
  const [state, formAction, pending] = useActionState<ActionResult<{ onHand: string }> | null, FormData>(
    adjustStockAction.bind(null, ingredientId),
    null,
  );
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="space-y-3" noValidate>
      <div className="grid grid-cols-[auto_1fr_auto] items-end gap-2">
        <Field label="Direction" htmlFor="adj-direction" error={fe.direction}>
          <select {...describedBy("adj-direction", fe.direction)} name="direction" className={inputClass}>
            <option value="ADD">Add</option>
            <option value="REMOVE">Remove</option>
          </select>
        </Field>
        <Field label="Quantity" htmlFor="adj-quantity" error={fe.quantity}>
          <input
            {...describedBy("adj-quantity", fe.quantity)}
            name="quantity"
            inputMode="decimal"
            className={inputClass}
          />
        </Field>
        <Field label="Unit" htmlFor="adj-unit" error={fe.unit}>
          <select {...describedBy("adj-unit", fe.unit)} name="unit" defaultValue={baseLabel} className={inputClass}>
            {units.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        label="Reason"
        htmlFor="adj-reason"
        error={fe.reason}
        hint="Kept on the ledger, e.g. opening stock, borrowed from the other site"
      >
        <input {...describedBy("adj-reason", fe.reason)} name="reason" className={inputClass} />
      </Field>
      <FormMessage
        result={
          state
            ? state.ok
              ? { ok: true, message: `Done. On hand now ${state.data.onHand} ${baseLabel}.` }
              : state
            : null
        }
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Record adjustment"}
      </Button>
    </form>
  );
}

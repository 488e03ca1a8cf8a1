"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/http/action";
import { formatQuantity, type BaseUnitCode } from "@/lib/inventory/units";
import { toMilli } from "@/lib/inventory/quantity";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, describedBy, inputClass } from "@/components/admin/form-field";
import { keepValuesOnSubmit } from "@/components/admin/use-keep-values";
import { logWasteAction } from "../actions";

type Ing = { id: string; name: string; onHand: string; baseUnit: BaseUnitCode; units: string[] };
type Result = ActionResult<{ eightySixed: { id: string; name: string }[]; lowStock: { name: string }[] }>;

/** Waste with a reason (a WASTE movement). It can 86 dishes when it takes the last of something. */
export function WasteForm({ ingredients, reasons }: { ingredients: Ing[]; reasons: string[] }) {
  const [state, formAction, pending] = useActionState<Result | null, FormData>(logWasteAction, null);
  const [ingredientId, setIngredientId] = useState(ingredients[0]?.id ?? "");
  const ing = ingredients.find((i) => i.id === ingredientId);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const done = state?.ok
    ? [
        "Logged.",
        ...(state.data.eightySixed.length ? [`86'd: ${state.data.eightySixed.map((i) => i.name).join(", ")}.`] : []),
        ...(state.data.lowStock.length ? [`Now low: ${state.data.lowStock.map((i) => i.name).join(", ")}.`] : []),
      ].join(" ")
    : undefined;
  return (
    <form
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="space-y-3"
      noValidate
      data-testid="waste-form"
    >
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_auto]">
        <Field
          label="Ingredient"
          htmlFor="waste-ingredient"
          error={fe.ingredientId}
          hint={ing ? `On hand: ${formatQuantity(toMilli(ing.onHand), ing.baseUnit)}` : undefined}
        >
          <select
            {...describedBy("waste-ingredient", fe.ingredientId)}
            name="ingredientId"
            value={ingredientId}
            onChange={(e) => setIngredientId(e.target.value)}
            className={inputClass}
          >
            {ingredients.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Quantity" htmlFor="waste-quantity" error={fe.quantity}>
          <input
            {...describedBy("waste-quantity", fe.quantity)}
            name="quantity"
            inputMode="decimal"
            className={inputClass}
          />
        </Field>
        <Field label="Unit" htmlFor="waste-unit" error={fe.unit}>
          <select {...describedBy("waste-unit", fe.unit)} name="unit" key={ingredientId} className={inputClass}>
            {(ing?.units ?? ["g"]).map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Reason" htmlFor="waste-reason" error={fe.reason}>
          <select {...describedBy("waste-reason", fe.reason)} name="reason" className={inputClass}>
            {reasons.map((r) => (
              <option key={r} value={r}>
                {r.toLowerCase().replace("_", " ")}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Note (optional)" htmlFor="waste-note" error={fe.note} className="sm:col-span-2">
          <input {...describedBy("waste-note", fe.note)} name="note" className={inputClass} />
        </Field>
      </div>
      <FormMessage result={state ? (state.ok ? { ok: true, message: done } : state) : null} />
      <Button type="submit" disabled={pending || !ingredients.length} data-testid="waste-submit">
        {pending ? "Logging…" : "Log waste"}
      </Button>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/http/action";
import { Button } from "@/components/ui/button";
import { ErrorSummary, errorSummaryItems, useFocusFirstError, type SummaryField } from "@/components/ui/error-summary";
import { Field, FormMessage, describedBy, inputClass } from "@/components/admin/form-field";
import { keepValuesOnSubmit } from "@/components/admin/use-keep-values";
import { saveIngredientAction } from "../actions";

type Ingredient = {
  id: string;
  name: string;
  sku: string | null;
  baseUnit: "G" | "ML" | "EACH";
  purchaseUnit: string;
  purchaseUnitSize: string;
  costCentsPerPurchaseUnit: number;
  parLevel: string;
  reorderPoint: string;
  defaultSupplierId: string | null;
};

/** The fields in the order they appear, for the error summary. */
const SUMMARY_FIELDS: SummaryField[] = [
  { key: "name", id: "name", label: "Name" },
  { key: "sku", id: "sku", label: "SKU" },
  { key: "baseUnit", id: "baseUnit", label: "Base unit" },
  { key: "defaultSupplierId", id: "defaultSupplierId", label: "Default supplier" },
  { key: "purchaseUnit", id: "purchaseUnit", label: "Purchase unit" },
  { key: "purchaseUnitSize", id: "purchaseUnitSize", label: "Base units in one purchase unit" },
  { key: "costCentsPerPurchaseUnit", id: "cost", label: "Cost per purchase unit" },
  { key: "parLevel", id: "parLevel", label: "Par level" },
  { key: "reorderPoint", id: "reorderPoint", label: "Reorder point" },
];

/** Base unit (how stock is kept), purchase unit and its size (the conversion), cost, par and reorder point. */
export function IngredientForm({
  ingredient,
  suppliers,
  hasHistory,
}: {
  ingredient: Ingredient | null;
  suppliers: { id: string; name: string }[];
  hasHistory: boolean;
}) {
  const [state, formAction, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(
    saveIngredientAction.bind(null, ingredient?.id ?? null),
    null,
  );
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const summary = errorSummaryItems(
    state && !state.ok ? state.fieldErrors : undefined,
    SUMMARY_FIELDS,
    "ingredient-form",
  );
  useFocusFirstError(state, summary);
  return (
    <form
      id="ingredient-form"
      tabIndex={-1}
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="space-y-4"
      noValidate
      data-testid="ingredient-form"
    >
      {summary.length ? (
        <ErrorSummary title={state && !state.ok ? state.error : ""} items={summary} />
      ) : (
        <FormMessage result={state && !state.ok ? state : null} />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" htmlFor="name" error={fe.name}>
          <input {...describedBy("name", fe.name)} defaultValue={ingredient?.name} className={inputClass} />
        </Field>
        <Field label="SKU (optional)" htmlFor="sku" error={fe.sku}>
          <input {...describedBy("sku", fe.sku)} defaultValue={ingredient?.sku ?? ""} className={inputClass} />
        </Field>
        <Field
          label="Base unit (stock is kept in it)"
          htmlFor="baseUnit"
          error={fe.baseUnit}
          hint={hasHistory ? "Locked: stock has moved in this unit" : "Recipes and counts use it"}
        >
          <select
            {...describedBy("baseUnit", fe.baseUnit)}
            defaultValue={ingredient?.baseUnit ?? "G"}
            className={inputClass}
            disabled={hasHistory}
          >
            <option value="G">grams (g)</option>
            <option value="ML">millilitres (ml)</option>
            <option value="EACH">each (pieces)</option>
          </select>
          {hasHistory && <input type="hidden" name="baseUnit" value={ingredient?.baseUnit} />}
        </Field>
        <Field label="Default supplier" htmlFor="defaultSupplierId" error={fe.defaultSupplierId}>
          <select
            {...describedBy("defaultSupplierId", fe.defaultSupplierId)}
            defaultValue={ingredient?.defaultSupplierId ?? ""}
            className={inputClass}
          >
            <option value="">None</option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Purchase unit"
          htmlFor="purchaseUnit"
          error={fe.purchaseUnit}
          hint='How it is bought, e.g. "5 kg sack", "case of 12"'
        >
          <input
            {...describedBy("purchaseUnit", fe.purchaseUnit)}
            defaultValue={ingredient?.purchaseUnit ?? ""}
            className={inputClass}
          />
        </Field>
        <Field
          label="Base units in one purchase unit"
          htmlFor="purchaseUnitSize"
          error={fe.purchaseUnitSize}
          hint="e.g. 5000 for a 5 kg sack kept in g"
        >
          <input
            {...describedBy("purchaseUnitSize", fe.purchaseUnitSize)}
            defaultValue={ingredient?.purchaseUnitSize ?? ""}
            inputMode="decimal"
            className={inputClass}
          />
        </Field>
        <Field
          label="Cost per purchase unit"
          htmlFor="cost"
          error={fe.costCentsPerPurchaseUnit}
          hint="Updated on each receipt (weighted average)"
        >
          <input
            {...describedBy("cost", fe.costCentsPerPurchaseUnit)}
            defaultValue={ingredient ? (ingredient.costCentsPerPurchaseUnit / 100).toFixed(2) : ""}
            inputMode="decimal"
            className={inputClass}
          />
        </Field>
        <div />
        <Field
          label="Par level (base units)"
          htmlFor="parLevel"
          error={fe.parLevel}
          hint="What a full shelf holds; reorders fill up to it"
        >
          <input
            {...describedBy("parLevel", fe.parLevel)}
            defaultValue={ingredient?.parLevel ?? ""}
            inputMode="decimal"
            className={inputClass}
          />
        </Field>
        <Field
          label="Reorder point (base units)"
          htmlFor="reorderPoint"
          error={fe.reorderPoint}
          hint="At or below it: low-stock alert"
        >
          <input
            {...describedBy("reorderPoint", fe.reorderPoint)}
            defaultValue={ingredient?.reorderPoint ?? ""}
            inputMode="decimal"
            className={inputClass}
          />
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending} data-testid="ingredient-save">
          {pending ? "Saving…" : ingredient ? "Save changes" : "Create ingredient"}
        </Button>
      </div>
    </form>
  );
}

"use client";

import { useState } from "react";
import { parseMoneyToCents } from "@/lib/csv/fields";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ErrorText, Field, inputClass, NamedOptions } from "@/components/admin/form-field";
import { useSaveState } from "@/components/admin/use-save-state";
import { EditorActions, EditorForm } from "@/components/admin/editor-form";
import { LineEditorTable, RemoveLineButton } from "@/components/admin/line-editor";
import { lineFieldErrors } from "@/components/admin/line-rows";
import { useLineRows } from "@/components/admin/use-line-rows";
import { createPurchaseOrderAction, updatePurchaseOrderAction } from "../actions";

type Ing = {
  id: string;
  name: string;
  purchaseUnit: string;
  costCents: number;
  supplierId: string | null;
  suggested: number | null;
};
type Line = { ingredientId: string; quantity: string; cost: string };
type Po = {
  id: string;
  supplierId: string;
  expectedAt: string | null;
  notes: string;
  lines: { ingredientId: string; quantityOrdered: string; unitCostCents: number }[];
};

const toLine = (l: Po["lines"][number]): Line => ({
  ingredientId: l.ingredientId,
  quantity: l.quantityOrdered,
  cost: (l.unitCostCents / 100).toFixed(2),
});

/** Draft editor: supplier, expected date, notes and lines in purchase units (e.g. 3 × 5 kg sack). */
export function PoEditor({
  po,
  suppliers,
  ingredients,
  defaultSupplierId,
}: {
  po: Po | null;
  suppliers: { id: string; name: string }[];
  ingredients: Ing[];
  defaultSupplierId?: string;
}) {
  const hydrated = useHydrated();
  const byId = new Map(ingredients.map((i) => [i.id, i]));
  const [supplierId, setSupplierId] = useState(po?.supplierId ?? defaultSupplierId ?? suppliers[0]?.id ?? "");
  const [expectedAt, setExpectedAt] = useState(po?.expectedAt ?? "");
  const [notes, setNotes] = useState(po?.notes ?? "");
  const { rows: lines, add, update, remove } = useLineRows<Line>(po?.lines.map(toLine) ?? []);
  const { errors, message, pending, start, saved, failed } = useSaveState();
  const addLow = () => {
    const low = ingredients.filter(
      (i) => i.supplierId === supplierId && i.suggested && !lines.some((l) => l.ingredientId === i.id),
    );
    add(
      ...low.map((i) => ({ ingredientId: i.id, quantity: String(i.suggested), cost: (i.costCents / 100).toFixed(2) })),
    );
  };

  function save() {
    start(async () => {
      const body = {
        expectedAt: expectedAt || null,
        notes,
        lines: lines.map((l) => ({
          ingredientId: l.ingredientId,
          quantityOrdered: l.quantity,
          unitCostCents: l.cost.trim() === "" ? undefined : (parseMoneyToCents(l.cost) ?? Number.NaN),
        })),
      };
      const r = po
        ? await updatePurchaseOrderAction({ id: po.id, ...body })
        : await createPurchaseOrderAction({ supplierId, ...body });
      if (r && !r.ok) {
        failed(r);
      } else {
        saved("Saved.");
      }
    });
  }

  return (
    <EditorForm
      onSave={save}
      className="space-y-4 rounded-xl border border-gray-200 bg-white p-4"
      data-testid="po-editor"
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Supplier" htmlFor="po-supplier" error={errors.supplierId}>
          <select
            id="po-supplier"
            value={supplierId}
            onChange={(e) => setSupplierId(e.target.value)}
            disabled={!!po}
            className={inputClass}
          >
            <NamedOptions items={suppliers} />
          </select>
        </Field>
        <Field label="Expected delivery" htmlFor="po-expected" error={errors.expectedAt}>
          <input
            id="po-expected"
            type="date"
            value={expectedAt}
            onChange={(e) => setExpectedAt(e.target.value)}
            className={inputClass}
          />
        </Field>
        <Field label="Notes" htmlFor="po-notes" error={errors.notes}>
          <input id="po-notes" value={notes} onChange={(e) => setNotes(e.target.value)} className={inputClass} />
        </Field>
      </div>
      <LineEditorTable caption="Lines" columns={["Ingredient", "Quantity (purchase units)", "Unit cost"]}>
        {lines.map((l, i) => {
          const ing = byId.get(l.ingredientId);
          const err = lineFieldErrors(errors, "lines", i, ["ingredientId", "quantityOrdered", "unitCostCents"]);
          return (
            <tr key={l.key} className="align-top">
              <td className="py-1 pr-2">
                <select
                  aria-label={`Line ${i + 1} ingredient`}
                  value={l.ingredientId}
                  onChange={(e) => {
                    const x = byId.get(e.target.value);
                    update(i, { ingredientId: e.target.value, cost: x ? (x.costCents / 100).toFixed(2) : l.cost });
                  }}
                  className={inputClass}
                >
                  <option value="">Choose…</option>
                  <NamedOptions items={ingredients} />
                </select>
                <ErrorText errors={err} className="text-xs" />
              </td>
              <td className="py-1 pr-2">
                <div className="flex items-center gap-2">
                  <input
                    aria-label={`Line ${i + 1} quantity`}
                    inputMode="decimal"
                    value={l.quantity}
                    onChange={(e) => update(i, { quantity: e.target.value })}
                    className={inputClass}
                  />
                  <span className="whitespace-nowrap text-xs text-gray-500">× {ing?.purchaseUnit ?? "unit"}</span>
                </div>
              </td>
              <td className="py-1 pr-2">
                <input
                  aria-label={`Line ${i + 1} unit cost`}
                  inputMode="decimal"
                  value={l.cost}
                  onChange={(e) => update(i, { cost: e.target.value })}
                  className={inputClass}
                />
              </td>
              <td className="py-1">
                <RemoveLineButton label={`Remove line ${i + 1}`} onClick={() => remove(i)} />
              </td>
            </tr>
          );
        })}
      </LineEditorTable>
      <ErrorText errors={errors.lines} />
      <EditorActions message={message}>
        {/* Disabled until React owns the page: a tap before hydration would be lost. */}
        <Button
          type="button"
          variant="secondary"
          disabled={!hydrated}
          onClick={() => add({ ingredientId: "", quantity: "1", cost: "" })}
        >
          Add line
        </Button>
        <Button type="button" variant="secondary" disabled={!hydrated} onClick={addLow}>
          Add this supplier&apos;s low items
        </Button>
        <Button type="submit" disabled={pending} data-testid="po-save">
          {pending ? "Saving…" : po ? "Save draft" : "Create draft"}
        </Button>
      </EditorActions>
    </EditorForm>
  );
}

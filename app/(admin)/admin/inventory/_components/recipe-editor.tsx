"use client";

import { useRouter } from "next/navigation";
import { ENTRY_UNITS, BASE_UNIT_LABEL, type BaseUnitCode } from "@/lib/inventory/units";
import { Button } from "@/components/ui/button";
import { ErrorText, inputClass, NamedOptions } from "@/components/admin/form-field";
import { useSaveState } from "@/components/admin/use-save-state";
import { EditorActions, EditorForm } from "@/components/admin/editor-form";
import { RemoveLineButton } from "@/components/admin/line-editor";
import { lineFieldErrors } from "@/components/admin/line-rows";
import { useLineRows } from "@/components/admin/use-line-rows";
import { setRecipeAction } from "../actions";

type Line = { ingredientId: string; quantity: string; unit: string };

/** Edit a recipe: ingredient + quantity (any unit that fits its base unit) per portion. */
export function RecipeEditor({
  owner,
  ingredients,
  initial,
}: {
  owner: { menuItemId: string } | { modifierId: string };
  ingredients: { id: string; name: string; baseUnit: BaseUnitCode }[];
  initial: { ingredientId: string; quantity: string }[];
}) {
  const router = useRouter();
  const byId = new Map(ingredients.map((i) => [i.id, i]));
  const unitOf = (id: string) => BASE_UNIT_LABEL[byId.get(id)?.baseUnit ?? "G"];
  const initialLines = initial.map((l) => ({
    ingredientId: l.ingredientId,
    quantity: l.quantity,
    unit: unitOf(l.ingredientId),
  }));
  const { rows: lines, add, update, remove } = useLineRows<Line>(initialLines);
  const { errors, message, pending, start, saved, failed } = useSaveState();

  function save() {
    start(async () => {
      const r = await setRecipeAction({
        ...owner,
        lines: lines
          .filter((l) => l.ingredientId)
          .map((l) => ({ ingredientId: l.ingredientId, quantity: l.quantity, unit: l.unit })),
      });
      if (r.ok) {
        const fx = [
          ...r.data.eightySixed.map((i) => `${i.name} is now 86'd (not enough stock)`),
          ...r.data.restored.map((i) => `${i.name} is back on the menu`),
        ];
        saved(`Recipe saved.${fx.length ? " " + fx.join("; ") + "." : ""}`);
        router.refresh();
      } else {
        failed(r);
      }
    });
  }

  return (
    <EditorForm onSave={save} className="space-y-3" data-testid="recipe-editor">
      {lines.length === 0 && (
        <p className="text-sm text-gray-500">No ingredients: stock will not be tracked for this.</p>
      )}
      {lines.map((l, i) => {
        const ing = byId.get(l.ingredientId);
        const err = lineFieldErrors(errors, "lines", i, ["ingredientId", "quantity", "unit"]);
        return (
          <div key={l.key} className="grid grid-cols-[2fr_1fr_auto_auto] items-start gap-2">
            <select
              aria-label={`Ingredient ${i + 1}`}
              value={l.ingredientId}
              onChange={(e) => update(i, { ingredientId: e.target.value, unit: unitOf(e.target.value) })}
              className={inputClass}
            >
              <option value="">Choose…</option>
              <NamedOptions items={ingredients} />
            </select>
            <input
              aria-label={`Quantity ${i + 1}`}
              inputMode="decimal"
              value={l.quantity}
              onChange={(e) => update(i, { quantity: e.target.value })}
              className={inputClass}
            />
            <select
              aria-label={`Unit ${i + 1}`}
              value={l.unit}
              onChange={(e) => update(i, { unit: e.target.value })}
              className={inputClass}
              disabled={!ing}
            >
              {Object.keys(ENTRY_UNITS[ing?.baseUnit ?? "G"]).map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
            <RemoveLineButton label={`Remove ingredient ${i + 1}`} onClick={() => remove(i)} />
            <ErrorText errors={err} className="col-span-4 text-sm" />
          </div>
        );
      })}
      <EditorActions message={message}>
        <Button type="button" variant="secondary" onClick={() => add({ ingredientId: "", quantity: "", unit: "g" })}>
          Add ingredient
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save recipe"}
        </Button>
      </EditorActions>
    </EditorForm>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ENTRY_UNITS, BASE_UNIT_LABEL, type BaseUnitCode } from "@/lib/inventory/units";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/admin/form-field";
import { setRecipeAction } from "../actions";

type Line = { key: string; ingredientId: string; quantity: string; unit: string };

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
  const [lines, setLines] = useState<Line[]>(
    initial.map((l, i) => ({
      key: String(i),
      ingredientId: l.ingredientId,
      quantity: l.quantity,
      unit: unitOf(l.ingredientId),
    })),
  );
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const update = (i: number, patch: Partial<Line>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  function save() {
    start(async () => {
      const r = await setRecipeAction({
        ...owner,
        lines: lines
          .filter((l) => l.ingredientId)
          .map((l) => ({ ingredientId: l.ingredientId, quantity: l.quantity, unit: l.unit })),
      });
      if (r.ok) {
        setErrors({});
        const fx = [
          ...r.data.eightySixed.map((i) => `${i.name} is now 86'd (not enough stock)`),
          ...r.data.restored.map((i) => `${i.name} is back on the menu`),
        ];
        setMessage({ ok: true, text: `Recipe saved.${fx.length ? " " + fx.join("; ") + "." : ""}` });
        router.refresh();
      } else {
        setErrors(r.fieldErrors ?? {});
        setMessage({ ok: false, text: r.error });
      }
    });
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      className="space-y-3"
      noValidate
      data-testid="recipe-editor"
    >
      {lines.length === 0 && (
        <p className="text-sm text-gray-500">No ingredients: stock will not be tracked for this.</p>
      )}
      {lines.map((l, i) => {
        const ing = byId.get(l.ingredientId);
        const err = [
          ...(errors[`lines.${i}.ingredientId`] ?? []),
          ...(errors[`lines.${i}.quantity`] ?? []),
          ...(errors[`lines.${i}.unit`] ?? []),
        ];
        return (
          <div key={l.key} className="grid grid-cols-[2fr_1fr_auto_auto] items-start gap-2">
            <select
              aria-label={`Ingredient ${i + 1}`}
              value={l.ingredientId}
              onChange={(e) => update(i, { ingredientId: e.target.value, unit: unitOf(e.target.value) })}
              className={inputClass}
            >
              <option value="">Choose…</option>
              {ingredients.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
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
            <Button
              type="button"
              variant="ghost"
              aria-label={`Remove ingredient ${i + 1}`}
              onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
            >
              ✕
            </Button>
            {err.length > 0 && (
              <p role="alert" className="col-span-4 text-sm text-red-700">
                {err.join(" ")}
              </p>
            )}
          </div>
        );
      })}
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            setLines((ls) => [...ls, { key: String(Date.now()), ingredientId: "", quantity: "", unit: "g" }])
          }
        >
          Add ingredient
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save recipe"}
        </Button>
        {message && (
          <span
            role={message.ok ? "status" : "alert"}
            className={`text-sm font-medium ${message.ok ? "text-green-700" : "text-red-700"}`}
          >
            {message.text}
          </span>
        )}
      </div>
    </form>
  );
}

"use client";

import { Fragment, useState } from "react";
import type { MenuAdmin } from "@/lib/menu/get-menu-admin";
import type { ModifierRouting } from "@/lib/menu/get-modifier-routing";
import { parseMoneyToCents } from "@/lib/csv/fields";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorText, Field, inputClass, NamedOptions } from "@/components/admin/form-field";
import { useSaveState } from "@/components/admin/use-save-state";
import { EditorActions, EditorForm } from "@/components/admin/editor-form";
import { LineEditorTable, RemoveLineButton } from "@/components/admin/line-editor";
import { lineFieldErrors } from "@/components/admin/line-rows";
import { useLineRows } from "@/components/admin/use-line-rows";
import { deleteModifierGroupAction, saveModifierGroupAction } from "../actions";

type Group = MenuAdmin["modifierGroups"][number];
type Row = { id?: string; name: string; price: string; is86d: boolean; stationId: string; stock: string };

/** Where an option is made and what stock it uses: their errors show under the option's second row. */
const KITCHEN_FIELDS = ["stationId", "recipeItemId", "removesIngredientId"];
const NEW_ROW: Row = { name: "", price: "0.00", is86d: false, stationId: "", stock: "" };

/** "Stock" select value: "" (own recipe), "dish:<menu item id>" or "no:<ingredient id>". */
const toRow = (m: Group["modifiers"][number], routing: ModifierRouting): Row => {
  const r = routing.byModifier[m.id];
  const stock = r?.removesIngredientId
    ? `no:${r.removesIngredientId}`
    : r?.recipeItemId
      ? `dish:${r.recipeItemId}`
      : "";
  return {
    id: m.id,
    name: m.name,
    price: (m.priceDeltaCents / 100).toFixed(2),
    is86d: m.is86d,
    stationId: r?.stationId ?? "",
    stock,
  };
};
const signedCents = (v: string) => {
  const t = v.trim();
  if (!t) return 0;
  const c = parseMoneyToCents(t.replace(/^[+-]/, ""));
  return c === null ? Number.NaN : t.startsWith("-") ? -c : c;
};

/**
 * One group: name, min/max choices, options with price deltas (add, remove, reorder, 86), and
 * per option where the kitchen makes it (another station, a portion of a dish) or which
 * ingredient it removes ("no onions" then uses no onions).
 */
export function ModifierGroupEditor({
  group,
  currency,
  routing,
}: {
  group: Group | null;
  currency: string;
  routing: ModifierRouting;
}) {
  const [name, setName] = useState(group?.name ?? "");
  const [min, setMin] = useState(String(group?.minSelect ?? 0));
  const [max, setMax] = useState(String(group?.maxSelect ?? 1));
  const { rows, add, update, remove, move, reset } = useLineRows<Row>(
    group?.modifiers.map((m) => toRow(m, routing)) ?? [NEW_ROW],
  );
  const { errors, message, setMessage, pending, start, saved, failed, runDelete } = useSaveState();
  const p = group?.id ?? "new";

  function save() {
    start(async () => {
      setMessage(null);
      const r = await saveModifierGroupAction({
        id: group?.id,
        name,
        minSelect: Number(min),
        maxSelect: Number(max),
        modifiers: rows.map((row) => ({
          id: row.id,
          name: row.name,
          priceDeltaCents: signedCents(row.price),
          is86d: row.is86d,
          stationId: row.stationId || null,
          recipeItemId: row.stock.startsWith("dish:") ? row.stock.slice(5) : null,
          removesIngredientId: row.stock.startsWith("no:") ? row.stock.slice(3) : null,
        })),
      });
      if (r.ok) {
        saved("Saved.");
        if (!group) {
          setName("");
          reset([NEW_ROW]);
        }
      } else {
        failed(r);
      }
    });
  }

  return (
    <Card title={group ? undefined : "New modifier group"}>
      <EditorForm
        onSave={save}
        className="space-y-3"
        aria-label={group ? `Modifier group ${group.name}` : "New modifier group"}
      >
        <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr]">
          <Field label="Group name" htmlFor={`${p}-name`} error={errors.name}>
            <input
              id={`${p}-name`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              className={inputClass}
              aria-invalid={!!errors.name || undefined}
            />
          </Field>
          <Field label="Choose at least" htmlFor={`${p}-min`} error={errors.minSelect}>
            <input
              id={`${p}-min`}
              type="number"
              min={0}
              max={20}
              value={min}
              onChange={(e) => setMin(e.target.value)}
              className={inputClass}
            />
          </Field>
          <Field label="Choose at most" htmlFor={`${p}-max`} error={errors.maxSelect}>
            <input
              id={`${p}-max`}
              type="number"
              min={1}
              max={20}
              value={max}
              onChange={(e) => setMax(e.target.value)}
              className={inputClass}
            />
          </Field>
        </div>
        <LineEditorTable caption="Options" columns={["Option", `Price change (${currency})`, "86'd"]}>
          {rows.map((row, i) => {
            const rowErr = lineFieldErrors(errors, "modifiers", i, ["name", "priceDeltaCents"]);
            const kitchenErr = lineFieldErrors(errors, "modifiers", i, KITCHEN_FIELDS);
            return (
              <Fragment key={row.key}>
                <tr className="align-top">
                  <td className="py-1 pr-2">
                    <input
                      aria-label={`Option ${i + 1} name`}
                      value={row.name}
                      onChange={(e) => update(i, { name: e.target.value })}
                      className={inputClass}
                    />
                    <ErrorText errors={rowErr} className="text-xs" />
                  </td>
                  <td className="py-1 pr-2">
                    <input
                      aria-label={`Option ${i + 1} price change`}
                      inputMode="decimal"
                      value={row.price}
                      onChange={(e) => update(i, { price: e.target.value })}
                      className={inputClass}
                    />
                  </td>
                  <td className="py-1 pr-2">
                    <input
                      type="checkbox"
                      aria-label={`Option ${i + 1} 86'd`}
                      checked={row.is86d}
                      onChange={(e) => update(i, { is86d: e.target.checked })}
                      className="mt-3 h-5 w-5"
                    />
                  </td>
                  <td className="whitespace-nowrap py-1">
                    <Button
                      type="button"
                      variant="ghost"
                      aria-label={`Move option ${i + 1} up`}
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                    >
                      ↑
                    </Button>
                    <Button
                      type="button"
                      variant="ghost"
                      aria-label={`Move option ${i + 1} down`}
                      disabled={i === rows.length - 1}
                      onClick={() => move(i, 1)}
                    >
                      ↓
                    </Button>
                    <RemoveLineButton label={`Remove option ${i + 1}`} onClick={() => remove(i)} />
                  </td>
                </tr>
                <tr className="align-top">
                  <td colSpan={4} className="pb-3">
                    <div className="grid gap-2 sm:grid-cols-2">
                      <label className="text-xs text-gray-700">
                        Made at
                        <select
                          aria-label={`Option ${i + 1} made at`}
                          value={row.stationId}
                          onChange={(e) => update(i, { stationId: e.target.value })}
                          className={inputClass}
                        >
                          <option value="">With the dish (or its dish&apos;s station)</option>
                          <NamedOptions items={routing.stations} />
                        </select>
                      </label>
                      <label className="text-xs text-gray-700">
                        Stock
                        <select
                          aria-label={`Option ${i + 1} stock`}
                          value={row.stock}
                          onChange={(e) => update(i, { stock: e.target.value })}
                          className={inputClass}
                        >
                          <option value="">Its own recipe lines</option>
                          <optgroup label="A portion of (its station and recipe)">
                            {routing.dishes.map((d) => (
                              <option key={d.id} value={`dish:${d.id}`}>
                                Portion of {d.name}
                              </option>
                            ))}
                          </optgroup>
                          <optgroup label="Removes from the dish">
                            {routing.ingredients.map((ing) => (
                              <option key={ing.id} value={`no:${ing.id}`}>
                                No {ing.name}
                              </option>
                            ))}
                          </optgroup>
                        </select>
                      </label>
                    </div>
                    <ErrorText errors={kitchenErr} className="text-xs" />
                  </td>
                </tr>
              </Fragment>
            );
          })}
        </LineEditorTable>
        <ErrorText errors={errors.modifiers} />
        <EditorActions message={message}>
          <Button type="button" variant="secondary" onClick={() => add(NEW_ROW)}>
            Add option
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : group ? "Save group" : "Create group"}
          </Button>
          {group && (
            <Button
              type="button"
              variant="ghost"
              disabled={pending}
              onClick={() => runDelete(() => deleteModifierGroupAction({ id: group.id }))}
            >
              Delete group
            </Button>
          )}
          {group && (
            <span className="text-sm text-gray-500">
              Used by {group.itemCount} item{group.itemCount === 1 ? "" : "s"}
            </span>
          )}
        </EditorActions>
      </EditorForm>
    </Card>
  );
}

"use client";

import { useActionState } from "react";
import type { MenuAdmin } from "@/lib/menu/get-menu-admin";
import type { MenuItemDetail } from "@/lib/menu/get-menu-item";
import { ALLERGENS, ALLERGEN_LABEL, COMMON_DIETARY_TAGS } from "@/lib/menu/allergens";
import type { ActionResult } from "@/lib/http/action";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorSummary, errorSummaryItems, useFocusFirstError, type SummaryField } from "@/components/ui/error-summary";
import { Field, FormMessage, describedBy, inputClass } from "@/components/admin/form-field";
import { keepValuesOnSubmit } from "@/components/admin/use-keep-values";
import { saveMenuItemAction } from "../actions";

/** The fields in the order they appear, for the error summary (server key → element id, label). */
const SUMMARY_FIELDS: SummaryField[] = [
  { key: "name", id: "name", label: "Name" },
  { key: "categoryId", id: "categoryId", label: "Category" },
  { key: "description", id: "description", label: "Description" },
  { key: "priceCents", id: "price", label: "Price" },
  { key: "taxRateBps", id: "taxRate", label: "Tax rate" },
  { key: "stationId", id: "stationId", label: "Kitchen station" },
  { key: "imageUrl", id: "imageUrl", label: "Image URL" },
  { key: "prepMinutes", id: "prepMinutes", label: "Prep-time target" },
  { key: "allergens", id: "allergens", label: "Allergens" },
  { key: "dietaryTags", id: "extraTags", label: "Dietary tags" },
  { key: "kcal", id: "kcal", label: "Energy (kcal)" },
  { key: "proteinG", id: "proteinG", label: "Protein (g)" },
  { key: "carbsG", id: "carbsG", label: "Carbs (g)" },
  { key: "fatG", id: "fatG", label: "Fat (g)" },
  { key: "availabilityWindowIds", id: "availabilityWindowIds", label: "Served during" },
  { key: "seasonalFrom", id: "seasonalFrom", label: "Seasonal from" },
  { key: "seasonalTo", id: "seasonalTo", label: "Seasonal until" },
  { key: "modifierGroupIds", id: "modifierGroupIds", label: "Modifier groups" },
];

const DAY = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/**
 * Create/edit a menu item. Validation happens on the server (zod in the use case); field errors
 * come back through useActionState and sit under each input. Works without JavaScript too.
 */
export function ItemForm({ item, options }: { item: MenuItemDetail | null; options: MenuAdmin }) {
  const [state, formAction, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(
    saveMenuItemAction.bind(null, item?.id ?? null),
    null,
  );
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const summary = errorSummaryItems(state && !state.ok ? state.fieldErrors : undefined, SUMMARY_FIELDS, "item-form");
  useFocusFirstError(state, summary);
  const customTags = (item?.dietaryTags ?? []).filter((t) => !(COMMON_DIETARY_TAGS as readonly string[]).includes(t));
  const v = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));

  return (
    <form
      id="item-form"
      tabIndex={-1}
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="space-y-4"
      noValidate
      data-testid="item-form"
    >
      {summary.length ? (
        <ErrorSummary title={state && !state.ok ? state.error : ""} items={summary} />
      ) : (
        <FormMessage result={state && !state.ok ? state : null} />
      )}
      <Card title="Basics">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Name" htmlFor="name" error={fe.name}>
            <input
              {...describedBy("name", fe.name)}
              defaultValue={item?.name}
              required
              maxLength={80}
              className={inputClass}
            />
          </Field>
          <Field label="Category" htmlFor="categoryId" error={fe.categoryId}>
            <select
              {...describedBy("categoryId", fe.categoryId)}
              defaultValue={item?.categoryId ?? options.categories[0]?.id}
              className={inputClass}
            >
              {options.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.active ? "" : " (hidden)"}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Description" htmlFor="description" error={fe.description} className="sm:col-span-2">
            <textarea
              {...describedBy("description", fe.description)}
              defaultValue={item?.description}
              maxLength={500}
              rows={2}
              className={`${inputClass} py-2`}
            />
          </Field>
          <Field label={`Price (${options.currency})`} htmlFor="price" error={fe.priceCents} hint="e.g. 14.50">
            <input
              {...describedBy("price", fe.priceCents)}
              defaultValue={item ? (item.priceCents / 100).toFixed(2) : ""}
              inputMode="decimal"
              required
              className={inputClass}
            />
          </Field>
          <Field
            label="Tax rate (%)"
            htmlFor="taxRate"
            error={fe.taxRateBps}
            hint={`Blank = location default (${(options.defaultTaxRateBps / 100).toFixed(2)} %)`}
          >
            <input
              {...describedBy("taxRate", fe.taxRateBps)}
              defaultValue={item?.taxRateBps != null ? (item.taxRateBps / 100).toString() : ""}
              inputMode="decimal"
              className={inputClass}
            />
          </Field>
          <Field
            label="Kitchen station"
            htmlFor="stationId"
            error={fe.stationId}
            hint="Blank = the category's default station"
          >
            <select
              {...describedBy("stationId", fe.stationId)}
              defaultValue={item?.stationId ?? ""}
              className={inputClass}
            >
              <option value="">Category default</option>
              {options.stations.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Image URL" htmlFor="imageUrl" error={fe.imageUrl} hint="https://… or a /path on this site">
            <input
              {...describedBy("imageUrl", fe.imageUrl)}
              defaultValue={item?.imageUrl ?? ""}
              className={inputClass}
            />
          </Field>
          <Field label="Prep-time target (minutes)" htmlFor="prepMinutes" error={fe.prepMinutes}>
            <input
              {...describedBy("prepMinutes", fe.prepMinutes)}
              defaultValue={v(item?.prepMinutes)}
              inputMode="numeric"
              className={inputClass}
            />
          </Field>
        </div>
      </Card>

      <Card title="Allergens and dietary tags">
        <fieldset aria-describedby={fe["allergens"] ? "allergens-error" : undefined}>
          <legend className="mb-2 text-sm font-medium text-gray-800">Contains (the 14 declarable allergens)</legend>
          <div className="grid grid-cols-2 gap-1 sm:grid-cols-4">
            {ALLERGENS.map((a, i) => (
              <label key={a} className="flex min-h-11 items-center gap-2">
                <input
                  id={i === 0 ? "allergens" : undefined}
                  type="checkbox"
                  name="allergens"
                  value={a}
                  defaultChecked={item?.allergens.includes(a)}
                  className="h-5 w-5"
                />
                {ALLERGEN_LABEL[a]}
              </label>
            ))}
          </div>
          {Object.entries(fe)
            .filter(([k]) => k.startsWith("allergens"))
            .map(([k, m]) => (
              <p key={k} id="allergens-error" role="alert" className="text-sm text-red-700">
                {m.join(" ")}
              </p>
            ))}
        </fieldset>
        <fieldset className="mt-4">
          <legend className="mb-2 text-sm font-medium text-gray-800">Dietary tags</legend>
          <div className="grid grid-cols-2 gap-1 sm:grid-cols-4">
            {COMMON_DIETARY_TAGS.map((t) => (
              <label key={t} className="flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  name="dietaryTags"
                  value={t}
                  defaultChecked={item?.dietaryTags.includes(t)}
                  className="h-5 w-5"
                />
                {t}
              </label>
            ))}
          </div>
          <Field label="Other tags (comma separated)" htmlFor="extraTags" error={fe.dietaryTags} className="mt-2">
            <input
              {...describedBy("extraTags", fe.dietaryTags)}
              defaultValue={customTags.join(", ")}
              className={inputClass}
            />
          </Field>
        </fieldset>
      </Card>

      <Card title="Nutrition (per portion)">
        <div className="grid gap-4 sm:grid-cols-4">
          {(
            [
              ["kcal", "Energy (kcal)"],
              ["proteinG", "Protein (g)"],
              ["carbsG", "Carbs (g)"],
              ["fatG", "Fat (g)"],
            ] as const
          ).map(([k, label]) => (
            <Field key={k} label={label} htmlFor={k} error={fe[k]}>
              <input
                {...describedBy(k, fe[k])}
                defaultValue={v(item?.[k])}
                inputMode="decimal"
                className={inputClass}
              />
            </Field>
          ))}
        </div>
      </Card>

      <Card title="Availability">
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-gray-800">
            Served during (none ticked = all day, every day)
          </legend>
          {options.windows.length === 0 ? (
            <p className="text-sm text-gray-500">No windows yet. Add them under Availability.</p>
          ) : (
            <div className="grid gap-1 sm:grid-cols-2">
              {options.windows.map((w, i) => (
                <label key={w.id} className="flex min-h-11 items-center gap-2">
                  <input
                    id={i === 0 ? "availabilityWindowIds" : undefined}
                    type="checkbox"
                    name="availabilityWindowIds"
                    value={w.id}
                    defaultChecked={item?.availabilityWindowIds.includes(w.id)}
                    className="h-5 w-5"
                  />
                  <span>
                    {w.name}{" "}
                    <span className="text-xs text-gray-500">
                      {w.daysOfWeek.map((d) => DAY[d]).join(" ")} {hhmm(w.startMinute)}–{hhmm(w.endMinute)}
                    </span>
                  </span>
                </label>
              ))}
            </div>
          )}
          {fe.availabilityWindowIds && (
            <p role="alert" className="text-sm text-red-700">
              {fe.availabilityWindowIds.join(" ")}
            </p>
          )}
        </fieldset>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <Field
            label="Seasonal from"
            htmlFor="seasonalFrom"
            error={fe.seasonalFrom}
            hint="Optional first day on the menu"
          >
            <input
              type="date"
              {...describedBy("seasonalFrom", fe.seasonalFrom)}
              defaultValue={item?.seasonalFrom ?? ""}
              className={inputClass}
            />
          </Field>
          <Field label="Seasonal until" htmlFor="seasonalTo" error={fe.seasonalTo} hint="Optional last day (inclusive)">
            <input
              type="date"
              {...describedBy("seasonalTo", fe.seasonalTo)}
              defaultValue={item?.seasonalTo ?? ""}
              className={inputClass}
            />
          </Field>
        </div>
      </Card>

      <Card title="Modifier groups">
        {options.modifierGroups.length === 0 ? (
          <p className="text-sm text-gray-500">No modifier groups yet. Add them under Modifier groups.</p>
        ) : (
          <div className="grid gap-1 sm:grid-cols-2">
            {options.modifierGroups.map((g, i) => (
              <label key={g.id} className="flex min-h-11 items-center gap-2">
                <input
                  id={i === 0 ? "modifierGroupIds" : undefined}
                  type="checkbox"
                  name="modifierGroupIds"
                  value={g.id}
                  defaultChecked={item?.modifierGroupIds.includes(g.id)}
                  className="h-5 w-5"
                />
                <span>
                  {g.name}{" "}
                  <span className="text-xs text-gray-500">
                    choose {g.minSelect}–{g.maxSelect} of {g.modifiers.length}
                  </span>
                </span>
              </label>
            ))}
          </div>
        )}
        {fe.modifierGroupIds && (
          <p role="alert" className="text-sm text-red-700">
            {fe.modifierGroupIds.join(" ")}
          </p>
        )}
      </Card>

      <div className="flex justify-end gap-2">
        <Button type="submit" disabled={pending} data-testid="item-save">
          {pending ? "Saving…" : item ? "Save changes" : "Create item"}
        </Button>
      </div>
    </form>
  );
}

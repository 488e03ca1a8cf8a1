import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { getLocation } from "@/lib/locations/get-location";
import { listIngredients } from "@/lib/inventory/list-ingredients";
import { listRecipes } from "@/lib/inventory/list-recipes";
import { formatQuantity } from "@/lib/inventory/units";
import { toMilli } from "@/lib/inventory/quantity";
import { formatCents } from "@/lib/money";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { INVENTORY_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { RecipeEditor } from "../_components/recipe-editor";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "Recipes" };

export default async function RecipesPage({
  searchParams,
}: {
  searchParams: Promise<{ item?: string; modifier?: string }>;
}) {
  const ctx = await requireUser("inventory.manage");
  const [{ item, modifier }, recipes, ingredients, location] = await Promise.all([
    searchParams,
    listRecipes(ctx),
    listIngredients(ctx),
    getLocation(ctx),
  ]);
  const selected = item
    ? recipes.items.find((i) => i.id === item)
    : modifier
      ? recipes.modifiers.find((m) => m.id === modifier)
      : null;
  const options = ingredients.map((i) => ({ id: i.id, name: i.name, baseUnit: i.baseUnit }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Inventory</h1>
      <SectionTabs label="Inventory sections" tabs={INVENTORY_TABS} current="recipes" />
      <p className="text-sm text-gray-600">
        Quantities per portion. Sending an item to the kitchen takes its recipe (and its chosen modifiers&apos;) from
        stock; when stock cannot cover one more portion the item is 86&apos;d automatically.
      </p>
      {selected && (
        <Card title={`Recipe: ${selected.name}${"group" in selected ? ` (${selected.group})` : ""}`}>
          <RecipeEditor
            key={selected.id}
            owner={item ? { menuItemId: selected.id } : { modifierId: selected.id }}
            ingredients={options}
            initial={selected.lines.map((l) => ({ ingredientId: l.ingredientId, quantity: l.quantity }))}
          />
        </Card>
      )}
      <ScrollRegion label="Dish recipes" className="overflow-x-auto rounded-xl border border-gray-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="recipe-table">
          <caption className="sr-only">Menu items with their recipes and plate cost</caption>
          <thead className="bg-gray-50 text-gray-600">
            <tr>
              <th className="px-3 py-3">Item</th>
              <th className="px-3 py-3">Recipe (per portion)</th>
              <th className="px-3 py-3 text-right">Plate cost</th>
              <th className="px-3 py-3 text-right">Price</th>
              <th className="px-3 py-3 text-right">Food cost</th>
              <th className="px-3 py-3 text-right">Portions left</th>
              <th className="px-3 py-3" />
            </tr>
          </thead>
          <tbody>
            {recipes.items.map((i) => (
              <tr key={i.id} className={`border-t border-gray-100 align-top ${i.id === item ? "bg-amber-50" : ""}`}>
                <td className="px-3 py-2 font-semibold">
                  {i.name} <span className="block text-xs font-normal text-gray-500">{i.category}</span>
                  {i.is86d && (
                    <Badge tone={i.eightySixedBy === "AUTO" ? "red" : "gray"}>
                      {i.eightySixedBy === "AUTO" ? "86'd: stock" : "86'd"}
                    </Badge>
                  )}
                </td>
                <td className="px-3 py-2 text-gray-700">
                  {i.lines.length ? (
                    i.lines.map((l) => `${l.name} ${formatQuantity(toMilli(l.quantity), l.baseUnit)}`).join(" · ")
                  ) : (
                    <span className="text-gray-500">no recipe: stock is not tracked for it</span>
                  )}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {i.lines.length ? formatCents(i.costCents, location.currency) : "—"}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatCents(i.priceCents, location.currency)}</td>
                <td
                  className={`px-3 py-2 text-right tabular-nums ${i.foodCostPct !== null && i.foodCostPct > 35 ? "font-semibold text-amber-700" : ""}`}
                >
                  {i.foodCostPct !== null ? `${i.foodCostPct} %` : "—"}
                </td>
                <td
                  className={`px-3 py-2 text-right tabular-nums ${i.portionsLeft === 0 ? "font-semibold text-red-700" : ""}`}
                >
                  {i.portionsLeft ?? "∞"}
                </td>
                <td className="px-3 py-2">
                  <Link
                    className="font-semibold underline"
                    href={`/admin/inventory/recipes?item=${i.id}`}
                    aria-label={`Edit recipe of ${i.name}`}
                  >
                    Edit
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <h2 className="pt-2 text-lg font-semibold">Modifiers</h2>
      <ScrollRegion label="Modifier recipes" className="overflow-x-auto rounded-xl border border-gray-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Modifiers with the ingredients they add</caption>
          <thead className="bg-gray-50 text-gray-600">
            <tr>
              <th className="px-3 py-3">Modifier</th>
              <th className="px-3 py-3">Adds (per portion)</th>
              <th className="px-3 py-3 text-right">Cost</th>
              <th className="px-3 py-3 text-right">Charged</th>
              <th className="px-3 py-3" />
            </tr>
          </thead>
          <tbody>
            {recipes.modifiers.map((m) => (
              <tr key={m.id} className={`border-t border-gray-100 ${m.id === modifier ? "bg-amber-50" : ""}`}>
                <td className="px-3 py-2 font-semibold">
                  {m.name} <span className="text-xs font-normal text-gray-500">{m.group}</span>
                </td>
                <td className="px-3 py-2 text-gray-700">
                  {m.lines.length ? (
                    m.lines.map((l) => `${l.name} ${formatQuantity(toMilli(l.quantity), l.baseUnit)}`).join(" · ")
                  ) : (
                    <span className="text-gray-500">nothing</span>
                  )}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {m.lines.length ? formatCents(m.costCents, location.currency) : "—"}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatCents(m.priceDeltaCents, location.currency)}
                </td>
                <td className="px-3 py-2">
                  <Link
                    className="font-semibold underline"
                    href={`/admin/inventory/recipes?modifier=${m.id}`}
                    aria-label={`Edit recipe of modifier ${m.name}`}
                  >
                    Edit
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

import type { Metadata } from "next";
import type { z } from "zod";
import type { Ctx } from "@/lib/auth/context";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { formatCents } from "@/lib/money";
import { getProductMix, productMixSchema } from "@/lib/reports/product-mix";
import { MENU_CLASS_ADVICE, MENU_CLASS_LABEL, MENU_CLASSES, POPULARITY_FACTOR } from "@/lib/reports/menu-engineering";
import { readReportQuery } from "@/lib/reports/report-page-query";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/admin/form-field";
import { ReportToolbar } from "@/components/reports/report-toolbar";
import { FigureGrid } from "@/components/reports/figure-grid";
import { MenuMatrixChart } from "@/components/charts/menu-matrix-chart";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";

export const metadata: Metadata = { title: "Product mix" };

type Search = Record<string, string | string[] | undefined>;

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)} %`);
const th = "px-2 py-2";
const num = "px-2 py-2 text-right tabular-nums";

type Query = z.infer<typeof productMixSchema>;

/** The report; a category of another location (or a stale link) shows the whole menu with a message. */
async function load(ctx: Ctx, query: Query) {
  try {
    return { r: await getProductMix(ctx, query), query, categoryError: null };
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "NOT_FOUND" || !query.categoryId) throw e;
    const whole = { ...query, categoryId: undefined };
    return {
      r: await getProductMix(ctx, whole),
      query: whole,
      categoryError: "That menu category does not exist here: showing the whole menu.",
    };
  }
}

export default async function ProductMixPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireUser("reports.money");
  const read = readReportQuery(productMixSchema, await searchParams);
  const { r, query, categoryError } = await load(ctx, read.query);
  const money = (c: number | null) => (c === null ? "—" : formatCents(c, r.currency));
  const t = r.totals;
  const p = r.previous;
  const extra = { groupBy: query.groupBy, categoryId: query.categoryId };
  const points = r.items.flatMap((i) =>
    i.menuClass && i.matrixShare !== null && i.marginPerUnitCents !== null
      ? [
          {
            name: i.name,
            mixPct: i.matrixShare * 100,
            margin: i.marginPerUnitCents / 100,
            quantity: i.quantity,
            menuClass: i.menuClass,
          },
        ]
      : [],
  );
  return (
    <div className="space-y-5 print:space-y-3">
      <ReportToolbar
        title={r.category ? `Product mix · ${r.category.name}` : "Product mix & menu engineering"}
        path="/admin/reports/product-mix"
        csvPath="/api/v1/reports/product-mix"
        period={r.period}
        locationName={r.locationName}
        generatedAt={r.generatedAt}
        extra={extra}
        error={read.error}
      >
        <form method="get" className="flex flex-wrap items-end gap-2 print:hidden" aria-label="Product mix options">
          {r.period.preset === "custom" ? (
            <>
              <input type="hidden" name="from" value={r.period.from} />
              <input type="hidden" name="to" value={r.period.to} />
            </>
          ) : (
            <input type="hidden" name="preset" value={r.period.preset} />
          )}
          {!r.previous && <input type="hidden" name="compare" value="none" />}
          <label className="text-sm font-medium">
            Menu category
            <select name="categoryId" defaultValue={r.category?.id ?? ""} className={`${inputClass} block`}>
              <option value="">Whole menu</option>
              {r.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium">
            Table by
            <select name="groupBy" defaultValue={r.groupBy} className={`${inputClass} block`}>
              <option value="item">Dish</option>
              <option value="category">Category</option>
            </select>
          </label>
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        </form>
        {categoryError && (
          <p role="alert" className="font-medium text-red-700">
            {categoryError}
          </p>
        )}
      </ReportToolbar>

      <FigureGrid
        figures={[
          { label: "Portions sold", value: String(t.quantity), current: t.quantity, previous: p?.quantity ?? null },
          {
            label: "Revenue",
            value: money(t.revenueCents),
            current: t.revenueCents,
            previous: p?.revenueCents ?? null,
            strong: true,
          },
          {
            label: "Food cost",
            value: money(t.foodCostCents),
            current: t.foodCostCents,
            previous: p?.foodCostCents ?? null,
            lowerIsBetter: true,
          },
          {
            label: "Food cost %",
            value: pct(t.foodCostPct),
            current: t.foodCostPct ?? undefined,
            previous: p?.foodCostPct ?? null,
            lowerIsBetter: true,
            note: t.uncostedRevenueCents ? `${money(t.uncostedRevenueCents)} of sales have no recipe` : undefined,
          },
          {
            label: "Contribution margin",
            value: money(t.marginCents),
            current: t.marginCents,
            previous: p?.marginCents ?? null,
            strong: true,
          },
        ]}
      />

      {r.items.length === 0 ? (
        <EmptyState title="No sales in this period">
          Dishes show here once the kitchen gets them (sent lines that were not voided).
        </EmptyState>
      ) : (
        <>
          <Card title={`Menu engineering matrix${r.category ? ` · ${r.category.name}` : " · whole menu"}`}>
            <MenuMatrixChart
              points={points}
              popularityPct={r.matrix.popularityThreshold * 100}
              marginThreshold={r.matrix.marginThresholdCents / 100}
              currency={r.currency}
            />
            <p className="mt-2 text-sm text-gray-600">
              Popular: at least {(POPULARITY_FACTOR * 100).toFixed(0)} % of a fair share of the portions (
              {(r.matrix.popularityThreshold * 100).toFixed(1)} % with {r.matrix.analysed} dishes). Profitable: a margin
              per portion of at least the weighted average, {money(r.matrix.marginThresholdCents)}.
              {r.category ? "" : " Choose a menu category to compare dishes that compete with each other."}
            </p>
            {r.matrix.leftOut.length > 0 && (
              <p className="mt-1 text-sm text-amber-800" data-testid="matrix-left-out">
                Not in the matrix, their food cost is unknown (no recipe): {r.matrix.leftOut.join(", ")}.
              </p>
            )}
            <ul className="mt-3 grid gap-2 text-sm sm:grid-cols-2 xl:grid-cols-4">
              {MENU_CLASSES.map((c) => (
                <li key={c} className="rounded-lg border border-gray-200 p-2" data-testid={`quadrant-${c.toLowerCase()}`}>
                  <span className="font-semibold">{MENU_CLASS_LABEL[c]}s</span>: {MENU_CLASS_ADVICE[c]}
                  <span className="block text-gray-700">
                    {r.items
                      .filter((i) => i.menuClass === c)
                      .map((i) => i.name)
                      .join(", ") || "none"}
                  </span>
                </li>
              ))}
            </ul>
          </Card>

          {r.groupBy === "category" ? (
            <Card title="By category">
              <ScrollRegion label="Product mix by category">
                <table className="w-full min-w-[48rem] text-left text-sm" data-testid="mix-table">
                  <thead className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
                    <tr>
                      {["Category", "Dishes", "Sold", "Revenue", "Food cost", "Margin", "Food cost %"].map((h, i) => (
                        <th key={h} scope="col" className={i ? num : th}>
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-gray-100">
                    {r.categoryRows.map((c) => (
                      <tr key={c.categoryId}>
                        <th scope="row" className={`${th} font-semibold`}>
                          {c.name}
                        </th>
                        <td className={num}>
                          {c.dishes}
                          {c.uncostedDishes > 0 && <span className="text-gray-500"> ({c.uncostedDishes} no recipe)</span>}
                        </td>
                        <td className={num}>{c.quantity}</td>
                        <td className={num}>{money(c.revenueCents)}</td>
                        <td className={num}>{money(c.foodCostCents)}</td>
                        <td className={num}>{money(c.marginCents)}</td>
                        <td className={num}>{pct(c.foodCostPct)}</td>
                      </tr>
                    ))}
                    <TotalRow cells={[String(r.items.length), String(t.quantity), money(t.revenueCents), money(t.foodCostCents), money(t.marginCents), pct(t.foodCostPct)]} />
                  </tbody>
                </table>
              </ScrollRegion>
            </Card>
          ) : (
            <Card title="By dish">
              <ScrollRegion label="Product mix by dish">
                <table className="w-full min-w-[64rem] text-left text-sm" data-testid="mix-table">
                  <thead className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
                    <tr>
                      {["Dish", "Category", "Sold", "Mix", "Revenue", "Food cost / unit", "Margin / unit", "Margin", "Food cost %", "Class"].map(
                        (h, i) => (
                          <th key={h} scope="col" className={i > 1 ? num : th}>
                            {h}
                          </th>
                        ),
                      )}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-gray-100">
                    {r.items.map((i) => (
                      <tr key={i.menuItemId} data-testid="mix-row" data-class={i.menuClass ?? "NONE"}>
                        <th scope="row" className={`${th} font-semibold`}>
                          {i.name}
                        </th>
                        <td className={th}>{i.category}</td>
                        <td className={num}>{i.quantity}</td>
                        <td className={num}>{pct(i.mixPct)}</td>
                        <td className={num}>{money(i.revenueCents)}</td>
                        <td className={num}>{i.foodCostPerUnitCents === null ? "no recipe" : money(i.foodCostPerUnitCents)}</td>
                        <td className={num}>{money(i.marginPerUnitCents)}</td>
                        <td className={num}>{money(i.marginCents)}</td>
                        <td className={num}>{pct(i.foodCostPct)}</td>
                        <td className={num} data-testid="mix-class">
                          {i.menuClass ? MENU_CLASS_LABEL[i.menuClass] : "—"}
                        </td>
                      </tr>
                    ))}
                    <TotalRow
                      cells={["", String(t.quantity), "100 %", money(t.revenueCents), "", "", money(t.marginCents), pct(t.foodCostPct), ""]}
                    />
                  </tbody>
                </table>
              </ScrollRegion>
            </Card>
          )}

          <Card title="Modifier attach rates">
            {r.modifiers.length === 0 ? (
              <p className="text-gray-600">No dish sold in this period offers options.</p>
            ) : (
              <div className="grid gap-4 lg:grid-cols-2">
                <HorizontalBarChart
                  data={r.modifiers
                    .filter((m) => m.chosen > 0)
                    .sort((a, b) => b.attachRate - a.attachRate)
                    .slice(0, 12)
                    .map((m) => ({ label: `${m.name} (${m.group})`, value: m.attachRate * 100 }))}
                  format={{ kind: "percent" }}
                  label="Modifier attach rates"
                  empty="No option was chosen in this period."
                />
                <ScrollRegion label="Modifier attach rates">
                  <table className="w-full text-left text-sm" data-testid="modifier-table">
                    <thead className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
                      <tr>
                        {["Option", "Group", "Chosen", "Offered", "Attach rate"].map((h, i) => (
                          <th key={h} scope="col" className={i > 1 ? num : th}>
                            {h}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-gray-100">
                      {r.modifiers.map((m) => (
                        <tr key={m.modifierId}>
                          <th scope="row" className={`${th} font-semibold`}>
                            {m.name}
                          </th>
                          <td className={th}>{m.group}</td>
                          <td className={num}>{m.chosen}</td>
                          <td className={num}>{m.offered}</td>
                          <td className={num}>{pct(m.attachRate)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              </div>
            )}
          </Card>
        </>
      )}
      <p className="text-xs text-gray-600">
        Counts lines the kitchen received (fired in the period, not voided), at menu price plus options — before
        discounts and comps, paid or not yet. Food cost is each dish&apos;s recipe (with its options&apos; additions and
        removals) at today&apos;s ingredient costs; dishes without a recipe show no cost and stay out of the matrix. Attach
        rate = portions with the option ÷ portions of dishes that offer its group.
      </p>
    </div>
  );
}

function TotalRow({ cells }: { cells: string[] }) {
  return (
    <tr className="font-bold" data-testid="total-row">
      <th scope="row" className={th}>
        Total
      </th>
      {cells.map((c, i) => (
        <td key={i} className={i === 0 && c === "" ? th : num}>
          {c}
        </td>
      ))}
    </tr>
  );
}

import "server-only";
import type { Ctx } from "../auth/context";
import { listIngredients } from "./list-ingredients";
import { assertCan } from "../auth/permissions";

/** Low ingredients with what to order (whole purchase units up to par), grouped by supplier. */
export async function getReorderList(ctx: Ctx) {
  assertCan(ctx, "inventory.manage");
  const rows = (await listIngredients(ctx)).filter((i) => i.suggestion);
  const groups = new Map<
    string,
    { supplier: { id: string; name: string } | null; lines: typeof rows; totalCents: number }
  >();
  for (const r of rows) {
    const key = r.supplier?.id ?? "";
    const g = groups.get(key) ?? { supplier: r.supplier, lines: [], totalCents: 0 };
    g.lines.push(r);
    g.totalCents += r.suggestion!.costCents;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => (a.supplier?.name ?? "~").localeCompare(b.supplier?.name ?? "~"));
}

import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { notFound } from "../errors";

import { idSchema, parseInput } from "../validation";
import { assertCan } from "../auth/permissions";

export const moveCategorySchema = z.object({ id: idSchema, direction: z.enum(["up", "down"]) });

/** Move a category one place up or down (keyboard-friendly reordering); renumbers 0..n-1. */
export async function moveCategory(ctx: Ctx, raw: z.infer<typeof moveCategorySchema>) {
  assertCan(ctx, "menu.edit");
  const input = parseInput(moveCategorySchema, raw);
  return db.$transaction(async (tx) => {
    // Lock the location's categories so two reorders do not interleave.
    await tx.$queryRaw`SELECT id FROM "MenuCategory" WHERE "locationId" = ${ctx.locationId} ORDER BY id FOR UPDATE`;
    const all = await tx.menuCategory.findMany({
      where: { locationId: ctx.locationId },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true },
    });
    const at = all.findIndex((c) => c.id === input.id);
    if (at < 0) throw notFound("Category");
    const to = input.direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= all.length) return { moved: false };
    [all[at], all[to]] = [all[to], all[at]];
    for (const [i, c] of all.entries()) await tx.menuCategory.update({ where: { id: c.id }, data: { sortOrder: i } });
    return { moved: true };
  });
}

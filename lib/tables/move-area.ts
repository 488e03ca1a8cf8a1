import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { notFound } from "../errors";
import { idSchema, parseInput } from "../validation";
import { publishLayoutChanged } from "./publish-layout-changed";

export const moveAreaSchema = z.object({ id: idSchema, direction: z.enum(["up", "down"]) });
export type MoveAreaInput = z.input<typeof moveAreaSchema>;

/** Move an area one place up or down (the floor view's order); renumbers 0..n-1. */
export async function moveArea(ctx: Ctx, raw: MoveAreaInput) {
  assertCan(ctx, "setup.manage");
  const input = parseInput(moveAreaSchema, raw);
  const result = await db.$transaction(async (tx) => {
    // Lock the location's areas so two reorders do not interleave.
    await tx.$queryRaw`SELECT id FROM "FloorArea" WHERE "locationId" = ${ctx.locationId} ORDER BY id FOR UPDATE`;
    const all = await tx.floorArea.findMany({
      where: { locationId: ctx.locationId },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true },
    });
    const at = all.findIndex((a) => a.id === input.id);
    if (at < 0) throw notFound("Area");
    const to = input.direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= all.length) return { moved: false };
    [all[at], all[to]] = [all[to], all[at]];
    for (const [i, a] of all.entries()) await tx.floorArea.update({ where: { id: a.id }, data: { sortOrder: i } });
    return { moved: true };
  });
  if (result.moved) publishLayoutChanged(ctx, {});
  return result;
}

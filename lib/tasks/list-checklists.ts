import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { parseInput } from "../validation";
import { CHECKLIST_SELECT, checklistView } from "./checklist-view";

export const listChecklistsSchema = z.object({ archived: z.enum(["true", "false"]).optional() });

/** The location's checklists (live ones, or the archive) for the manager's editor. */
export async function listChecklists(ctx: Ctx, raw: z.input<typeof listChecklistsSchema> = {}) {
  assertCan(ctx, "tasks.manage");
  const { archived } = parseInput(listChecklistsSchema, raw);
  const [rows, stations] = await Promise.all([
    db.checklist.findMany({
      where: { locationId: ctx.locationId, archivedAt: archived === "true" ? { not: null } : null },
      select: CHECKLIST_SELECT,
      orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    }),
    db.kitchenStation.findMany({
      where: { locationId: ctx.locationId, archivedAt: null },
      select: { id: true, name: true },
      orderBy: { sortOrder: "asc" },
    }),
  ]);
  // The stations a list can belong to travel with the lists: the editor offers them.
  return { checklists: rows.map(checklistView), stations };
}

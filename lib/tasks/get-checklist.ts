import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { notFound } from "../errors";
import { idSchema, parseInput } from "../validation";
import { CHECKLIST_SELECT, checklistView } from "./checklist-view";

export const getChecklistSchema = z.object({ id: idSchema });

/** One checklist of this location (archived ones too: the editor shows them read-only). */
export async function getChecklist(ctx: Ctx, raw: { id: string }) {
  assertCan(ctx, "tasks.manage");
  const { id } = parseInput(getChecklistSchema, raw);
  const row = await db.checklist.findFirst({ where: { id, locationId: ctx.locationId }, select: CHECKLIST_SELECT });
  if (!row) throw notFound("Checklist");
  return checklistView(row);
}

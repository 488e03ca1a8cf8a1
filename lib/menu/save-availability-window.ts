import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { auditAs } from "../audit/record-audit";

import { publishMenuChanged } from "./publish-menu-changed";
import { idSchema, parseInput, text } from "../validation";
import { assertCan } from "../auth/permissions";

export const saveAvailabilityWindowSchema = z
  .object({
    id: idSchema.optional(),
    name: text().trim().min(1, "Enter a name").max(60, "At most 60 characters"),
    /** 0 = Sunday … 6 = Saturday. */
    daysOfWeek: z
      .array(z.number().int().min(0).max(6))
      .min(1, "Choose at least one day")
      .max(7)
      .transform((d) => [...new Set(d)].sort()),
    startMinute: z.number({ error: "Enter a start time" }).int().min(0).max(1439, "Must be before 24:00"),
    /** May be ≤ start: the window then runs past midnight. */
    endMinute: z.number({ error: "Enter an end time" }).int().min(0).max(1440),
  })
  .refine((w) => w.startMinute !== w.endMinute, { path: ["endMinute"], message: "Start and end cannot be the same" });
export type SaveAvailabilityWindowInput = z.input<typeof saveAvailabilityWindowSchema>;

/** Days + time window shared by items (e.g. "Brunch: Sat–Sun 10:00–15:00"). */
export async function saveAvailabilityWindow(ctx: Ctx, raw: SaveAvailabilityWindowInput) {
  assertCan(ctx, "menu.edit");
  const input = parseInput(saveAvailabilityWindowSchema, raw);
  const data = {
    name: input.name,
    daysOfWeek: input.daysOfWeek,
    startMinute: input.startMinute,
    endMinute: input.endMinute,
  };
  const result = await db.$transaction(async (tx) => {
    try {
      if (input.id) {
        const found = await tx.availabilityWindow.findFirst({
          where: { id: input.id, locationId: ctx.locationId },
          include: { items: { select: { menuItemId: true } } },
        });
        if (!found) throw notFound("Availability window");
        await tx.availabilityWindow.update({ where: { id: found.id }, data });
        await auditAs(
          ctx,
          {
            action: "menu.window.update",
            entityType: "AvailabilityWindow",
            entityId: found.id,
            details: {
              before: {
                name: found.name,
                daysOfWeek: found.daysOfWeek,
                startMinute: found.startMinute,
                endMinute: found.endMinute,
              },
              after: data,
            },
          },
          tx,
        );
        return { id: found.id, itemIds: found.items.map((i) => i.menuItemId) };
      }
      const created = await tx.availabilityWindow.create({ data: { ...data, locationId: ctx.locationId } });
      await auditAs(
        ctx,
        {
          action: "menu.window.create",
          entityType: "AvailabilityWindow",
          entityId: created.id,
          details: { after: data },
        },
        tx,
      );
      return { id: created.id, itemIds: [] as string[] };
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError("CONFLICT", "A window with this name exists", { name: ["Already used by another window"] });
      throw error;
    }
  });
  await publishMenuChanged(ctx, result.itemIds);
  return { id: result.id };
}

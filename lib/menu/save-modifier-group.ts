import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db, type Tx } from "../db";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { auditAs } from "../audit/record-audit";

import { publishMenuChanged } from "./publish-menu-changed";
import { idSchema, parseInput, text } from "../validation";
import { assertCan } from "../auth/permissions";

export const saveModifierGroupSchema = z
  .object({
    id: idSchema.optional(),
    name: text().trim().min(1, "Enter a name").max(60, "At most 60 characters"),
    minSelect: z.number({ error: "Enter a number" }).int().min(0, "Cannot be negative").max(20, "At most 20"),
    maxSelect: z.number({ error: "Enter a number" }).int().min(1, "At least 1").max(20, "At most 20"),
    modifiers: z
      .array(
        z.object({
          id: idSchema.optional(),
          name: text().trim().min(1, "Enter a name").max(60, "At most 60 characters"),
          priceDeltaCents: z
            .number({ error: "Enter an amount like 1.50" })
            .int("Whole cents")
            .min(-100_000, "Too small")
            .max(100_000, "Too large"),
          is86d: z.boolean().default(false),
          /** Made at this station when it is not the dish's (a side of fries → Fryer). */
          stationId: idSchema.nullable().default(null),
          /** A portion of this dish: its station (unless stationId) and, without own recipe lines, its recipe. */
          recipeItemId: idSchema.nullable().default(null),
          /** A removal ("no onions"): the dish's recipe line for this ingredient is not used. */
          removesIngredientId: idSchema.nullable().default(null),
        }),
      )
      .min(1, "Add at least one option")
      .max(40, "At most 40 options"),
  })
  .superRefine((g, c) => {
    if (g.maxSelect < g.minSelect)
      c.addIssue({ code: "custom", path: ["maxSelect"], message: "Must be at least the minimum" });
    if (g.minSelect > g.modifiers.length)
      c.addIssue({ code: "custom", path: ["minSelect"], message: "More than the number of options" });
    const names = new Set<string>();
    g.modifiers.forEach((m, i) => {
      const k = m.name.toLowerCase();
      if (names.has(k)) c.addIssue({ code: "custom", path: ["modifiers", i, "name"], message: "Listed twice" });
      names.add(k);
      if (m.removesIngredientId && (m.stationId || m.recipeItemId)) {
        c.addIssue({
          code: "custom",
          path: ["modifiers", i, "removesIngredientId"],
          message: "A removal is made by nobody: no station or dish",
        });
      }
    });
  });
export type SaveModifierGroupInput = z.input<typeof saveModifierGroupSchema>;

/**
 * Create or update a modifier group with its options in one transaction. Groups are shared by
 * items, so one change reaches every item using it. An option that past orders used cannot be
 * deleted (86 it instead); price-delta changes are audited like prices.
 */
export async function saveModifierGroup(ctx: Ctx, raw: SaveModifierGroupInput) {
  assertCan(ctx, "menu.edit");
  const input = parseInput(saveModifierGroupSchema, raw);
  const result = await db.$transaction(async (tx) => {
    await checkRoutingTargets(tx, ctx, input.modifiers);
    const data = { name: input.name, minSelect: input.minSelect, maxSelect: input.maxSelect };
    let groupId: string;
    try {
      if (input.id) {
        const found = await tx.modifierGroup.findFirst({
          where: { id: input.id, locationId: ctx.locationId },
          include: { modifiers: true },
        });
        if (!found) throw notFound("Modifier group");
        groupId = found.id;
        const keep = new Set(input.modifiers.flatMap((m) => (m.id ? [m.id] : [])));
        const known = new Map(found.modifiers.map((m) => [m.id, m]));
        input.modifiers.forEach((m, i) => {
          if (m.id && !known.has(m.id))
            throw new AppError("VALIDATION", "Unknown option", {
              [`modifiers.${i}.id`]: ["Not an option of this group"],
            });
        });
        const removed = found.modifiers.filter((m) => !keep.has(m.id));
        if (removed.length) {
          const used = await tx.orderItemModifier.findMany({
            where: { modifierId: { in: removed.map((m) => m.id) } },
            select: { name: true },
            distinct: ["modifierId"],
          });
          if (used.length)
            throw new AppError(
              "CONFLICT",
              `${used.map((u) => u.name).join(", ")} appear on past orders; 86 them instead of removing`,
              { modifiers: ["An option on past orders cannot be removed"] },
            );
          await tx.modifier.deleteMany({ where: { id: { in: removed.map((m) => m.id) } } });
        }
        await tx.modifierGroup.update({ where: { id: groupId }, data });
        // Two passes avoid transient (groupId, name) clashes when options swap names.
        for (const m of input.modifiers)
          if (m.id) await tx.modifier.update({ where: { id: m.id }, data: { name: `~${m.id}` } });
        for (const [i, m] of input.modifiers.entries()) {
          const values = {
            name: m.name,
            priceDeltaCents: m.priceDeltaCents,
            is86d: m.is86d,
            sortOrder: i,
            ...routing(m),
          };
          if (m.id) await tx.modifier.update({ where: { id: m.id }, data: values });
          else await tx.modifier.create({ data: { ...values, groupId } });
        }
        const priceChanges = input.modifiers
          .filter((m) => m.id && known.get(m.id)!.priceDeltaCents !== m.priceDeltaCents)
          .map((m) => ({
            modifierId: m.id,
            name: m.name,
            before: known.get(m.id!)!.priceDeltaCents,
            after: m.priceDeltaCents,
          }));
        await auditAs(
          ctx,
          {
            action: "menu.modifier_group.update",
            entityType: "ModifierGroup",
            entityId: groupId,
            details: {
              before: { name: found.name, minSelect: found.minSelect, maxSelect: found.maxSelect },
              after: data,
              priceChanges,
              removed: removed.map((m) => m.name),
            },
          },
          tx,
        );
      } else {
        const last = await tx.modifierGroup.aggregate({
          where: { locationId: ctx.locationId },
          _max: { sortOrder: true },
        });
        const created = await tx.modifierGroup.create({
          data: {
            ...data,
            locationId: ctx.locationId,
            sortOrder: (last._max.sortOrder ?? -1) + 1,
            modifiers: {
              create: input.modifiers.map((m, i) => ({
                name: m.name,
                priceDeltaCents: m.priceDeltaCents,
                is86d: m.is86d,
                sortOrder: i,
                ...routing(m),
              })),
            },
          },
        });
        groupId = created.id;
        await auditAs(
          ctx,
          {
            action: "menu.modifier_group.create",
            entityType: "ModifierGroup",
            entityId: groupId,
            details: { after: { ...data, modifiers: input.modifiers } },
          },
          tx,
        );
      }
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError("CONFLICT", "A modifier group with this name exists", {
          name: ["Already used by another group"],
        });
      throw error;
    }
    const items = await tx.menuItemModifierGroup.findMany({ where: { groupId }, select: { menuItemId: true } });
    return { id: groupId, itemIds: items.map((i) => i.menuItemId) };
  });
  await publishMenuChanged(ctx, result.itemIds);
  return { id: result.id };
}

type ModifierInput = z.infer<typeof saveModifierGroupSchema>["modifiers"][number];

const routing = (m: ModifierInput) => ({
  stationId: m.stationId,
  recipeItemId: m.recipeItemId,
  removesIngredientId: m.removesIngredientId,
});

/** Stations, dishes and ingredients named by the options must be this location's (else a field error, not a 500). */
async function checkRoutingTargets(tx: Tx, ctx: Ctx, modifiers: ModifierInput[]) {
  const ids = (pick: (m: ModifierInput) => string | null) => [
    ...new Set(modifiers.flatMap((m) => (pick(m) ? [pick(m)!] : []))),
  ];
  const [stations, dishes, ingredients] = await Promise.all([
    tx.kitchenStation.findMany({
      where: { id: { in: ids((m) => m.stationId) }, locationId: ctx.locationId, isExpo: false, archivedAt: null },
      select: { id: true },
    }),
    tx.menuItem.findMany({
      where: { id: { in: ids((m) => m.recipeItemId) }, locationId: ctx.locationId },
      select: { id: true },
    }),
    tx.ingredient.findMany({
      where: { id: { in: ids((m) => m.removesIngredientId) }, locationId: ctx.locationId },
      select: { id: true },
    }),
  ]);
  const known = new Set([...stations, ...dishes, ...ingredients].map((r) => r.id));
  const fieldErrors: Record<string, string[]> = {};
  modifiers.forEach((m, i) => {
    if (m.stationId && !known.has(m.stationId))
      fieldErrors[`modifiers.${i}.stationId`] = ["Not a station of this restaurant"];
    if (m.recipeItemId && !known.has(m.recipeItemId))
      fieldErrors[`modifiers.${i}.recipeItemId`] = ["Not a dish of this menu"];
    if (m.removesIngredientId && !known.has(m.removesIngredientId))
      fieldErrors[`modifiers.${i}.removesIngredientId`] = ["Not an ingredient of this restaurant"];
  });
  if (Object.keys(fieldErrors).length)
    throw new AppError("VALIDATION", "Some options point at something unknown", fieldErrors);
}

import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError } from "../errors";
import { dayRulesOf } from "./day-rules";
import { addDays, isoDate, localDateOf, parseIsoDate } from "../time/zoned";
import { parseInput } from "../validation";
import { weekInputSchema, type WeekInput } from "./schemas";
import { refusingShiftConflicts } from "./shift-db-errors";
import { findOverlap, localTimeOf, mondayOf, shiftWallClock, weekBounds } from "./week";

/**
 * Copy the previous week's shifts into `week` as drafts, at the same wall-clock times. A copy that
 * already exists (same person, same times) is skipped, so copying twice adds nothing; one that would
 * overlap another shift refuses the whole copy, naming the person. The weekly limit is the database's.
 * Each copy keeps the (live) checklists handed to its original.
 */
export async function copyWeek(ctx: Ctx, raw: WeekInput) {
  assertCan(ctx, "schedule.manage");
  const input = parseInput(weekInputSchema, raw);
  const rules = await dayRulesOf(ctx);
  const timezone = rules.timeZone;
  const monday = mondayOf(parseIsoDate(input.week));
  const source = weekBounds(addDays(monday, -7), rules);
  const target = weekBounds(monday, rules);
  return refusingShiftConflicts(() =>
    db.$transaction(async (tx) => {
      const [previous, existing] = await Promise.all([
        tx.shift.findMany({
          where: { locationId: ctx.locationId, startsAt: { gte: source.from, lt: source.to }, user: { active: true } },
          select: {
            userId: true,
            role: true,
            stationId: true,
            startsAt: true,
            endsAt: true,
            notes: true,
            checklists: { where: { checklist: { archivedAt: null } }, select: { checklistId: true } },
          },
          orderBy: { startsAt: "asc" },
        }),
        // Any location: a person is in one place at a time.
        tx.shift.findMany({
          where: { startsAt: { lt: new Date(target.to.getTime() + 86_400_000) }, endsAt: { gt: target.from } },
          select: { id: true, userId: true, startsAt: true, endsAt: true, user: { select: { name: true } } },
        }),
      ]);
      const copies = [];
      for (const { checklists, ...s } of previous) {
        const copy = {
          ...s,
          checklistIds: checklists.map((c) => c.checklistId),
          startsAt: shiftWallClock(s.startsAt, 7, timezone),
          endsAt: shiftWallClock(s.endsAt, 7, timezone),
        };
        const clash = findOverlap(existing, copy);
        if (!clash) {
          copies.push(copy);
          continue;
        }
        if (clash.startsAt.getTime() === copy.startsAt.getTime() && clash.endsAt.getTime() === copy.endsAt.getTime())
          continue;
        throw new AppError(
          "CONFLICT",
          `${clash.user.name}'s copied shift on ${isoDate(localDateOf(copy.startsAt, timezone))} at ${localTimeOf(copy.startsAt, timezone)} overlaps a shift already drawn; move or delete it first`,
          { week: ["Overlaps shifts already drawn this week"] },
        );
      }
      if (copies.length) {
        const created = await tx.shift.createManyAndReturn({
          data: copies.map(({ checklistIds: _, ...c }) => ({ ...c, locationId: ctx.locationId })),
          select: { id: true, userId: true, startsAt: true },
        });
        // A person's shifts never overlap: person + start names each copy.
        const idOf = new Map(created.map((c) => [`${c.userId}|${c.startsAt.getTime()}`, c.id]));
        const lists = copies.flatMap((c) =>
          c.checklistIds.map((checklistId) => ({
            shiftId: idOf.get(`${c.userId}|${c.startsAt.getTime()}`)!,
            checklistId,
          })),
        );
        if (lists.length) await tx.shiftChecklist.createMany({ data: lists });
      }
      await auditAs(
        ctx,
        {
          action: "schedule.week.copy",
          entityType: "Location",
          entityId: ctx.locationId,
          details: { week: input.week, from: isoDate(addDays(monday, -7)), copied: copies.length },
        },
        tx,
      );
      return { week: isoDate(monday), copied: copies.length, skipped: previous.length - copies.length };
    }),
  );
}

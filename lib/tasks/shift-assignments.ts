import "server-only";
import type { Tx } from "../db";
import { businessDayRange, type DayRules } from "../time/business-day";
import type { LocalDate } from "../time/zoned";

export type ShiftAssignee = { userId: string; name: string; startsAt: Date; endsAt: Date };

/**
 * The checklists handed to the published shifts of one business day (shifts starting inside it),
 * each with the people on those shifts. Drafts do not count: staff do not see them yet.
 */
export async function shiftAssignmentsOn(
  client: Pick<Tx, "shiftChecklist">,
  locationId: string,
  day: LocalDate,
  rules: DayRules,
  filter: { checklistId?: string } = {},
): Promise<Map<string, ShiftAssignee[]>> {
  const { start, end } = businessDayRange(day, rules);
  const rows = await client.shiftChecklist.findMany({
    where: {
      ...(filter.checklistId ? { checklistId: filter.checklistId } : {}),
      checklist: { locationId },
      shift: { locationId, publishedAt: { not: null }, startsAt: { gte: start, lt: end } },
    },
    select: {
      checklistId: true,
      shift: { select: { userId: true, startsAt: true, endsAt: true, user: { select: { name: true } } } },
    },
    orderBy: { shift: { startsAt: "asc" } },
  });
  const byList = new Map<string, ShiftAssignee[]>();
  for (const { checklistId, shift } of rows) {
    const assignee = { userId: shift.userId, name: shift.user.name, startsAt: shift.startsAt, endsAt: shift.endsAt };
    byList.set(checklistId, [...(byList.get(checklistId) ?? []), assignee]);
  }
  return byList;
}

/** Whether the list is handed to `userId`'s shift today, to someone else's only, or to no shift today. */
export function assignmentOf(assignees: readonly ShiftAssignee[] | undefined, userId: string): ShiftAssignment {
  if (!assignees?.length) return "none";
  return assignees.some((a) => a.userId === userId) ? "mine" : "others";
}

export type ShiftAssignment = "mine" | "others" | "none";

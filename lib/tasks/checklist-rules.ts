// Who sees a checklist, when it is due and whether it is late: pure rules, shared by the use cases.
import type { Role } from "../auth/roles";
import { can } from "../auth/permissions";
import type { DayRules } from "../time/business-day";
import { addDays, zonedInstant, type LocalDate } from "../time/zoned";

/**
 * Managers see every list. Whoever's shift today the list is handed to sees it. Others see lists
 * for their role (or for anyone); lists of a kitchen station only where the role works the kitchen.
 * A list for anyone (no role, no station) handed to someone else's shift today is theirs that day.
 */
export function seesChecklist(
  role: Role,
  list: { role: Role | null; stationId: string | null },
  shift: "mine" | "others" | "none" = "none",
): boolean {
  if (can(role, "tasks.manage") || shift === "mine") return true;
  if (list.role == null && list.stationId == null && shift === "others") return false;
  if (list.role != null && list.role !== role) return false;
  return list.stationId == null || list.role === role || can(role, "kitchen.work");
}

/**
 * The instant a list is due on a business date. A due time before the cut-off hour (a closing list
 * due at 01:30 with a 04:00 cut-off) is the next calendar morning, still the same business day.
 */
export function dueInstant(businessDate: LocalDate, dueMinutes: number, rules: DayRules): Date {
  const date = dueMinutes < rules.cutoffHour * 60 ? addDays(businessDate, 1) : businessDate;
  return zonedInstant(date, Math.floor(dueMinutes / 60), dueMinutes % 60, rules.timeZone);
}

export type ChecklistStatus = "DONE" | "OVERDUE" | "OPEN";

export function checklistStatus(done: number, total: number, due: Date | null, now: Date): ChecklistStatus {
  if (total > 0 && done >= total) return "DONE";
  return due != null && now >= due ? "OVERDUE" : "OPEN";
}

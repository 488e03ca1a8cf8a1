import { z } from "zod";
import { ROLES } from "../auth/roles";
import { idSchema, text } from "../validation";

export const CHECKLIST_KINDS = ["OPENING", "CLOSING", "PREP", "OTHER"] as const;
export const MAX_TASKS = 50;

const dueTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 10:30")
  .nullable()
  .default(null);

export const saveChecklistSchema = z.object({
  id: idSchema.optional(),
  name: text("Enter a name").trim().min(1, "Enter a name").max(80, "At most 80 characters"),
  kind: z.enum(CHECKLIST_KINDS, { error: "Choose opening, closing, prep or other" }).default("OTHER"),
  stationId: idSchema.nullable().default(null),
  role: z.enum(ROLES, { error: "Choose a role" }).nullable().default(null),
  /** Local time of the business day ("HH:MM"); before the cut-off hour it is the next morning. */
  dueTime,
  tasks: z
    .array(
      z.object({
        id: idSchema.optional(),
        label: text("Enter the task").trim().min(1, "Enter the task").max(120, "At most 120 characters"),
      }),
      { error: "List the tasks" },
    )
    .min(1, "Add at least one task")
    .max(MAX_TASKS, `At most ${MAX_TASKS} tasks`),
});
export type SaveChecklistInput = z.input<typeof saveChecklistSchema>;

export const todayTasksSchema = z.object({
  /** A station's slug or id: the kitchen screen's lists. */
  station: text()
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, "Not a station")
    .optional(),
});
export type TodayTasksInput = z.input<typeof todayTasksSchema>;

export const taskRefSchema = z.object({ taskId: idSchema });
export type TaskRefInput = z.input<typeof taskRefSchema>;

export function dueMinutesOf(dueTime: string | null): number | null {
  if (!dueTime) return null;
  const [h, m] = dueTime.split(":").map(Number);
  return h * 60 + m;
}

export function dueTimeOf(dueMinutes: number | null): string | null {
  if (dueMinutes == null) return null;
  return `${String(Math.floor(dueMinutes / 60)).padStart(2, "0")}:${String(dueMinutes % 60).padStart(2, "0")}`;
}

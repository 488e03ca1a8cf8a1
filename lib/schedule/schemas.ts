import { z } from "zod";
import { ROLES } from "../auth/roles";
import { idSchema, text } from "../validation";

/** Longest single shift the schedule accepts. */
export const MAX_SHIFT_MINUTES = 16 * 60;

const instant = (missing: string) =>
  z
    .string({ error: missing })
    .max(40, "Not a date and time")
    .pipe(z.iso.datetime({ offset: true, error: "Use an ISO date and time, e.g. 2026-12-01T09:00:00Z" }));

export const isoWeekSchema = z.iso.date({ error: "Use a date like 2026-11-30" });

export const shiftFieldsSchema = z.object({
  userId: idSchema,
  role: z.enum(ROLES, { error: "Choose a role" }).optional(),
  stationId: idSchema.nullable().default(null),
  startsAt: instant("Enter a start"),
  endsAt: instant("Enter an end"),
  notes: text().trim().max(200, "At most 200 characters").default(""),
  /** Checklists handed to this shift (its person sees them that day); omitted = unchanged / none. */
  checklistIds: z.array(idSchema).max(20, "At most 20 checklists per shift").optional(),
});

/** The rules a shift's times obey, wherever they come from (create, or a patch merged with the row). */
export function timeErrors(startsAt: Date, endsAt: Date): Record<string, string[]> | null {
  if (endsAt <= startsAt) return { endsAt: ["Ends before it starts"] };
  if (endsAt.getTime() - startsAt.getTime() > MAX_SHIFT_MINUTES * 60_000)
    return { endsAt: [`A shift lasts at most ${MAX_SHIFT_MINUTES / 60} hours`] };
  return null;
}

export const createShiftSchema = shiftFieldsSchema.superRefine((v, c) => {
  const errors = timeErrors(new Date(v.startsAt), new Date(v.endsAt));
  for (const [path, messages] of Object.entries(errors ?? {}))
    for (const message of messages) c.addIssue({ code: "custom", path: [path], message });
});
export type CreateShiftInput = z.input<typeof createShiftSchema>;

export const updateShiftSchema = shiftFieldsSchema.partial().extend({ id: idSchema });
export type UpdateShiftInput = z.input<typeof updateShiftSchema>;

export const weekInputSchema = z.object({ week: isoWeekSchema });
export type WeekInput = z.input<typeof weekInputSchema>;

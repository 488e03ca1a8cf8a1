"use server";

// Server actions of the weekly schedule: the wrapper checks session, role and input; the use cases
// (lib/schedule) do the work and the database refuses overlaps and weeks over the limit.
import { action } from "@/lib/http/action";

import { copyWeek } from "@/lib/schedule/copy-week";
import { createShift } from "@/lib/schedule/create-shift";
import { deleteShift, deleteShiftSchema } from "@/lib/schedule/delete-shift";
import { publishWeek } from "@/lib/schedule/publish-week";
import { createShiftSchema, updateShiftSchema, weekInputSchema } from "@/lib/schedule/schemas";
import { updateShift } from "@/lib/schedule/update-shift";

// Handing checklists to shifts changes the tasks pages too.
const PAGES = ["/admin/schedule", "/admin/tasks"];

export const createShiftAction = action(
  { permission: "schedule.manage", input: createShiftSchema, revalidate: PAGES },
  async (ctx, input) => (await createShift(ctx, input)).id,
);

export const updateShiftAction = action(
  { permission: "schedule.manage", input: updateShiftSchema, revalidate: PAGES },
  async (ctx, input) => (await updateShift(ctx, input)).id,
);

export const deleteShiftAction = action(
  { permission: "schedule.manage", input: deleteShiftSchema, revalidate: PAGES },
  deleteShift,
);

export const copyWeekAction = action(
  { permission: "schedule.manage", input: weekInputSchema, revalidate: PAGES },
  copyWeek,
);

export const publishWeekAction = action(
  { permission: "schedule.manage", input: weekInputSchema, revalidate: PAGES },
  publishWeek,
);

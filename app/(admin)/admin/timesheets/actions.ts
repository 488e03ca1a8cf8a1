"use server";

// Punch corrections from the timesheet: thin — the wrapper checks session, role and input; the use
// cases write, audit and refuse overlaps; the page is revalidated.
import { action } from "@/lib/http/action";

import { addPunch, addPunchSchema, correctPunch, correctPunchSchema } from "@/lib/timeclock/correct-punch";

const PAGES = ["/admin/timesheets"];

export const correctPunchAction = action(
  { permission: "timeclock.manage", input: correctPunchSchema, revalidate: PAGES },
  async (ctx, input) => {
    await correctPunch(ctx, input);
    return null;
  },
);

export const addPunchAction = action(
  { permission: "timeclock.manage", input: addPunchSchema, revalidate: PAGES },
  async (ctx, input) => {
    await addPunch(ctx, input);
    return null;
  },
);

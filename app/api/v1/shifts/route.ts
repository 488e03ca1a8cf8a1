import { route } from "@/lib/http/route";

import { createShift } from "@/lib/schedule/create-shift";
import { listShifts, listShiftsSchema } from "@/lib/schedule/list-shifts";
import { createShiftSchema } from "@/lib/schedule/schemas";

// Everyone reads shifts (their own published ones); managers read the whole schedule, drafts included.
export const GET = route({ permission: "timeclock.punch", query: listShiftsSchema }, async ({ ctx, query }) =>
  listShifts(ctx, query),
);

export const POST = route(
  { permission: "schedule.manage", body: createShiftSchema },
  async ({ ctx, body }) => createShift(ctx, body),
  201,
);

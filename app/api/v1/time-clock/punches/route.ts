import { route } from "@/lib/http/route";

import { addPunch, addPunchSchema } from "@/lib/timeclock/correct-punch";

/** POST /api/v1/time-clock/punches { userId, clockInAt, clockOutAt, reason } — a missed punch (times in the location's zone or ISO with offset). */
export const POST = route(
  { permission: "timeclock.manage", body: addPunchSchema },
  async ({ ctx, body }) => addPunch(ctx, body),
  201,
);

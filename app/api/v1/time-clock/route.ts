import { route } from "@/lib/http/route";

import { getTimeClock } from "@/lib/timeclock/get-time-clock";
import { punchClock, punchClockSchema } from "@/lib/timeclock/punch-clock";

/** GET /api/v1/time-clock → the location's staff with their open punch, and who is on the clock now. */
export const GET = route({ permission: "timeclock.punch" }, async ({ ctx }) => getTimeClock(ctx));

/** POST /api/v1/time-clock { action: "clock-in"|"clock-out"|"break-start"|"break-end", userId, pin } */
export const POST = route({ permission: "timeclock.punch", body: punchClockSchema }, async ({ ctx, body }) =>
  punchClock(ctx, body),
);

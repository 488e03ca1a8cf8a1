import { route } from "@/lib/http/route";
import { dutySchema } from "@/lib/driver/schemas";
import { setDuty } from "@/lib/driver/set-duty";

// POST { onDuty } — the signed-in driver goes on duty (opens a shift; a repeat answers the same
// shift) or off (refused with 409 while orders are out for delivery).
export const POST = route({ permission: "delivery.drive", body: dutySchema }, async ({ ctx, body }) =>
  setDuty(ctx, body),
);

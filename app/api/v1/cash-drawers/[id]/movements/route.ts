import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { recordCashMovement } from "@/lib/cash/record-cash-movement";
import { cashMovementFieldsSchema } from "@/lib/cash/schemas";

const params = z.object({ id: idSchema });

/** POST /api/v1/cash-drawers/:id/movements { kind: PAY_IN|PAY_OUT, amountCents, reason } → the session (201). */
export const POST = route(
  { permission: "cash.drawer", params, body: cashMovementFieldsSchema },
  async ({ ctx, params, body }) => recordCashMovement(ctx, { ...body, sessionId: params.id }),
  201,
);

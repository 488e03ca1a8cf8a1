import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { splitChecksBodySchema } from "@/lib/checks/schemas";
import { splitChecks } from "@/lib/checks/split-checks";

/** POST /api/v1/orders/:orderId/checks/split { by: "seat" } | { by: "even", ways: 2–20, checkId? } */
export const POST = route(
  { permission: "checks.manage", params: z.object({ orderId: idSchema }), body: splitChecksBodySchema },
  async ({ ctx, params, body }) => splitChecks(ctx, { ...body, orderId: params.orderId }),
);

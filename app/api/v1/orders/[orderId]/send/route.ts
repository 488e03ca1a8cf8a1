import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";

import { sendOrderSchema } from "@/lib/orders/schemas";
import { sendOrder } from "@/lib/orders/send-order";
import { idempotencyKeyFrom } from "@/lib/http/idempotency-header";

/**
 * POST /api/v1/orders/:orderId/send  (header Idempotency-Key: <uuid>, required)
 * { items?: [...new lines], holdCourses?: ["MAINS", …] }
 * A retry with the same key replays the first answer (header Idempotent-Replayed: true);
 * the same key with another body → 422; while the first is still running → 409.
 */
export const POST = route(
  {
    permission: "orders.take",
    params: z.object({ orderId: idSchema }),
    body: sendOrderSchema.omit({ orderId: true, idempotencyKey: true }),
  },
  async ({ ctx, params, body, req }) => {
    const idempotencyKey = idempotencyKeyFrom(req)!;
    const { replayed, ...result } = await sendOrder(ctx, { ...body, orderId: params.orderId, idempotencyKey });
    return NextResponse.json(result, {
      status: 200,
      headers: { "x-request-id": ctx.requestId, "Idempotent-Replayed": String(replayed) },
    });
  },
);

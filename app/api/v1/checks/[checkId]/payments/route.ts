import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { idempotencyKeyFrom } from "@/lib/http/idempotency-header";
import { recordPaymentBodySchema } from "@/lib/checks/schemas";
import { recordPayment } from "@/lib/payments/record-payment";

/**
 * POST /api/v1/checks/:checkId/payments  (header Idempotency-Key: <uuid>, required)
 * { tender: CASH|CARD|HOUSE_ACCOUNT, amountCents, tenderedCents?, tipCents?, cardBrand?, cardLast4?, reference? }
 * A retry with the same key replays the first answer (Idempotent-Replayed: true); the same key
 * with another body → 422; while the first is still running → 409.
 */
export const POST = route(
  { permission: "payments.take", params: z.object({ checkId: idSchema }), body: recordPaymentBodySchema },
  async ({ ctx, params, body, req }) => {
    const idempotencyKey = idempotencyKeyFrom(req)!;
    const { replayed, ...result } = await recordPayment(ctx, { ...body, checkId: params.checkId, idempotencyKey });
    return NextResponse.json(result, {
      status: replayed ? 200 : 201,
      headers: { "x-request-id": ctx.requestId, "Idempotent-Replayed": String(replayed) },
    });
  },
);

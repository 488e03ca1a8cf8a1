import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { refundPaymentBodySchema } from "@/lib/checks/schemas";
import { refundPayment } from "@/lib/payments/refund-payment";

/** POST /api/v1/payments/:paymentId/refunds { amountCents?, tipCents?, reason, approval? } — manager or approved. */
export const POST = route(
  { permission: "payments.take", params: z.object({ paymentId: idSchema }), body: refundPaymentBodySchema },
  async ({ ctx, params, body }) => refundPayment(ctx, { ...body, paymentId: params.paymentId }),
);

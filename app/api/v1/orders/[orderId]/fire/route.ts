import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";

import { courseSchema } from "@/lib/orders/schemas";
import { fireCourse } from "@/lib/orders/fire-course";
import { idempotencyKeyFrom } from "@/lib/http/idempotency-header";

/** POST /api/v1/orders/:orderId/fire { course } — fire a held course (Idempotency-Key optional). */
export const POST = route(
  { permission: "orders.take", params: z.object({ orderId: idSchema }), body: z.object({ course: courseSchema }) },
  async ({ ctx, params, body, req }) =>
    fireCourse(ctx, {
      orderId: params.orderId,
      course: body.course,
      idempotencyKey: idempotencyKeyFrom(req, { optional: true }),
    }),
);

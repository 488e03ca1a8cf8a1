"use server";

import { z } from "zod";
import { action } from "@/lib/http/action";
import { idSchema } from "@/lib/validation";

import {
  fireCourseSchema,
  openOrderSchema,
  sendOrderSchema,
  setGuestCountSchema,
  updateOrderStatusSchema,
  voidItemSchema,
} from "@/lib/orders/schemas";
import { openOrder } from "@/lib/orders/open-order";
import { sendOrder } from "@/lib/orders/send-order";
import { fireCourse } from "@/lib/orders/fire-course";
import { voidOrderItem } from "@/lib/orders/void-order-item";
import { updateOrderStatus } from "@/lib/orders/update-order-status";
import { setGuestCount } from "@/lib/orders/set-guest-count";
import { flagTable, flagTableSchema } from "@/lib/tables/flag-table";

// The order pad's writes: the same use cases as /api/v1/orders, through the action wrapper
// (session → role → zod → use case → { ok, data } | { ok: false, error, fieldErrors }).

export const openOrderAction = action(
  { permission: "orders.take", input: openOrderSchema.extend({ tableId: idSchema }) },
  (ctx, input) => openOrder(ctx, input),
);

/** `idempotencyKey` is created by the tablet per send and reused for its retries. */
export const sendOrderAction = action({ permission: "orders.take", input: sendOrderSchema }, (ctx, input) =>
  sendOrder(ctx, input),
);

export const fireCourseAction = action({ permission: "orders.take", input: fireCourseSchema }, (ctx, input) =>
  fireCourse(ctx, input),
);

export const voidItemAction = action({ permission: "orders.take", input: voidItemSchema }, (ctx, input) =>
  voidOrderItem(ctx, input),
);

export const updateOrderStatusAction = action(
  { permission: "orders.take", input: updateOrderStatusSchema },
  (ctx, input) => updateOrderStatus(ctx, input),
);

export const flagTableAction = action({ permission: "orders.take", input: flagTableSchema }, (ctx, input) =>
  flagTable(ctx, input),
);

export const markServedAction = action(
  { permission: "orders.take", input: z.object({ orderId: idSchema }) },
  (ctx, input) => updateOrderStatus(ctx, { orderId: input.orderId, status: "SERVED" }),
);

export const setGuestCountAction = action({ permission: "orders.take", input: setGuestCountSchema }, (ctx, input) =>
  setGuestCount(ctx, input),
);

"use server";

import { action } from "@/lib/http/action";
import { cancelOnlineOrder } from "@/lib/online/cancel-online-order";
import { handOverOnlineOrder } from "@/lib/online/hand-over-online-order";
import { cancelOnlineOrderSchema, handOverSchema } from "@/lib/online/schemas";

// The floor's online-order list: hand a ready pickup over, cancel (managers) — the same use cases
// as everywhere, through the action wrapper.

export const handOverOnlineOrderAction = action(
  { permission: "online.orders", input: handOverSchema, revalidate: ["/floor/online"] },
  (ctx, input) => handOverOnlineOrder(ctx, input),
);

export const cancelOnlineOrderAction = action(
  { permission: "orders.voidSent", input: cancelOnlineOrderSchema, revalidate: ["/floor/online"] },
  (ctx, input) => cancelOnlineOrder(ctx, input),
);

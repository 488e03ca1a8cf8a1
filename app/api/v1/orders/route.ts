import { route } from "@/lib/http/route";

import { listOrdersSchema, openOrderSchema } from "@/lib/orders/schemas";
import { listOrders } from "@/lib/orders/list-orders";
import { openOrder } from "@/lib/orders/open-order";

/** GET /api/v1/orders?status=ACTIVE|OPEN|…&tableId=&limit= */
export const GET = route({ permission: "orders.read", query: listOrdersSchema }, async ({ ctx, query }) => ({
  orders: await listOrders(ctx, query),
}));

/** POST /api/v1/orders { tableId?, guestCount?, notes? } → opens (or continues) the table's order. */
export const POST = route(
  { permission: "orders.take", body: openOrderSchema },
  async ({ ctx, body }) => openOrder(ctx, body),
  201,
);

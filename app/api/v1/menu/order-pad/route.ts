import { route } from "@/lib/http/route";

import { getOrderPadMenu } from "@/lib/menu/get-order-pad-menu";

/** GET /api/v1/menu/order-pad → the menu as orderable right now (86'd flagged, out-of-window hidden). */
export const GET = route({ permission: "orders.take" }, async ({ ctx }) => getOrderPadMenu(ctx));

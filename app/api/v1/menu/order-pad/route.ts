import { route } from "@/lib/http/route";
import { ORDER_TAKERS } from "@/lib/orders/permissions";
import { getOrderPadMenu } from "@/lib/menu/get-order-pad-menu";

/** GET /api/v1/menu/order-pad → the menu as orderable right now (86'd flagged, out-of-window hidden). */
export const GET = route({ roles: ORDER_TAKERS }, async ({ ctx }) => getOrderPadMenu(ctx));

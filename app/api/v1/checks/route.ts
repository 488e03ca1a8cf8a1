import { route } from "@/lib/http/route";
import { listOpenChecks } from "@/lib/checks/list-open-checks";

/** GET /api/v1/checks — open orders with what they owe, oldest first (the cashier's list). */
export const GET = route({ permission: "orders.read" }, async ({ ctx }) => ({ orders: await listOpenChecks(ctx) }));

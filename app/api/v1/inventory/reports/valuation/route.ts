import { route } from "@/lib/http/route";
import { MANAGERS } from "@/lib/auth/roles";
import { getStockValuation } from "@/lib/inventory/get-stock-valuation";

export const GET = route({ roles: MANAGERS }, async ({ ctx }) => getStockValuation(ctx));

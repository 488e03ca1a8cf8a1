import { route } from "@/lib/http/route";
import { listGuestSubmissions } from "@/lib/guest/decide-guest-submission";
import { listGuestSubmissionsSchema } from "@/lib/guest/schemas";

/** GET ?status=PENDING_APPROVAL (the default) — guest orders waiting for a server's tap: table, who, lines, total. */
export const GET = route({ permission: "orders.take", query: listGuestSubmissionsSchema }, async ({ ctx, query }) => ({
  submissions: await listGuestSubmissions(ctx, query),
}));

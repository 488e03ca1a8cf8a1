import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { closeGuestSession } from "@/lib/guest/close-guest-session";
import { getTableGuestSession } from "@/lib/guest/get-table-guest-session";
import { openGuestSession } from "@/lib/guest/open-guest-session";
import { openGuestSessionSchema } from "@/lib/guest/schemas";

const params = z.object({ id: idSchema });

/** GET /api/v1/tables/:id/guest-session — the table's active session (PIN, mode, who joined, guest URL) or null. */
export const GET = route({ permission: "orders.take", params }, async ({ ctx, params }) => ({
  session: await getTableGuestSession(ctx, params.id),
}));

/**
 * POST { mode: "FAMILY" | "INDIVIDUAL" } — opens guest ordering on the table (and its order if it
 * has none): 201 with the new PIN; an active session is answered as it is with 200.
 */
export const POST = route(
  { permission: "orders.take", params, body: openGuestSessionSchema.pick({ mode: true }) },
  async ({ ctx, params, body }) => {
    const session = await openGuestSession(ctx, { tableId: params.id, mode: body.mode });
    return NextResponse.json(session, {
      status: session.created ? 201 : 200,
      headers: { "x-request-id": ctx.requestId },
    });
  },
);

/** DELETE — ends guest ordering on the table (the phones' carts are dropped); `{ closed: false }` when none was open. */
export const DELETE = route({ permission: "orders.take", params }, async ({ ctx, params }) =>
  closeGuestSession(ctx, { tableId: params.id }),
);

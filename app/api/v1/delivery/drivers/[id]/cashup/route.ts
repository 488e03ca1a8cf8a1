import { route } from "@/lib/http/route";
import { getDriverCashup, reconcileDriverCashup } from "@/lib/driver/driver-cashup";
import { cashupQuerySchema, driverIdSchema, reconcileSchema } from "@/lib/driver/schemas";

// GET ?shiftId= — a driver's cash-up for a shift (default their latest): cash collected on
// delivery, counted, variance, reconciled by and at.
export const GET = route(
  { permission: "delivery.cashup", params: driverIdSchema, query: cashupQuerySchema },
  async ({ ctx, params, query }) => getDriverCashup(ctx, { ...query, id: params.id }),
);

// POST { shiftId, countedCents } — the manager counts the driver's cash and reconciles the shift
// (409 while orders are still out or when already reconciled).
export const POST = route(
  { permission: "delivery.cashup", params: driverIdSchema, body: reconcileSchema },
  async ({ ctx, params, body }) => reconcileDriverCashup(ctx, { ...body, id: params.id }),
);

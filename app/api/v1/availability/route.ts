import { route } from "@/lib/http/route";
import { findSlots } from "@/lib/reservations/find-slots";
import { findSlotsSchema } from "@/lib/reservations/schemas";

// GET ?date=YYYY-MM-DD&partySize=4: every slot of that day's service periods, bookable or why not, with proposed tables.
export const GET = route({ permission: "reservations.read", query: findSlotsSchema }, async ({ ctx, query }) =>
  findSlots(ctx, query),
);

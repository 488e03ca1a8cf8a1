import { route } from "@/lib/http/route";
import { createReservation } from "@/lib/reservations/create-reservation";
import { listReservations } from "@/lib/reservations/list-reservations";
import { createReservationSchema, listReservationsSchema } from "@/lib/reservations/schemas";

// GET ?date=YYYY-MM-DD&status=CONFIRMED: one local day's book. POST: book (tables proposed when none are given).
export const GET = route({ permission: "reservations.read", query: listReservationsSchema }, async ({ ctx, query }) =>
  listReservations(ctx, query),
);

export const POST = route(
  { permission: "reservations.manage", body: createReservationSchema },
  async ({ ctx, body }) => createReservation(ctx, body),
  201,
);

import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import {
  cancelReservation,
  completeReservation,
  confirmReservation,
  markReservationArrived,
  markReservationNoShow,
} from "@/lib/reservations/change-reservation-status";
import { seatReservation } from "@/lib/reservations/seat-reservation";
import { updateReservation } from "@/lib/reservations/update-reservation";
import { patchReservationSchema } from "@/lib/reservations/schemas";

const params = z.object({ id: idSchema });

// { "status": "CONFIRMED" | "ARRIVED" | "SEATED" | "COMPLETED" | "CANCELLED" | "NO_SHOW", "reason"? } changes the
// status (SEATED opens the table's order; with "tableIds" it seats there, several pushed together);
// any other fields edit the booking. Not both at once.
export const PATCH = route(
  { permission: "reservations.manage", params, body: patchReservationSchema },
  async ({ ctx, params, body }) => {
    const { status, reason, tableIds, ...rest } = body;
    const edit = { ...rest, ...(status ? {} : { tableIds }) };
    const id = params.id;
    switch (status) {
      case "CONFIRMED":
        return confirmReservation(ctx, { id });
      case "ARRIVED":
        return markReservationArrived(ctx, { id });
      case "SEATED":
        return (await seatReservation(ctx, { id, tableIds })).reservation;
      case "COMPLETED":
        return completeReservation(ctx, { id });
      case "CANCELLED":
        return cancelReservation(ctx, { id, reason });
      case "NO_SHOW":
        return markReservationNoShow(ctx, { id });
      default:
        return updateReservation(ctx, { ...edit, id });
    }
  },
);

"use server";

import { action } from "@/lib/http/action";
import {
  cancelReservation,
  completeReservation,
  confirmReservation,
  markReservationArrived,
  markReservationNoShow,
} from "@/lib/reservations/change-reservation-status";
import { createReservation } from "@/lib/reservations/create-reservation";
import { findSlots } from "@/lib/reservations/find-slots";
import { listReservations } from "@/lib/reservations/list-reservations";
import { loadHostDay } from "@/lib/reservations/load-host-day";
import { searchGuests, searchGuestsSchema } from "@/lib/reservations/search-guests";
import { seatReservation } from "@/lib/reservations/seat-reservation";
import { updateReservation } from "@/lib/reservations/update-reservation";
import {
  cancelReservationSchema,
  createReservationSchema,
  findSlotsSchema,
  hostDaySchema,
  listReservationsSchema,
  reservationIdSchema,
  seatReservationSchema,
  updateReservationSchema,
} from "@/lib/reservations/schemas";

// The host stand's reads and writes: the same use cases as /api/v1/reservations and
// /api/v1/availability, through the action wrapper (the host stand, /floor/host).

export const listReservationsAction = action(
  { permission: "reservations.read", input: listReservationsSchema },
  (ctx, input) => listReservations(ctx, input),
);

export const findSlotsAction = action({ permission: "reservations.read", input: findSlotsSchema }, (ctx, input) =>
  findSlots(ctx, input),
);

export const createReservationAction = action(
  { permission: "reservations.manage", input: createReservationSchema },
  (ctx, input) => createReservation(ctx, input),
);

export const updateReservationAction = action(
  { permission: "reservations.manage", input: updateReservationSchema },
  (ctx, input) => updateReservation(ctx, input),
);

export const confirmReservationAction = action(
  { permission: "reservations.manage", input: reservationIdSchema },
  (ctx, input) => confirmReservation(ctx, input),
);

export const markReservationArrivedAction = action(
  { permission: "reservations.manage", input: reservationIdSchema },
  (ctx, input) => markReservationArrived(ctx, input),
);

/** `tableIds` (optional): seat at these tables instead of the booked ones; several are pushed together. */
export const seatReservationAction = action(
  { permission: "reservations.manage", input: seatReservationSchema },
  (ctx, input) => seatReservation(ctx, input),
);

export const cancelReservationAction = action(
  { permission: "reservations.manage", input: cancelReservationSchema },
  (ctx, input) => cancelReservation(ctx, input),
);

export const markReservationNoShowAction = action(
  { permission: "reservations.manage", input: reservationIdSchema },
  (ctx, input) => markReservationNoShow(ctx, input),
);

export const completeReservationAction = action(
  { permission: "reservations.manage", input: reservationIdSchema },
  (ctx, input) => completeReservation(ctx, input),
);

export const searchGuestsAction = action({ permission: "reservations.read", input: searchGuestsSchema }, (ctx, input) =>
  searchGuests(ctx, input),
);

/** The host stand's timeline frame: the day's service periods and the tables by area. */
export const hostDayAction = action({ permission: "reservations.read", input: hostDaySchema }, (ctx, input) =>
  loadHostDay(ctx, input),
);

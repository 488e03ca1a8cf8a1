// Inputs of the reservation use cases, shared by the REST routes and the host stand's actions.
import { z } from "zod";
import type { ReservationSource } from "@/generated/prisma/enums";
import { idSchema, text } from "../validation";
import { MAX_MERGED_TABLES } from "../tables/merge-limits";
import { RESERVATION_STATUSES } from "./reservation-state";

export const RESERVATION_TAGS = [
  "BIRTHDAY",
  "ANNIVERSARY",
  "VIP",
  "ALLERGY",
  "REGULAR",
  "BUSINESS",
  "ACCESSIBILITY",
  "HIGH_CHAIR",
] as const;
/** Where a booking came from ("HOST": typed at the host stand — a channel, not the role). */
export const RESERVATION_SOURCES = [
  "ONLINE",
  "PHONE",
  "HOST",
  "WALK_IN",
] as const satisfies readonly ReservationSource[];

/** The largest party one booking takes (the database agrees: Reservation_party_size_range). */
export const MAX_PARTY_SIZE = 50;

const startsAtSchema = text("Pick a date and time")
  .max(40, "Not a date and time")
  .pipe(z.iso.datetime({ offset: true, error: "Use an ISO date and time, e.g. 2026-12-01T19:30:00Z" }));

export const partySizeSchema = z.coerce
  .number({ error: "Enter the party size" })
  .int("Party size is a whole number")
  .min(1, "At least 1 guest")
  .max(MAX_PARTY_SIZE, `At most ${MAX_PARTY_SIZE} guests in one booking`);

const durationSchema = z
  .number({ error: "Enter the length in minutes" })
  .int("Whole minutes")
  .min(15, "At least 15 minutes")
  .max(480, "At most 8 hours");

const tableIdsSchema = z
  .array(idSchema)
  .max(3, "At most 3 tables together")
  .refine((ids) => new Set(ids).size === ids.length, "A table is listed twice");

const tagsSchema = z
  .array(z.enum(RESERVATION_TAGS, { error: "Unknown tag" }))
  .max(RESERVATION_TAGS.length)
  .transform((tags) => [...new Set(tags)]);

const notesSchema = text().trim().max(500, "Notes: 500 characters at most");

/** A local calendar date, YYYY-MM-DD. */
export const localDateSchema = z.iso.date({ error: "Use a date like 2026-12-01" });

export const guestFieldsSchema = z.object({
  /** An existing guest of this location; otherwise the guest is found or created from name and phone. */
  guestId: idSchema.optional(),
  guestName: text().trim().max(80, "Name: 80 characters at most").optional(),
  /** Any format the location's country reads ("(207) 555-0163", "+44 20 7946 0958"); stored in E.164. */
  phone: text().trim().max(32, "Not a phone number").optional(),
  email: z
    .string()
    .trim()
    .max(254, "Email: 254 characters at most")
    .pipe(z.email({ error: "Not an email address" }))
    .optional(),
});

export const createReservationSchema = guestFieldsSchema
  .extend({
    partySize: partySizeSchema,
    startsAt: startsAtSchema,
    /** Default: by party size (Location.reservationDurations). */
    durationMinutes: durationSchema.optional(),
    /** Default: the slot finder's proposal (smallest fitting table, else an adjacent combination). */
    tableIds: tableIdsSchema.optional(),
    tags: tagsSchema.default([]),
    notes: notesSchema.default(""),
    allergyNotes: notesSchema.default(""),
    source: z.enum(RESERVATION_SOURCES, { error: "Unknown source" }).default("HOST"),
  })
  .superRefine((v, ctx) => {
    if (!v.guestId && !v.guestName)
      ctx.addIssue({ code: "custom", path: ["guestName"], message: "Enter the guest's name" });
  });
export type CreateReservationInput = z.input<typeof createReservationSchema>;

/** Edits while the party has not sat down; only the fields given change. */
export const reservationEditSchema = z.object({
  partySize: partySizeSchema.optional(),
  startsAt: startsAtSchema.optional(),
  durationMinutes: durationSchema.optional(),
  tableIds: tableIdsSchema.min(1, "Pick at least one table").optional(),
  tags: tagsSchema.optional(),
  notes: notesSchema.optional(),
  allergyNotes: notesSchema.optional(),
});
export const updateReservationSchema = reservationEditSchema.extend({ id: idSchema });
export type UpdateReservationInput = z.input<typeof updateReservationSchema>;

export const reservationStatusSchema = z.enum(RESERVATION_STATUSES, { error: "Unknown status" });

export const reservationIdSchema = z.object({ id: idSchema });
export type ReservationIdInput = z.input<typeof reservationIdSchema>;

/** Seat at the booked tables, or at these (re-assigned to the booking; several are pushed together). */
const seatTableIdsSchema = z
  .array(idSchema)
  .min(1, "Pick at least one table")
  .max(MAX_MERGED_TABLES, `At most ${MAX_MERGED_TABLES} tables together`)
  .refine((ids) => new Set(ids).size === ids.length, "A table is listed twice");

export const seatReservationSchema = reservationIdSchema.extend({ tableIds: seatTableIdsSchema.optional() });
export type SeatReservationInput = z.input<typeof seatReservationSchema>;

export const cancelReservationSchema = reservationIdSchema.extend({
  reason: text().trim().max(200, "Reason: 200 characters at most").default(""),
});
export type CancelReservationInput = z.input<typeof cancelReservationSchema>;

/**
 * PATCH /api/v1/reservations/:id: a status change, or an edit — not both at once. SEATED may name
 * the tables to seat at (`tableIds`, up to six pushed together).
 */
export const patchReservationSchema = reservationEditSchema
  .extend({
    status: z.enum(["CONFIRMED", "ARRIVED", "SEATED", "COMPLETED", "CANCELLED", "NO_SHOW"]).optional(),
    reason: text().trim().max(200, "Reason: 200 characters at most").optional(),
    tableIds: seatTableIdsSchema.optional(),
  })
  .superRefine((v, ctx) => {
    const edits = Object.keys(v).filter(
      (k) =>
        k !== "status" &&
        k !== "reason" &&
        !(k === "tableIds" && v.status === "SEATED") &&
        v[k as keyof typeof v] !== undefined,
    );
    if (!v.status && v.tableIds && v.tableIds.length > 3)
      ctx.addIssue({ code: "custom", path: ["tableIds"], message: "At most 3 tables together" });
    if (v.status && edits.length)
      ctx.addIssue({ code: "custom", path: ["status"], message: "Change the status or the booking, not both at once" });
    if (!v.status && !edits.length) ctx.addIssue({ code: "custom", path: ["_root"], message: "Nothing to change" });
  });

export const listReservationsSchema = z.object({
  date: localDateSchema,
  status: reservationStatusSchema.optional(),
});
export type ListReservationsInput = z.input<typeof listReservationsSchema>;

export const findSlotsSchema = z.object({
  date: localDateSchema,
  partySize: partySizeSchema,
});
export type FindSlotsInput = z.input<typeof findSlotsSchema>;

// Inputs of the reservation use cases, shared by the REST routes and the host stand's actions.
import { z } from "zod";
import type { ReservationSource } from "@/generated/prisma/enums";
import { idSchema, text } from "../validation";
import { reservationDurationsSchema } from "./durations";
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
export type CreateReservationParsed = z.output<typeof createReservationSchema>;

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

/** The host stand's frame for a day (service periods, tables by area). */
export const hostDaySchema = z.object({ date: localDateSchema });
export type HostDayInput = z.input<typeof hostDaySchema>;

// ---- The public booking page (/book/<slug>) ---------------------------------------------------

/** What the guest may say the evening is for; each becomes the booking's tag of that name. */
export const OCCASIONS = [
  "BIRTHDAY",
  "ANNIVERSARY",
  "BUSINESS",
] as const satisfies readonly (typeof RESERVATION_TAGS)[number][];

/** How far ahead the public page books (local days from today). */
export const ONLINE_BOOKING_DAYS = 60;

/** A form left empty sends "": the same as not given. */
const blankAsMissing = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const locationSlugSchema = text()
  .trim()
  .min(1, "Not found")
  .max(64, "Not found")
  .regex(/^[a-z0-9-]+$/, "Not found");

export const publicSlotsSchema = z.object({
  slug: locationSlugSchema,
  date: localDateSchema,
  partySize: partySizeSchema,
});
export type PublicSlotsInput = z.input<typeof publicSlotsSchema>;

export const publicBookingSchema = z
  .object({
    slug: locationSlugSchema,
    /** Made once per form by the page: a resubmitted or double-tapped form names the same booking. */
    bookingKey: text("Reload the page and try again").regex(/^[A-Za-z0-9_-]{16,64}$/, "Reload the page and try again"),
    partySize: partySizeSchema,
    startsAt: startsAtSchema,
    guestName: text("Enter your name").trim().min(1, "Enter your name").max(80, "Name: 80 characters at most"),
    phone: z.preprocess(blankAsMissing, text().trim().max(32, "Not a phone number").optional()),
    email: z.preprocess(
      blankAsMissing,
      z
        .string()
        .trim()
        .max(254, "Email: 254 characters at most")
        .pipe(z.email({ error: "Not an email address" }))
        .optional(),
    ),
    notes: notesSchema.default(""),
    allergyNotes: notesSchema.default(""),
    occasion: z.preprocess(blankAsMissing, z.enum(OCCASIONS, { error: "Unknown occasion" }).optional()),
    /** The honeypot: hidden from people, filled in by form-filling bots. */
    website: z.preprocess((v) => (typeof v === "string" ? v.slice(0, 200) : v), text().default("")),
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.email) {
      const message = "Give a phone number or an email so we can reach you";
      ctx.addIssue({ code: "custom", path: ["phone"], message });
      ctx.addIssue({ code: "custom", path: ["email"], message });
    }
  });
export type PublicBookingInput = z.input<typeof publicBookingSchema>;

export const cancelLinkSchema = z.object({
  slug: locationSlugSchema,
  token: text().min(16, "This link is not valid").max(100, "This link is not valid"),
});
export type CancelLinkInput = z.input<typeof cancelLinkSchema>;

// ---- Reservation settings (/admin/settings/reservations, setup.manage) ----------------------------

/** "17:30" → 1050; "24:00" is midnight at the end of the day (a period may run to close). */
export function minutesOfClock(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

const clockSchema = (missing: string) =>
  text(missing)
    .trim()
    .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "Use a time like 17:30");

const pacingSchema = (what: string, max: number) =>
  z.coerce
    .number({ error: `Enter the most ${what} per slot` })
    .int("A whole number")
    .min(1, "At least 1")
    .max(max, `At most ${max}`);

const servicePeriodFields = z.object({
  name: text("Name the period").trim().min(1, "Name the period").max(40, "Name: 40 characters at most"),
  /** 0 = Sunday … 6 = Saturday. */
  daysOfWeek: z
    .array(z.coerce.number().int().min(0, "Not a weekday").max(6, "Not a weekday"), { error: "Pick the days" })
    .min(1, "Pick at least one day")
    .max(7)
    .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  startTime: clockSchema("Enter when the first table may be booked"),
  endTime: clockSchema("Enter when bookings stop"),
  slotMinutes: z.coerce
    .number({ error: "Enter the slot length" })
    .int("Whole minutes")
    .min(5, "At least 5 minutes")
    .max(120, "At most 120 minutes"),
  maxCoversPerSlot: pacingSchema("guests", 500),
  maxPartiesPerSlot: pacingSchema("new parties", 100),
});

function checkHours(v: { startTime: string; endTime: string }, ctx: z.RefinementCtx): void {
  if (v.startTime === "24:00")
    ctx.addIssue({ code: "custom", path: ["startTime"], message: "The first booking must be before midnight" });
  else if (minutesOfClock(v.endTime) <= minutesOfClock(v.startTime))
    ctx.addIssue({ code: "custom", path: ["endTime"], message: "Bookings must stop after they start" });
}

export const createServicePeriodSchema = servicePeriodFields.superRefine(checkHours);
export type CreateServicePeriodInput = z.input<typeof createServicePeriodSchema>;
export const updateServicePeriodSchema = servicePeriodFields.extend({ id: idSchema }).superRefine(checkHours);
export type UpdateServicePeriodInput = z.input<typeof updateServicePeriodSchema>;
export const servicePeriodIdSchema = z.object({ id: idSchema });
export type ServicePeriodIdInput = z.input<typeof servicePeriodIdSchema>;

export const reservationSettingsSchema = z.object({
  reservationDurations: reservationDurationsSchema,
  onlineBooking: z.boolean({ error: "On or off" }),
  onlineMaxPartySize: z.coerce
    .number({ error: "Enter the largest party the page books" })
    .int("A whole number")
    .min(1, "At least 1")
    .max(MAX_PARTY_SIZE, `At most ${MAX_PARTY_SIZE}`),
  /** The number guests are asked to call; "" clears it. */
  phone: text()
    .trim()
    .max(40, "Phone: 40 characters at most")
    .nullish()
    .transform((v) => v || null),
});
export type ReservationSettingsInput = z.input<typeof reservationSettingsSchema>;

import { z } from "zod";
import { idSchema, INT4_MAX, text } from "../validation";

const cents = z.number().int("Whole cents").min(0, "Cannot be negative").max(INT4_MAX, "Too large");

export const dutySchema = z.object({ onDuty: z.boolean({ error: "Say on duty (true) or off duty (false)" }) });
export type DutyInput = z.input<typeof dutySchema>;

export const routeIdSchema = z.object({ routeId: idSchema });
export const orderIdSchema = z.object({ orderId: idSchema });

export const deliveredSchema = z.object({
  /** How the customer paid at the door; by default the way they chose when ordering. */
  tender: z.enum(["CASH", "CARD"], { error: "Cash or card" }).optional(),
  /** Cash handed over at the door (at least what is due; the rest is change). */
  collectedCents: cents.optional(),
  /** Card on the driver's terminal: its approval reference and the card's last four digits. */
  reference: text().trim().max(64, "64 characters at most").optional(),
  cardLast4: z
    .string()
    .regex(/^[0-9]{4}$/, "The last four digits of the card")
    .optional(),
  tipCents: cents.default(0),
});
export type DeliveredInput = z.input<typeof deliveredSchema>;

export const FAILURE_REASONS = ["REFUSED", "NO_ANSWER", "WRONG_ADDRESS", "OTHER"] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export const failedSchema = z
  .object({
    reason: z.enum(FAILURE_REASONS, { error: "Pick a reason" }),
    note: text().max(300, "Keep the note under 300 characters").optional(),
  })
  .refine((v) => v.reason !== "OTHER" || (v.note ?? "").trim().length > 0, {
    path: ["note"],
    message: "Say what happened",
  });
export type FailedInput = z.input<typeof failedSchema>;

export const positionSchema = z.object({
  lat: z.number().min(-90, "Latitude is between -90 and 90").max(90, "Latitude is between -90 and 90"),
  lng: z.number().min(-180, "Longitude is between -180 and 180").max(180, "Longitude is between -180 and 180"),
  /** Metres, as the browser reports it. */
  accuracy: z.number().min(0).max(100_000).optional(),
  /** When the phone took the fix (ISO time or epoch milliseconds). */
  at: z.union([z.iso.datetime({ offset: true }), z.number().int().min(0)]).optional(),
});
export type PositionInput = z.input<typeof positionSchema>;

export const cashupQuerySchema = z.object({ shiftId: idSchema.optional() });
export type CashupQueryInput = z.input<typeof cashupQuerySchema>;

export const reconcileSchema = z.object({ shiftId: idSchema, countedCents: cents });
export type ReconcileInput = z.input<typeof reconcileSchema>;

export const driverIdSchema = z.object({ id: idSchema });

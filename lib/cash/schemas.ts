// Input schemas of the cash drawer use cases; client-safe (the floor's forms read the limits).
import { z } from "zod";
import { idSchema, text } from "../validation";

/** $100,000.00: no drawer holds more; the database refuses beyond $1,000,000.00. */
export const MAX_CASH_CENTS = 10_000_000;

const cents = (missing: string, min: number) =>
  z
    .number({ error: missing })
    .int("Whole cents")
    .min(min, min === 0 ? "Not negative" : "More than zero")
    .max(MAX_CASH_CENTS, "At most $100,000.00");

export const openDrawerSchema = z.object({
  name: text("Name the drawer").trim().min(1, "Name the drawer").max(40, "At most 40 characters"),
  openingFloatCents: cents("Enter the opening float", 0),
});
export type OpenDrawerInput = z.input<typeof openDrawerSchema>;

export const cashMovementFieldsSchema = z.object({
  kind: z.enum(["PAY_IN", "PAY_OUT"], { error: "Pay in or pay out" }),
  amountCents: cents("Enter an amount", 1),
  reason: text("Say what it is for")
    .trim()
    .min(3, "Say what it is for (at least 3 characters)")
    .max(200, "At most 200 characters"),
});
export const cashMovementSchema = cashMovementFieldsSchema.extend({ sessionId: idSchema });
export type CashMovementInput = z.input<typeof cashMovementSchema>;

export const closeDrawerFieldsSchema = z.object({
  countedCents: cents("Enter the counted cash", 0),
  /** The denomination counter's lines ({ "2000": 3 }), kept in the audit for the record. */
  counts: z.record(z.string().regex(/^\d{1,5}$/), z.number().int().min(0).max(100_000)).optional(),
  note: text().trim().max(300, "At most 300 characters").optional().default(""),
});
export const closeDrawerSchema = closeDrawerFieldsSchema.extend({ sessionId: idSchema });
export type CloseDrawerInput = z.input<typeof closeDrawerSchema>;

/** A date a restaurant can have records for (2000–2099): no year 0 or 9999 reaches SQL. */
export const businessDate = z.iso
  .date("Use a date like 2026-11-30")
  .refine((d) => d >= "2000-01-01" && d <= "2099-12-31", "Choose a date between 2000 and 2099");

export const drawerHistorySchema = z
  .object({
    status: z.enum(["open", "closed", "all"]).optional().default("all"),
    from: businessDate.optional(),
    to: businessDate.optional(),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ["from"], message: "Must be on or before the last date" });
export type DrawerHistoryInput = z.input<typeof drawerHistorySchema>;

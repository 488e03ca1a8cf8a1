// Input schemas of the order use cases, shared by server actions, route handlers and the
// order pad (client-side pre-checks). One schema per input; types come from z.infer.
import { z } from "zod";
import { idSchema, text } from "../validation";
import { idempotencyKeySchema } from "../idempotency/rules";
import { approvalSchema } from "../staff/approval-schema";

export const courseSchema = z.enum(["DRINKS", "STARTERS", "MAINS", "DESSERTS"], { error: "Choose a course" });
export const notesSchema = text().trim().max(200, "Notes: 200 characters at most");

export const newItemSchema = z.object({
  menuItemId: idSchema,
  quantity: z.number().int("Whole numbers only").min(1, "At least 1").max(50, "50 at most"),
  modifierIds: z.array(idSchema).max(30, "Too many modifiers").default([]),
  seat: z.number().int().min(1, "Seats start at 1").max(99, "Seat 99 at most").nullable().default(null),
  course: courseSchema.default("MAINS"),
  notes: notesSchema.default(""),
});
export type NewItemInput = z.input<typeof newItemSchema>;
export type NewItem = z.infer<typeof newItemSchema>;

export const MAX_GUESTS = 99;
const guestCountSchema = z
  .number({ error: "Enter the number of guests" })
  .int("Whole numbers only")
  .min(1, "At least 1 guest")
  .max(MAX_GUESTS, `${MAX_GUESTS} guests at most`);

export const openOrderSchema = z.object({
  tableId: idSchema.nullable().default(null),
  guestCount: guestCountSchema.default(2),
  notes: notesSchema.default(""),
});
export type OpenOrderInput = z.input<typeof openOrderSchema>;

export const setGuestCountSchema = z.object({
  orderId: idSchema,
  guestCount: guestCountSchema,
});
export type SetGuestCountInput = z.input<typeof setGuestCountSchema>;

export const addItemsSchema = z.object({
  orderId: idSchema,
  items: z.array(newItemSchema).min(1, "Add at least one item").max(60, "60 lines at most per request"),
});
export type AddItemsInput = z.input<typeof addItemsSchema>;

export const sendOrderSchema = z.object({
  orderId: idSchema,
  idempotencyKey: idempotencyKeySchema,
  /** Lines composed on the tablet and not saved yet; they are saved and fired together. */
  items: z.array(newItemSchema).max(60, "60 lines at most per send").default([]),
  /** Courses kept back ("hold mains"): their lines become HELD, fired later with fireCourse. */
  holdCourses: z.array(courseSchema).max(4).default([]),
});
export type SendOrderInput = z.input<typeof sendOrderSchema>;

export const fireCourseSchema = z.object({
  orderId: idSchema,
  course: courseSchema,
  idempotencyKey: idempotencyKeySchema.optional(),
});
export type FireCourseInput = z.input<typeof fireCourseSchema>;

export const voidItemSchema = z.object({
  orderId: idSchema,
  orderItemId: idSchema,
  reason: text().trim().min(3, "Give a reason (3+ characters)").max(200, "200 characters at most"),
  /** Put the line's ingredients back in stock. Default: yes while the kitchen has not bumped it. */
  returnToStock: z.boolean().optional(),
  /** A manager's PIN (or password) when the acting user may not void a line the kitchen has received. */
  approval: approvalSchema.optional(),
});
export type VoidItemInput = z.input<typeof voidItemSchema>;

const statusChange = z.object({
  status: z.enum(["SERVED", "CLOSED", "VOIDED"], { error: "Status must be SERVED, CLOSED or VOIDED" }),
  reason: text().trim().max(200).optional(),
  /** Closing with money still owed: a manager's approval on the same device (with a reason). */
  approval: approvalSchema.optional(),
});
const voidNeedsReason = (v: { status: string; reason?: string }) =>
  v.status !== "VOIDED" || (v.reason?.length ?? 0) >= 3;
const voidReasonIssue = { path: ["reason"], message: "Give a reason to void the order (3+ characters)" };

/** PATCH /api/v1/orders/:orderId body. */
export const orderStatusBodySchema = statusChange.refine(voidNeedsReason, voidReasonIssue);
export const updateOrderStatusSchema = statusChange
  .extend({ orderId: idSchema })
  .refine(voidNeedsReason, voidReasonIssue);
export type UpdateOrderStatusInput = z.input<typeof updateOrderStatusSchema>;

export const listOrdersSchema = z.object({
  status: z.enum(["OPEN", "SENT", "IN_PROGRESS", "READY", "SERVED", "CLOSED", "VOIDED", "ACTIVE"]).default("ACTIVE"),
  tableId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListOrdersInput = z.input<typeof listOrdersSchema>;

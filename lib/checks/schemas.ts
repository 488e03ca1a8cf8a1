// Input schemas of the checks and payments use cases, shared by server actions, route handlers
// and the check panel (client-side pre-checks). Money is integer cents with sane upper bounds.
import { z } from "zod";
import { idSchema, text } from "../validation";
import { idempotencyKeySchema } from "../idempotency/rules";
import { approvalSchema } from "../staff/approval-schema";

/** $100,000.00: no single payment, discount or refund at a restaurant comes near it. */
export const MAX_AMOUNT_CENTS = 10_000_000;

export const centsSchema = (label: string) =>
  z
    .number({ error: `Enter ${label} in cents` })
    .int(`${label[0]!.toUpperCase()}${label.slice(1)} must be whole cents`)
    .min(0, `${label[0]!.toUpperCase()}${label.slice(1)} cannot be negative`)
    .max(MAX_AMOUNT_CENTS, `${label[0]!.toUpperCase()}${label.slice(1)} is too large`);

const reasonSchema = text("Give a reason")
  .trim()
  .min(3, "Give a reason (3+ characters)")
  .max(200, "200 characters at most");

const bySeat = z.object({ by: z.literal("seat") });
const evenly = z.object({
  by: z.literal("even"),
  checkId: idSchema.optional(),
  ways: z.number({ error: "How many ways?" }).int().min(2, "Split at least 2 ways").max(20, "20 ways at most"),
});
const splitChoice = { error: "Split by seat or evenly" };
/**
 * By seat: one check per seat (items without a seat stay on the first). Evenly: one check shared
 * N ways, every line in N equal parts.
 */
export const splitChecksSchema = z.discriminatedUnion(
  "by",
  [bySeat.extend({ orderId: idSchema }), evenly.extend({ orderId: idSchema })],
  splitChoice,
);
/** POST /api/v1/orders/:orderId/checks/split body. */
export const splitChecksBodySchema = z.discriminatedUnion("by", [bySeat, evenly], splitChoice);
export type SplitChecksInput = z.input<typeof splitChecksSchema>;

/** Move whole items (all their shares) onto one check, or a new one. */
export const moveItemsSchema = z.object({
  orderId: idSchema,
  orderItemIds: z.array(idSchema).min(1, "Choose at least one item").max(200),
  /** A check of this order, or "new" for a new check. */
  toCheckId: idSchema,
});
export type MoveItemsInput = z.input<typeof moveItemsSchema>;

/** Share one item equally between checks (two guests split a bottle). */
export const shareItemSchema = z.object({
  orderId: idSchema,
  orderItemId: idSchema,
  checkIds: z.array(idSchema).min(2, "Share between at least 2 checks").max(20, "20 checks at most"),
});
export type ShareItemInput = z.input<typeof shareItemSchema>;

export const mergeChecksSchema = z.object({
  orderId: idSchema,
  fromCheckId: idSchema,
  intoCheckId: idSchema,
});
export type MergeChecksInput = z.input<typeof mergeChecksSchema>;

const discountFields = z.object({
  checkId: idSchema,
  /** A line of the check; absent = the whole check. */
  orderItemId: idSchema.optional(),
  kind: z.enum(["PERCENT", "AMOUNT"], { error: "Percent or amount" }),
  /** PERCENT: basis points (1 000 = 10 %); AMOUNT: cents. */
  value: z.number({ error: "Enter the discount" }).int("Whole numbers only").min(1, "Enter the discount"),
  reasonId: idSchema,
  approval: approvalSchema.optional(),
});
function discountRules(d: { kind: "PERCENT" | "AMOUNT"; value: number }, ctx: z.RefinementCtx) {
  if (d.kind === "PERCENT" && d.value > 10_000)
    ctx.addIssue({ code: "custom", path: ["value"], message: "100 % at most" });
  if (d.kind === "AMOUNT" && d.value > MAX_AMOUNT_CENTS)
    ctx.addIssue({ code: "custom", path: ["value"], message: "Too large" });
}
export const addDiscountSchema = discountFields.superRefine(discountRules);
export const addDiscountBodySchema = discountFields.omit({ checkId: true }).superRefine(discountRules);
export type AddDiscountInput = z.input<typeof addDiscountSchema>;

export const removeDiscountSchema = z.object({ discountId: idSchema });
export type RemoveDiscountInput = z.input<typeof removeDiscountSchema>;

const cardBrand = z.enum(["VISA", "MASTERCARD", "AMEX", "DISCOVER", "JCB", "DINERS", "UNIONPAY", "OTHER"], {
  error: "Choose the card brand",
});

const paymentFields = z.object({
  checkId: idSchema,
  tender: z.enum(["CASH", "CARD", "HOUSE_ACCOUNT"], { error: "Choose cash, card or house account" }),
  /** What this payment settles of the check (for cash: at most the balance; change covers the rest). */
  amountCents: centsSchema("the amount").min(1, "Enter the amount"),
  /** Cash handed over; change = tendered − amount. */
  tenderedCents: centsSchema("the cash tendered").optional(),
  tipCents: centsSchema("the tip").default(0),
  cardBrand: cardBrand.optional(),
  cardLast4: z
    .string()
    .regex(/^[0-9]{4}$/, "The last four digits of the card")
    .optional(),
  /** The terminal's approval/reference number, or the house account's name. */
  reference: text().trim().max(64, "64 characters at most").optional(),
  idempotencyKey: idempotencyKeySchema,
});

type PaymentRulesInput = Pick<
  z.infer<typeof paymentFields>,
  "tender" | "amountCents" | "tenderedCents" | "tipCents" | "cardLast4" | "reference"
>;

/** Rules across a payment's fields (tips on cards, cash tendered, card details). */
function paymentRules(p: PaymentRulesInput, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (p.tender !== "CARD" && p.tipCents > 0) issue("tipCents", "Tips are taken on card payments");
  if (p.tender === "CARD" && !p.cardLast4) issue("cardLast4", "Enter the card's last four digits");
  if (p.tender === "CARD" && !p.reference) issue("reference", "Enter the terminal's reference");
  if (p.tender === "HOUSE_ACCOUNT" && !p.reference) issue("reference", "Name the house account");
  if (p.tender !== "CASH" && p.tenderedCents !== undefined) issue("tenderedCents", "Only cash is tendered");
  if (p.tenderedCents !== undefined && p.tenderedCents < p.amountCents)
    issue("tenderedCents", "Less cash than the amount");
}

export const recordPaymentSchema = paymentFields.superRefine(paymentRules);
/** POST /api/v1/checks/:id/payments body (the check from the path, the key from the header). */
export const recordPaymentBodySchema = paymentFields
  .omit({ checkId: true, idempotencyKey: true })
  .superRefine(paymentRules);
export type RecordPaymentInput = z.input<typeof recordPaymentSchema>;

const refundFields = z.object({
  paymentId: idSchema,
  amountCents: centsSchema("the amount").default(0),
  tipCents: centsSchema("the tip").default(0),
  reason: reasonSchema,
  approval: approvalSchema.optional(),
});
const somethingToRefund: [(r: { amountCents: number; tipCents: number }) => boolean, z.core.$ZodCustomParams] = [
  (r) => r.amountCents + r.tipCents > 0,
  { path: ["amountCents"], message: "Enter what to refund" },
];
export const refundPaymentSchema = refundFields.refine(...somethingToRefund);
export const refundPaymentBodySchema = refundFields.omit({ paymentId: true }).refine(...somethingToRefund);
export type RefundPaymentInput = z.input<typeof refundPaymentSchema>;

export const reopenCheckSchema = z.object({
  checkId: idSchema,
  reason: reasonSchema,
  approval: approvalSchema.optional(),
});
export type ReopenCheckInput = z.input<typeof reopenCheckSchema>;

const transferFields = z.object({
  orderId: idSchema,
  toTableId: idSchema.optional(),
  toServerId: idSchema.optional(),
});
const somewhereToGo: [(t: { toTableId?: string; toServerId?: string }) => boolean, z.core.$ZodCustomParams] = [
  (t) => !!(t.toTableId || t.toServerId),
  { path: ["toTableId"], message: "Choose a table or a server" },
];
export const transferOrderSchema = transferFields.refine(...somewhereToGo);
export const transferOrderBodySchema = transferFields.omit({ orderId: true }).refine(...somewhereToGo);
export type TransferOrderInput = z.input<typeof transferOrderSchema>;

export const transferCheckSchema = z.object({ checkId: idSchema, toTableId: idSchema });
export type TransferCheckInput = z.input<typeof transferCheckSchema>;

export const closeOrderSchema = z.object({
  orderId: idSchema,
  /** A manager's reason to close with money still owed (walk-out, house account agreed later). */
  reason: reasonSchema.optional(),
  approval: approvalSchema.optional(),
});
export type CloseOrderInput = z.input<typeof closeOrderSchema>;

"use server";

import { z } from "zod";
import { action } from "@/lib/http/action";
import { idSchema } from "@/lib/validation";
import {
  addDiscountSchema,
  mergeChecksSchema,
  moveItemsSchema,
  recordPaymentSchema,
  refundPaymentSchema,
  removeDiscountSchema,
  reopenCheckSchema,
  shareItemSchema,
  splitChecksSchema,
  transferCheckSchema,
  transferOrderSchema,
} from "@/lib/checks/schemas";
import { transferCheck } from "@/lib/checks/transfer-check";
import { getOrderChecks } from "@/lib/checks/get-order-checks";
import { splitChecks } from "@/lib/checks/split-checks";
import { moveItems, shareItem } from "@/lib/checks/move-items";
import { mergeChecks } from "@/lib/checks/merge-checks";
import { addDiscount } from "@/lib/checks/add-discount";
import { removeDiscount } from "@/lib/checks/remove-discount";
import { reopenCheck } from "@/lib/checks/reopen-check";
import { transferOrder } from "@/lib/checks/transfer-order";
import { listDiscountReasons } from "@/lib/checks/list-discount-reasons";
import { listOpenChecks } from "@/lib/checks/list-open-checks";
import { listTransferServers } from "@/lib/checks/list-transfer-servers";
import { recordPayment } from "@/lib/payments/record-payment";
import { refundPayment } from "@/lib/payments/refund-payment";
import { clearTable, clearTableSchema } from "@/lib/tables/clear-table";

// The check panel's reads and writes: the same use cases as /api/v1/orders/:id/checks,
// /api/v1/checks/:id/… and /api/v1/payments/:id/refunds, through the action wrapper.

export const getOrderChecksAction = action(
  { permission: "orders.read", input: z.object({ orderId: idSchema }) },
  (ctx, input) => getOrderChecks(ctx, input),
);

export const listOpenChecksAction = action({ permission: "orders.read", input: z.object({}) }, (ctx) =>
  listOpenChecks(ctx),
);

export const listDiscountReasonsAction = action({ permission: "checks.discount", input: z.object({}) }, (ctx) =>
  listDiscountReasons(ctx),
);

export const splitChecksAction = action({ permission: "checks.manage", input: splitChecksSchema }, (ctx, input) =>
  splitChecks(ctx, input),
);

export const moveItemsAction = action({ permission: "checks.manage", input: moveItemsSchema }, (ctx, input) =>
  moveItems(ctx, input),
);

export const shareItemAction = action({ permission: "checks.manage", input: shareItemSchema }, (ctx, input) =>
  shareItem(ctx, input),
);

export const mergeChecksAction = action({ permission: "checks.manage", input: mergeChecksSchema }, (ctx, input) =>
  mergeChecks(ctx, input),
);

export const addDiscountAction = action({ permission: "checks.discount", input: addDiscountSchema }, (ctx, input) =>
  addDiscount(ctx, input),
);

export const removeDiscountAction = action(
  { permission: "checks.discount", input: removeDiscountSchema },
  (ctx, input) => removeDiscount(ctx, input),
);

/** `idempotencyKey` is made by the tablet per payment attempt and reused for its retries. */
export const recordPaymentAction = action({ permission: "payments.take", input: recordPaymentSchema }, (ctx, input) =>
  recordPayment(ctx, input),
);

export const refundPaymentAction = action({ permission: "payments.take", input: refundPaymentSchema }, (ctx, input) =>
  refundPayment(ctx, input),
);

export const reopenCheckAction = action({ permission: "payments.take", input: reopenCheckSchema }, (ctx, input) =>
  reopenCheck(ctx, input),
);

export const transferOrderAction = action({ permission: "checks.manage", input: transferOrderSchema }, (ctx, input) =>
  transferOrder(ctx, input),
);

export const listTransferServersAction = action({ permission: "checks.manage", input: z.object({}) }, (ctx) =>
  listTransferServers(ctx),
);

export const clearTableAction = action({ permission: "floor.use", input: clearTableSchema }, (ctx, input) =>
  clearTable(ctx, input),
);

export const transferCheckAction = action({ permission: "checks.manage", input: transferCheckSchema }, (ctx, input) =>
  transferCheck(ctx, input),
);

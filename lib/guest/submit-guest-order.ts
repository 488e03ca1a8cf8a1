import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { idempotencyKeySchema } from "../idempotency/rules";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import type { StockEffects } from "../inventory/stock-effects";
import { publishOrderChange } from "../orders/change-order";
import { lockOrder } from "../orders/lock-order";
import { prepareLines } from "../orders/prepare-lines";
import { kickPrintQueue } from "../printing/print-worker";
import type { CommittedChange } from "../realtime/publish";
import { fieldErrorsOf } from "../validation";
import { auditGuest, bumpVersion, cartScope, checkoutBusy, checkoutHolder, lockSession, readCart } from "./guest-cart";
import type { GuestCtx } from "./guest-context";
import { publishGuest } from "./publish-guest";
import { sendGuestLinesInTx, type GuestLine } from "./send-guest-lines";

export type GuestSubmitResult = {
  submissionId: string;
  status: "SENT" | "PENDING_APPROVAL";
  orderNumber: number | null;
  lineCount: number;
};

/**
 * "Send to the kitchen" from a phone: the cart (FAMILY: the table's; INDIVIDUAL: this phone's)
 * goes on the table's order in one transaction — all lines or none, stock checked as for servers —
 * or waits for the server's tap when the location asks for approval. Idempotent per key: the
 * GuestSubmission row is the record, and a replay answers what the first call answered.
 * Locks: the order first, then the session (the order's close takes them in that order too).
 */
export async function submitGuestOrder(g: GuestCtx, key: string | null) {
  const parsedKey = idempotencyKeySchema.safeParse(key);
  if (!parsedKey.success)
    throw new AppError("VALIDATION", "Send an Idempotency-Key header", {
      "Idempotency-Key": fieldErrorsOf(parsedKey.error)._root ?? Object.values(fieldErrorsOf(parsedKey.error)).flat(),
    });
  const now = new Date();
  let change: CommittedChange | null = null;
  let stock: StockEffects | null = null;
  let chits = 0;
  const outcome = await db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: { guestSessionId: g.sessionId, status: { notIn: ["CLOSED", "VOIDED"] } },
      orderBy: { openedAt: "desc" },
      select: { id: true },
    });
    const locked = order ? await lockOrder(tx, g, order.id, { open: true }) : null;
    const s = await lockSession(tx, g.sessionId);
    if (!s || s.status !== "ACTIVE" || s.expiresAt <= now)
      throw new AppError("SESSION_ENDED", "Ordering from this table has ended.");

    const replay = await tx.guestSubmission.findUnique({
      where: { sessionId_key: { sessionId: g.sessionId, key: parsedKey.data } },
      select: { result: true },
    });
    if (replay?.result) return { result: replay.result as GuestSubmitResult, replayed: true };

    const by = await checkoutHolder(tx, g, s);
    if (by) throw checkoutBusy(by);
    if (!locked) throw new AppError("INVALID_STATE", "This table's order is not open. Ask your server.");
    const { lines: cart, gone } = await readCart(tx, g, now);
    if (gone.length)
      throw new AppError(
        "UNAVAILABLE_ITEM",
        `${gone.map((x) => x.name).join(", ")} ${gone.length > 1 ? "are" : "is"} no longer available. Check your cart and send again.`,
      );
    if (cart.length === 0) throw new AppError("INVALID_STATE", "Your cart is empty");
    const lines: GuestLine[] = cart.map((l) => ({
      menuItemId: l.menuItemId,
      quantity: l.quantity,
      modifierIds: l.modifierIds,
      notes: l.notes,
      guestLabel: l.memberNickname,
    }));
    const location = await tx.location.findUniqueOrThrow({
      where: { id: g.locationId },
      select: { guestOrderApproval: true },
    });

    let result: GuestSubmitResult;
    const submissionId = crypto.randomUUID();
    if (location.guestOrderApproval) {
      // Checked now (the guest hears at once), sent later by the server's tap.
      await prepareLines(
        tx,
        g,
        locked,
        lines.map((l) => ({ ...l, seat: null, course: "MAINS" as const })),
      );
      result = { submissionId, status: "PENDING_APPROVAL", orderNumber: locked.number, lineCount: lines.length };
      await tx.guestSubmission.create({
        data: {
          id: submissionId,
          sessionId: g.sessionId,
          memberId: g.memberId,
          key: parsedKey.data,
          status: "PENDING_APPROVAL",
          lines,
          orderId: locked.id,
          result,
        },
      });
    } else {
      const sent = await sendGuestLinesInTx(tx, g, locked, lines);
      change = sent.change;
      stock = sent.stock;
      chits = sent.fired?.chits ?? 0;
      result = { submissionId, status: "SENT", orderNumber: locked.number, lineCount: lines.length };
      await tx.guestSubmission.create({
        data: {
          id: submissionId,
          sessionId: g.sessionId,
          memberId: g.memberId,
          key: parsedKey.data,
          status: "SENT",
          lines,
          orderId: locked.id,
          fireBatch: sent.fired?.fireBatch ?? null,
          result,
          decidedAt: now,
        },
      });
    }
    await tx.guestCartItem.deleteMany({ where: { ...cartScope(g), id: { in: cart.map((l) => l.id) } } });
    await bumpVersion(tx, g);
    if (s.checkoutMemberId)
      await tx.guestSession.update({
        where: { id: g.sessionId },
        data: { checkoutMemberId: null, checkoutUntil: null },
      });
    await auditGuest(
      g,
      "guest_order.submitted",
      g.sessionId,
      { submissionId, status: result.status, orderId: locked.id, lines: lines.length, key: parsedKey.data },
      tx,
    );
    return { result, replayed: false };
  }, TX_OPTIONS);

  if (!outcome.replayed) {
    publishOrderChange(g, change, stock);
    if (chits > 0) kickPrintQueue();
    publishGuest(g, g.sessionId, ["cart", "session", "order"], { tableId: g.tableId, what: "submission" });
  }
  return { ...outcome.result, replayed: outcome.replayed };
}

import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import { publishOrderChange } from "../orders/change-order";
import { lockOrder } from "../orders/lock-order";
import { kickPrintQueue } from "../printing/print-worker";
import { parseInput } from "../validation";
import { publishGuest } from "./publish-guest";
import { decideGuestSubmissionSchema, listGuestSubmissionsSchema, type DecideGuestSubmissionInput } from "./schemas";
import { sendGuestLinesInTx, type GuestLine } from "./send-guest-lines";

async function pendingSubmission(ctx: Ctx, submissionId: string) {
  const sub = await db.guestSubmission.findFirst({
    where: { id: submissionId, session: { locationId: ctx.locationId } },
    select: {
      id: true,
      status: true,
      orderId: true,
      sessionId: true,
      lines: true,
      session: { select: { tableId: true } },
    },
  });
  if (!sub) throw notFound("Guest order");
  if (sub.status !== "PENDING_APPROVAL")
    throw new AppError("INVALID_STATE", `This guest order was already ${sub.status === "SENT" ? "sent" : "declined"}`);
  return sub;
}

/** One tap on the server's tablet: the guests' waiting lines go to the kitchen as the server's send. */
export async function approveGuestSubmission(ctx: Ctx, raw: DecideGuestSubmissionInput) {
  assertCan(ctx, "orders.take");
  const input = parseInput(decideGuestSubmissionSchema, raw);
  const sub = await pendingSubmission(ctx, input.submissionId);
  if (!sub.orderId) throw new AppError("INVALID_STATE", "This guest order has no open order to go on");
  const { sent, number } = await db.$transaction(async (tx) => {
    const order = await lockOrder(tx, ctx, sub.orderId!, { open: true });
    // The row guard decides races: a second tap (or a decline meanwhile) finds it no longer pending.
    const claimed = await tx.guestSubmission.updateMany({
      where: { id: sub.id, status: "PENDING_APPROVAL" },
      data: { status: "SENT", decidedById: ctx.userId, decidedAt: new Date() },
    });
    if (claimed.count === 0) throw new AppError("INVALID_STATE", "This guest order was already decided");
    const sent = await sendGuestLinesInTx(tx, ctx, order, sub.lines as GuestLine[]);
    await tx.guestSubmission.update({ where: { id: sub.id }, data: { fireBatch: sent.fired?.fireBatch ?? null } });
    await auditAs(
      ctx,
      {
        action: "guest_order.approved",
        entityType: "GuestSubmission",
        entityId: sub.id,
        details: { orderId: order.id, lines: (sub.lines as unknown[]).length },
      },
      tx,
    );
    return { sent, number: order.number };
  }, TX_OPTIONS);
  publishOrderChange(ctx, sent.change, sent.stock);
  if ((sent.fired?.chits ?? 0) > 0) kickPrintQueue();
  publishGuest(ctx, sub.sessionId, ["session", "order"], { tableId: sub.session.tableId, what: "submission" });
  return { orderId: sub.orderId, orderNumber: number };
}

/** The server declines a guest order (with a reason the phones show); the lines go back to nobody's cart. */
export async function rejectGuestSubmission(ctx: Ctx, raw: DecideGuestSubmissionInput) {
  assertCan(ctx, "orders.take");
  const input = parseInput(decideGuestSubmissionSchema, raw);
  const sub = await pendingSubmission(ctx, input.submissionId);
  const reason = input.reason || "Your server will come to your table";
  await db.$transaction(async (tx) => {
    const claimed = await tx.guestSubmission.updateMany({
      where: { id: sub.id, status: "PENDING_APPROVAL" },
      data: { status: "REJECTED", reason, decidedById: ctx.userId, decidedAt: new Date() },
    });
    if (claimed.count === 0) throw new AppError("INVALID_STATE", "This guest order was already decided");
    await auditAs(
      ctx,
      { action: "guest_order.rejected", entityType: "GuestSubmission", entityId: sub.id, details: { reason } },
      tx,
    );
  });
  publishGuest(ctx, sub.sessionId, ["session"], { tableId: sub.session.tableId, what: "submission" });
  return { rejected: true };
}

/** Guest orders waiting for a server's tap (the floor's guest tray), oldest first. */
export async function listGuestSubmissions(ctx: Ctx, raw: unknown = {}) {
  assertCan(ctx, "orders.take");
  const input = parseInput(listGuestSubmissionsSchema, raw);
  const rows = await db.guestSubmission.findMany({
    where: { status: input.status, session: { locationId: ctx.locationId } },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: {
      id: true,
      createdAt: true,
      status: true,
      reason: true,
      lines: true,
      member: { select: { nickname: true } },
      session: { select: { tableId: true, table: { select: { label: true } } } },
    },
  });
  const ids = [...new Set(rows.flatMap((r) => (r.lines as GuestLine[]).map((l) => l.menuItemId)))];
  const modIds = [...new Set(rows.flatMap((r) => (r.lines as GuestLine[]).flatMap((l) => l.modifierIds)))];
  const [items, mods] = await Promise.all([
    db.menuItem.findMany({
      where: { id: { in: ids }, locationId: ctx.locationId },
      select: { id: true, name: true, priceCents: true },
    }),
    db.modifier.findMany({ where: { id: { in: modIds } }, select: { id: true, name: true, priceDeltaCents: true } }),
  ]);
  const item = new Map(items.map((i) => [i.id, i]));
  const mod = new Map(mods.map((m) => [m.id, m]));
  return rows.map((r) => {
    const lines = (r.lines as GuestLine[]).map((l) => {
      const unit =
        (item.get(l.menuItemId)?.priceCents ?? 0) +
        l.modifierIds.reduce((n, id) => n + (mod.get(id)?.priceDeltaCents ?? 0), 0);
      return {
        name: item.get(l.menuItemId)?.name ?? "Unknown dish",
        quantity: l.quantity,
        modifiers: l.modifierIds.map((id) => mod.get(id)?.name ?? "?"),
        notes: l.notes,
        guestLabel: l.guestLabel,
        lineCents: unit * l.quantity,
      };
    });
    return {
      id: r.id,
      status: r.status,
      reason: r.reason,
      tableId: r.session.tableId,
      tableLabel: r.session.table.label,
      memberNickname: r.member.nickname,
      createdAt: r.createdAt,
      totalCents: lines.reduce((n, l) => n + l.lineCents, 0),
      lines,
    };
  });
}

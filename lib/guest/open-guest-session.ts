import "server-only";
import { randomInt } from "node:crypto";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import { openOrderInTx, publishOpened } from "../orders/open-order";
import { parseInput } from "../validation";
import { publishGuest } from "./publish-guest";
import { openGuestSessionSchema, type OpenGuestSessionInput } from "./schemas";

/** Sessions end with the seating; this caps one forgotten on a table that was never closed. */
export const SESSION_HOURS = 12;

/** A 4-digit PIN, never the table's previous one (a new seating gets a new PIN). */
export function newPin(previous?: string | null): string {
  for (;;) {
    const pin = String(randomInt(0, 10_000)).padStart(4, "0");
    if (pin !== previous) return pin;
  }
}

/**
 * A server or host opens guest ordering for a seated party: the table's order is opened (or
 * continued) and linked to a new session with a fresh PIN. A session already open on the table is
 * returned as it is (two taps, one session). Tables pushed together share the primary's session.
 */
export async function openGuestSession(ctx: Ctx, raw: OpenGuestSessionInput) {
  assertCan(ctx, "orders.take");
  const input = parseInput(openGuestSessionSchema, raw);
  const result = await db.$transaction(async (tx) => {
    // Locks the table row (and its primary): concurrent opens on one table run one after the other.
    const opened = await openOrderInTx(tx, ctx, { tableId: input.tableId, guestCount: 2, notes: "" });
    const tableId = opened.tableId!;
    const existing = await activeSessionOn(tx, tableId);
    if (existing) return { opened, session: existing, created: false };
    const previous = await tx.guestSession.findFirst({
      where: { tableId },
      orderBy: { createdAt: "desc" },
      select: { pin: true },
    });
    const session = await tx.guestSession.create({
      data: {
        locationId: ctx.locationId,
        tableId,
        pin: newPin(previous?.pin),
        cartMode: input.mode,
        openedById: ctx.userId,
        expiresAt: new Date(Date.now() + SESSION_HOURS * 3_600_000),
      },
      select: SESSION_SELECT,
    });
    // An order the session opened is a guest QR order (reports by source); one the server had open stays theirs.
    await tx.order.update({
      where: { id: opened.order.id },
      data: { guestSessionId: session.id, ...(opened.created ? { source: "GUEST" as const } : {}) },
    });
    await auditAs(
      ctx,
      {
        action: "guest_session.opened",
        entityType: "GuestSession",
        entityId: session.id,
        details: { tableId, mode: session.cartMode, orderId: opened.order.id },
      },
      tx,
    );
    return { opened, session, created: true };
  }, TX_OPTIONS);
  publishOpened(ctx, result.opened);
  if (result.created) publishGuest(ctx, result.session.id, [], { tableId: result.session.tableId, what: "session" });
  const s = result.session;
  return {
    id: s.id,
    pin: s.pin,
    mode: s.cartMode,
    tableId: s.tableId,
    tableLabel: s.table.label,
    orderId: result.opened.order.id,
    created: result.created,
  };
}

export const SESSION_SELECT = {
  id: true,
  pin: true,
  cartMode: true,
  tableId: true,
  createdAt: true,
  table: { select: { label: true } },
} as const;

/** The table's live session (not closed, not past its expiry). */
export function activeSessionOn(tx: Tx, tableId: string) {
  return tx.guestSession.findFirst({
    where: { tableId, status: "ACTIVE", expiresAt: { gt: new Date() } },
    select: SESSION_SELECT,
  });
}

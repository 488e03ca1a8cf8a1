import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { auditGuest } from "./guest-cart";
import type { GuestCtx } from "./guest-context";
import { publishGuest } from "./publish-guest";
import { acknowledgeGuestRequestSchema, guestRequestSchema } from "./schemas";

/** A second tap within this time (same kind, not yet answered) is the same request. */
const REPEAT_MINUTES = 2;

/** "Call the server" / "the bill, please" from a phone: a notice on the floor tablets. */
export async function createGuestRequest(g: GuestCtx, raw: unknown) {
  const input = parseInput(guestRequestSchema, raw);
  const result = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "GuestSession" WHERE "id" = ${g.sessionId} AND "status" = 'ACTIVE' FOR UPDATE`;
    const open = await tx.guestRequest.findFirst({
      where: {
        sessionId: g.sessionId,
        kind: input.kind,
        acknowledgedAt: null,
        createdAt: { gt: new Date(Date.now() - REPEAT_MINUTES * 60_000) },
      },
      select: { id: true, kind: true, createdAt: true },
    });
    if (open) return { ...open, duplicate: true };
    const session = await tx.guestSession.findUniqueOrThrow({ where: { id: g.sessionId }, select: { tableId: true } });
    const created = await tx.guestRequest.create({
      data: {
        locationId: g.locationId,
        sessionId: g.sessionId,
        tableId: session.tableId,
        memberId: g.memberId,
        kind: input.kind,
      },
      select: { id: true, kind: true, createdAt: true },
    });
    await auditGuest(g, "guest_request.created", g.sessionId, { requestId: created.id, kind: created.kind }, tx);
    return { ...created, duplicate: false };
  });
  if (!result.duplicate) publishGuest(g, g.sessionId, ["session"], { tableId: g.tableId, what: "request" });
  return result;
}

/** Open guest requests for the floor tablets, oldest first. */
export async function listGuestRequests(ctx: Ctx) {
  assertCan(ctx, "orders.take");
  const rows = await db.guestRequest.findMany({
    where: { locationId: ctx.locationId, acknowledgedAt: null, session: { status: "ACTIVE" } },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: {
      id: true,
      tableId: true,
      kind: true,
      createdAt: true,
      memberId: true,
      session: { select: { table: { select: { label: true } } } },
    },
  });
  const members = await db.guestMember.findMany({
    where: { id: { in: rows.map((r) => r.memberId).filter((x): x is string => !!x) } },
    select: { id: true, nickname: true },
  });
  const name = new Map(members.map((m) => [m.id, m.nickname]));
  return rows.map((r) => ({
    id: r.id,
    tableId: r.tableId,
    tableLabel: r.session.table.label,
    kind: r.kind,
    memberNickname: r.memberId ? (name.get(r.memberId) ?? null) : null,
    createdAt: r.createdAt,
  }));
}

/** A server answered ("On my way"): the request leaves every tablet's tray, the phone sees it. */
export async function acknowledgeGuestRequest(ctx: Ctx, raw: unknown) {
  assertCan(ctx, "orders.take");
  const input = parseInput(acknowledgeGuestRequestSchema, raw);
  const req = await db.guestRequest.findFirst({
    where: { id: input.requestId, locationId: ctx.locationId },
    select: { id: true, sessionId: true, tableId: true, acknowledgedAt: true },
  });
  if (!req) throw notFound("Guest request");
  if (req.acknowledgedAt) throw new AppError("INVALID_STATE", "Someone already answered this request");
  const updated = await db.guestRequest.updateMany({
    where: { id: req.id, acknowledgedAt: null },
    data: { acknowledgedAt: new Date(), acknowledgedById: ctx.userId },
  });
  if (updated.count === 0) throw new AppError("INVALID_STATE", "Someone already answered this request");
  publishGuest(ctx, req.sessionId, ["session"], { tableId: req.tableId, what: "request" });
  return { acknowledged: true };
}

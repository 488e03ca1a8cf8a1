import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { notFound } from "../errors";
import { orderEventPayloadSchema, type OrderEventPayload } from "../realtime/events";
import { idSchema, parseInput } from "../validation";
import { describeAuditAction, describeOrderEvent } from "./order-history-wording";

export const orderHistorySchema = z.object({ orderId: idSchema });
export type OrderHistoryInput = z.input<typeof orderHistorySchema>;

export type OrderHistoryEntry = {
  /** "event" rows are the order's own event log; "audit" rows its audited actions (with details). */
  kind: "event" | "audit";
  id: string;
  at: string;
  type: string;
  who: string | null;
  what: string;
  details: Prisma.JsonValue | null;
};

/**
 * Everything that happened to one order, oldest first: its event log (opened, sent, bumped,
 * passed, served, voided, paid…) and the audit entries about it, its checks, lines and payments,
 * each with who did it and in words. Managers only; another location's order is not found.
 */
export async function getOrderHistory(ctx: Ctx, raw: OrderHistoryInput) {
  assertCan(ctx, "audit.view");
  const { orderId } = parseInput(orderHistorySchema, raw);
  const order = await db.order.findFirst({
    where: { id: orderId, locationId: ctx.locationId },
    select: {
      id: true,
      number: true,
      status: true,
      openedAt: true,
      closedAt: true,
      table: { select: { label: true } },
      server: { select: { name: true } },
      location: { select: { timezone: true } },
      items: { select: { id: true, name: true, modifiers: { select: { id: true, name: true } } } },
      checks: { select: { id: true } },
      payments: { select: { id: true } },
    },
  });
  if (!order) throw notFound("Order");
  const entityIds = (type: string, ids: string[]) => (ids.length ? [{ entityType: type, entityId: { in: ids } }] : []);
  const [events, audits] = await Promise.all([
    db.orderEvent.findMany({
      where: { orderId: order.id, locationId: ctx.locationId },
      orderBy: { seq: "asc" },
      select: { id: true, type: true, payload: true, createdAt: true, actorId: true },
    }),
    db.auditLog.findMany({
      where: {
        locationId: ctx.locationId,
        createdAt: { gte: new Date(order.openedAt.getTime() - 60_000) },
        OR: [
          { entityType: "Order", entityId: order.id },
          ...entityIds(
            "OrderItem",
            order.items.map((i) => i.id),
          ),
          ...entityIds(
            "Check",
            order.checks.map((c) => c.id),
          ),
          ...entityIds(
            "Payment",
            order.payments.map((p) => p.id),
          ),
        ],
      },
      orderBy: { createdAt: "asc" },
      select: { id: true, action: true, details: true, createdAt: true, actorId: true },
      take: 500,
    }),
  ]);
  const payloads = events.map((e): Partial<OrderEventPayload> => {
    const p = orderEventPayloadSchema.safeParse(e.payload);
    return p.success ? p.data : {};
  });
  const userIds = new Set<string>();
  const stationIds = new Set<string>();
  const tableIds = new Set<string>();
  for (const e of events) if (e.actorId) userIds.add(e.actorId);
  for (const a of audits) if (a.actorId) userIds.add(a.actorId);
  for (const p of payloads) {
    if (p.approvedById) userIds.add(p.approvedById);
    if (p.toServerId) userIds.add(p.toServerId);
    for (const s of p.stationIds ?? []) if (s) stationIds.add(s);
    for (const t of [p.fromTableId, p.toTableId]) if (t) tableIds.add(t);
  }
  const [users, stations, tables] = await Promise.all([
    userIds.size ? db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } }) : [],
    stationIds.size
      ? db.kitchenStation.findMany({
          where: { id: { in: [...stationIds] }, locationId: ctx.locationId },
          select: { id: true, name: true },
        })
      : [],
    tableIds.size
      ? db.diningTable.findMany({
          where: { id: { in: [...tableIds] }, locationId: ctx.locationId },
          select: { id: true, label: true },
        })
      : [],
  ]);
  const itemNames = new Map<string, string>();
  for (const i of order.items) {
    itemNames.set(i.id, i.name);
    for (const m of i.modifiers) itemNames.set(m.id, m.name);
  }
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const stationName = new Map(stations.map((s) => [s.id, s.name]));
  const tableLabel = new Map(tables.map((t) => [t.id, t.label]));
  const names = {
    item: (id: string) => itemNames.get(id) ?? null,
    station: (id: string | null) => (id ? (stationName.get(id) ?? null) : null),
    table: (id: string | null | undefined) => (id ? (tableLabel.get(id) ?? null) : null),
    user: (id: string | null | undefined) => (id ? (userName.get(id) ?? null) : null),
  };
  const entries: OrderHistoryEntry[] = [
    ...events.map((e, i) => ({
      kind: "event" as const,
      id: e.id,
      at: e.createdAt.toISOString(),
      type: e.type,
      who: names.user(e.actorId),
      what: describeOrderEvent(e.type, payloads[i], names),
      details: null,
    })),
    ...audits.map((a) => ({
      kind: "audit" as const,
      id: a.id,
      at: a.createdAt.toISOString(),
      type: a.action,
      who: names.user(a.actorId),
      what: describeAuditAction(a.action),
      details: a.details,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at) || (a.kind === b.kind ? 0 : a.kind === "event" ? -1 : 1));
  return {
    order: {
      id: order.id,
      number: order.number,
      status: order.status,
      openedAt: order.openedAt.toISOString(),
      closedAt: order.closedAt?.toISOString() ?? null,
      tableLabel: order.table?.label ?? null,
      serverName: order.server?.name ?? null,
    },
    timeZone: order.location.timezone,
    entries,
  };
}

export type OrderHistory = Awaited<ReturnType<typeof getOrderHistory>>;

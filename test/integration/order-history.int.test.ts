// An order's full history: its events through the real use cases (open, send, bump, pass) and the
// audit entry of a guest-count change, in order, with who and in words; managers only; another
// location's order is a 404.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { bumpItems } from "@/lib/kitchen/bump-items";
import { markTicketReady } from "@/lib/kitchen/mark-ticket-ready";
import { getOrderHistory } from "@/lib/orders/get-order-history";
import { setGuestCount } from "@/lib/orders/set-guest-count";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildStations } from "./builders/kitchen";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { buildSentOrder } from "./builders/orders";
import { buildTables } from "./builders/tables";
import { expectAppError } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({ currentCtx: async () => state.ctx, requireUser: async () => state.ctx }));

let loc: BuiltLocation;
let other: BuiltLocation;
let orderId: string;

beforeAll(async () => {
  loc = await buildLocation({ names: { SERVER: "Sam Server", CHEF: "Cory Cook", MANAGER: "Morgan Manager" } });
  other = await buildLocation();
  const station = await buildStations(loc.id, [
    { slug: "grill", name: "Grill" },
    { slug: "expo", name: "Expo", isExpo: true },
  ]);
  const categoryId = (await buildCategory(loc.id)).id;
  const burger = await buildMenuItem(loc.id, { categoryId, name: "Burger", stationId: station.grill });
  const tables = await buildTables(loc.id, ["7"]);
  ({ orderId } = await buildSentOrder(loc.ctx.SERVER, {
    tableId: tables["7"],
    guestCount: 2,
    items: [{ menuItemId: burger.id, quantity: 2 }],
  }));
  const lines = await db.orderItem.findMany({ where: { orderId }, select: { id: true, fireBatch: true } });
  await bumpItems(loc.ctx.CHEF, { station: "grill", orderItemIds: lines.map((l) => l.id) });
  await markTicketReady(loc.ctx.CHEF, { orderId, fireBatch: lines[0].fireBatch! });
  await setGuestCount(loc.ctx.MANAGER, { orderId, guestCount: 3 });
});

describe("getOrderHistory", () => {
  it("lists the order's events and audit entries in order, with who and what", async () => {
    const h = await getOrderHistory(loc.ctx.MANAGER, { orderId });
    expect(h.order).toMatchObject({ tableLabel: "7", serverName: "Sam Server" });
    const events = h.entries.filter((e) => e.kind === "event").map((e) => [e.type, e.who, e.what]);
    expect(events[0]).toEqual(["order.opened", "Sam Server", "Opened the order"]);
    expect(events).toContainEqual(["items.fired", "Sam Server", "Sent Burger to the kitchen (fire 1)"]);
    expect(events).toContainEqual(["items.bumped", "Cory Cook", "Grill finished Burger"]);
    expect(events).toContainEqual(["ticket.ready", "Cory Cook", "Expo passed the ticket (fire 1): food ready"]);
    const types = h.entries.map((e) => e.type);
    expect(types.indexOf("items.fired")).toBeLessThan(types.indexOf("items.bumped"));
    expect(types.indexOf("items.bumped")).toBeLessThan(types.indexOf("ticket.ready"));
    const audit = h.entries.find((e) => e.kind === "audit");
    expect(audit).toMatchObject({ type: "order.guests", who: "Morgan Manager", what: "Order: guests" });
    expect(types.at(-1)).toBe("order.guests");
  });

  it("is for managers, and another location's order is not found", async () => {
    await expectAppError(getOrderHistory(loc.ctx.SERVER, { orderId }), "FORBIDDEN");
    await expectAppError(getOrderHistory(loc.ctx.CHEF, { orderId }), "FORBIDDEN");
    await expectAppError(getOrderHistory(other.ctx.MANAGER, { orderId }), "NOT_FOUND");
  });
});

describe("GET /api/v1/orders/:orderId/history", () => {
  const call = async (ctx: Ctx, id: string) => {
    state.ctx = ctx;
    const { GET } = await import("@/app/api/v1/orders/[orderId]/history/route");
    return GET(new NextRequest(`http://localhost/api/v1/orders/${id}/history`), {
      params: Promise.resolve({ orderId: id }),
    });
  };
  it("answers managers, 404 for another location, 403 for a server", async () => {
    const ok = await call(loc.ctx.MANAGER, orderId);
    expect(ok.status).toBe(200);
    expect((await ok.json()).entries.length).toBeGreaterThanOrEqual(5);
    expect((await call(other.ctx.MANAGER, orderId)).status).toBe(404);
    expect((await call(loc.ctx.SERVER, orderId)).status).toBe(403);
  });
});

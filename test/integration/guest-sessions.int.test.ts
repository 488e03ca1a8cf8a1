// Guest table sessions (issue 13, ADR 0034) on the real database and Redis: opening with a PIN, the
// PIN limits per phone and per address, resume, shared and private carts with versions, the
// checkout lease, idempotent atomic submits, approval, requests and the session's end.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveGuest, type GuestCtx } from "@/lib/guest/guest-context";
import { joinGuestSession } from "@/lib/guest/join-guest-session";
import { openGuestSession } from "@/lib/guest/open-guest-session";
import { closeGuestSession } from "@/lib/guest/close-guest-session";
import { getGuestCart, putGuestCart, setCheckout } from "@/lib/guest/guest-cart";
import { submitGuestOrder } from "@/lib/guest/submit-guest-order";
import {
  approveGuestSubmission,
  listGuestSubmissions,
  rejectGuestSubmission,
} from "@/lib/guest/decide-guest-submission";
import { acknowledgeGuestRequest, createGuestRequest, listGuestRequests } from "@/lib/guest/guest-requests";
import { getGuestSessionView } from "@/lib/guest/guest-views";
import { updateOrderStatus } from "@/lib/orders/update-order-status";
import { moveParty } from "@/lib/tables/move-party";
import { getTableGuestSession } from "@/lib/guest/get-table-guest-session";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { buildTables } from "./builders/tables";
import { expectAppError, resetDb, testDb } from "./helpers";

let loc: BuiltLocation;
let other: BuiltLocation;
let tables: Record<string, string>;
let burger: string;
let salad: string;

const ip = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const meta = (deviceId: string | null = randomUUID().replaceAll("-", ""), addr = ip()) => ({
  requestId: randomUUID(),
  ip: addr,
  deviceId,
});
const tokenOf = async (tableId: string) =>
  (await testDb().diningTable.findUniqueOrThrow({ where: { id: tableId }, select: { qrToken: true } })).qrToken;

async function joined(tableId: string, pin: string, nickname: string): Promise<GuestCtx> {
  const j = await joinGuestSession(await tokenOf(tableId), { pin, nickname }, meta());
  return resolveGuest(j.cookie, { requestId: randomUUID() });
}

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation({ name: "QR Bistro" });
  other = await buildLocation();
  tables = await buildTables(loc.id, ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9"], { seats: 4 });
  const mains = await buildCategory(loc.id, { name: "Mains" });
  burger = (await buildMenuItem(loc.id, { categoryId: mains.id, name: "Burger", priceCents: 1500 })).id;
  salad = (await buildMenuItem(loc.id, { categoryId: mains.id, name: "Salad", priceCents: 900 })).id;
});

describe("opening a session", () => {
  it("shows a 4-digit PIN, opens the table's order, and a second tap (or a concurrent one) gets the same session", async () => {
    const [a, b] = await Promise.all([
      openGuestSession(loc.ctx.SERVER, { tableId: tables.G1, mode: "FAMILY" }),
      openGuestSession(loc.ctx.SERVER, { tableId: tables.G1, mode: "FAMILY" }),
    ]);
    expect(a.pin).toMatch(/^\d{4}$/);
    expect(b.id).toBe(a.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const order = await testDb().order.findUniqueOrThrow({ where: { id: a.orderId } });
    expect(order).toMatchObject({ guestSessionId: a.id, source: "GUEST" });
    expect(await testDb().guestSession.count({ where: { tableId: tables.G1, status: "ACTIVE" } })).toBe(1);
    const audit = await testDb().auditLog.findFirst({ where: { action: "guest_session.opened", entityId: a.id } });
    expect(audit?.actorId).toBe(loc.ctx.SERVER.userId);
  });

  it("refuses a cook, and another location's table is not found", async () => {
    await expectAppError(openGuestSession(loc.ctx.CHEF, { tableId: tables.G2, mode: "FAMILY" }), "FORBIDDEN");
    await expectAppError(openGuestSession(other.ctx.SERVER, { tableId: tables.G2, mode: "FAMILY" }), "NOT_FOUND");
    await expectAppError(openGuestSession(loc.ctx.SERVER, { tableId: tables.G2, mode: "BOTH" as never }), "VALIDATION");
  });
});

describe("joining with the PIN", () => {
  it("answers a wrong PIN, an unknown table and a table without a session alike, and blocks the 6th try for 15 minutes", async () => {
    const s = await openGuestSession(loc.ctx.SERVER, { tableId: tables.G2, mode: "FAMILY" });
    const wrong = s.pin === "0000" ? "1111" : "0000";
    const m = meta();
    const token = await tokenOf(tables.G2);
    const first = await expectAppError(joinGuestSession(token, { pin: wrong, nickname: "Eve" }, m), "PIN_REFUSED");
    expect(first.details).toMatchObject({ attemptsLeft: 4 });
    const unknown = await expectAppError(
      joinGuestSession("x".repeat(32), { pin: wrong, nickname: "Eve" }, m),
      "PIN_REFUSED",
    );
    expect(unknown.message).toBe(first.message);
    const noSession = await expectAppError(
      joinGuestSession(await tokenOf(tables.G7), { pin: wrong, nickname: "Eve" }, m),
      "PIN_REFUSED",
    );
    expect(noSession.message).toBe(first.message);
    await expectAppError(joinGuestSession(token, { pin: wrong, nickname: "Eve" }, m), "PIN_REFUSED");
    const fifth = await expectAppError(joinGuestSession(token, { pin: wrong, nickname: "Eve" }, m), "PIN_REFUSED");
    expect(fifth.details).toMatchObject({ attemptsLeft: 0 });
    expect(fifth.message).toMatch(/15 minutes/);
    // The 6th try is blocked for 15 minutes, even with the right PIN; another phone on the same network is not.
    const sixth = await expectAppError(joinGuestSession(token, { pin: s.pin, nickname: "Eve" }, m), "RATE_LIMITED");
    expect(sixth.details).toMatchObject({ retryAfterSeconds: 900 });
    const ok = await joinGuestSession(token, { pin: s.pin, nickname: "Dana" }, meta(undefined, m.ip));
    expect(ok.member.nickname).toBe("Dana");
    const refusals = await testDb().auditLog.count({ where: { action: "guest_session.join_refused", ip: m.ip } });
    expect(refusals).toBe(5);
  });

  it("lets one address try 50 PINs an hour, whatever the phones", async () => {
    const s = await openGuestSession(loc.ctx.SERVER, { tableId: tables.G3, mode: "FAMILY" });
    const wrong = s.pin === "0000" ? "1111" : "0000";
    const addr = ip();
    const token = await tokenOf(tables.G3);
    const codes: string[] = [];
    for (let i = 0; i < 51; i++) {
      const e = await joinGuestSession(token, { pin: wrong, nickname: "Bot" }, meta(undefined, addr)).catch(
        (error: { code: string }) => error,
      );
      codes.push((e as { code: string }).code);
    }
    expect(codes.slice(0, 50).every((c) => c === "PIN_REFUSED")).toBe(true);
    expect(codes[50]).toBe("RATE_LIMITED");
    await expectAppError(
      joinGuestSession(token, { pin: s.pin, nickname: "Late" }, meta(undefined, addr)),
      "RATE_LIMITED",
    );
  });

  it("resumes a guest who lost the cookie (same member, same cart); the old cookie stops working", async () => {
    const s = await openGuestSession(loc.ctx.SERVER, { tableId: tables.G4, mode: "INDIVIDUAL" });
    const token = await tokenOf(tables.G4);
    const first = await joinGuestSession(token, { pin: s.pin, nickname: "Sam" }, meta());
    const sam = await resolveGuest(first.cookie, { requestId: "r" });
    await putGuestCart(sam, { version: 0, items: [{ menuItemId: burger, quantity: 2 }] });
    const again = await joinGuestSession(token, { pin: s.pin, nickname: "sam" }, meta());
    expect(again).toMatchObject({ resumed: true, member: { id: first.member.id, nickname: "Sam" } });
    const resumed = await resolveGuest(again.cookie, { requestId: "r" });
    expect((await getGuestCart(resumed)).items).toMatchObject([{ menuItemId: burger, quantity: 2, mine: true }]);
    await expectAppError(resolveGuest(first.cookie, { requestId: "r" }), "GUEST_SESSION_REQUIRED");
    await expectAppError(resolveGuest(first.cookie.slice(0, -2) + "xx", { requestId: "r" }), "GUEST_SESSION_REQUIRED");
  });
});

describe("carts and submits", () => {
  it("FAMILY: both phones edit one cart by version; a stale edit gets 409 with the current cart", async () => {
    const s = await openGuestSession(loc.ctx.SERVER, { tableId: tables.G5, mode: "FAMILY" });
    const dana = await joined(tables.G5, s.pin, "Dana");
    const lee = await joined(tables.G5, s.pin, "Lee");
    const c1 = await putGuestCart(dana, { version: 0, items: [{ menuItemId: burger, quantity: 1 }] });
    expect(c1.version).toBe(1);
    const stale = await expectAppError(
      putGuestCart(lee, { version: 0, items: [{ menuItemId: salad, quantity: 1 }] }),
      "VERSION_CONFLICT",
    );
    const current = (stale.details as { cart: { version: number; items: { id: string }[] } }).cart;
    expect(current.version).toBe(1);
    const c2 = await putGuestCart(lee, {
      version: current.version,
      items: [
        ...(current.items as { id: string; menuItemId: string; quantity: number }[]).map((i) => ({
          id: i.id,
          menuItemId: i.menuItemId,
          quantity: i.quantity,
        })),
        { menuItemId: salad, quantity: 1 },
      ],
    });
    expect(c2.items.map((i) => [i.name, i.memberNickname, i.mine])).toEqual([
      ["Burger", "Dana", false],
      ["Salad", "Lee", true],
    ]);
    expect(c2.subtotalCents).toBe(2400);

    // Dana takes the checkout: Lee can neither edit nor send meanwhile.
    await setCheckout(dana, "start");
    const view = await getGuestSessionView(lee);
    expect(view.session.checkout).toMatchObject({ nickname: "Dana" });
    const busy = await expectAppError(putGuestCart(lee, { version: 2, items: [] }), "CHECKOUT_IN_PROGRESS");
    expect(busy.details).toMatchObject({ by: "Dana" });
    await expectAppError(submitGuestOrder(lee, randomUUID()), "CHECKOUT_IN_PROGRESS");

    // Two submits with one key at the same moment: one ticket, the other a replay.
    const key = randomUUID();
    const [x, y] = await Promise.all([submitGuestOrder(dana, key), submitGuestOrder(dana, key)]);
    expect([x.replayed, y.replayed].sort()).toEqual([false, true]);
    expect(x.submissionId).toBe(y.submissionId);
    expect(x.status).toBe("SENT");
    const items = await testDb().orderItem.findMany({ where: { orderId: s.orderId }, orderBy: { name: "asc" } });
    expect(items.map((i) => [i.name, i.guestLabel, i.status, i.fireBatch])).toEqual([
      ["Burger", "Dana", "SENT", 1],
      ["Salad", "Lee", "SENT", 1],
    ]);
    expect((await getGuestCart(lee)).items).toEqual([]);
    const order = await testDb().order.findUniqueOrThrow({ where: { id: s.orderId } });
    expect(order.totalCents).toBe(2400);
    await expectAppError(submitGuestOrder(lee, randomUUID()), "INVALID_STATE"); // empty cart
    const audit = await testDb().auditLog.findFirst({ where: { action: "guest_order.submitted", entityId: s.id } });
    expect(audit).toMatchObject({ actorId: null });
    expect(audit?.details).toMatchObject({ nickname: "Dana", status: "SENT" });
    const statusView = await getGuestSessionView(lee);
    expect(statusView.order?.lines.map((l) => l.status)).toEqual(["IN_KITCHEN", "IN_KITCHEN"]);
  });

  it("INDIVIDUAL: each phone sends its own cart; the table's order is the sum", async () => {
    const s = await openGuestSession(loc.ctx.SERVER, { tableId: tables.G6, mode: "INDIVIDUAL" });
    const ana = await joined(tables.G6, s.pin, "Ana");
    const bo = await joined(tables.G6, s.pin, "Bo");
    await putGuestCart(ana, { version: 0, items: [{ menuItemId: burger, quantity: 1 }] });
    await putGuestCart(bo, { version: 0, items: [{ menuItemId: salad, quantity: 2 }] });
    expect((await getGuestCart(ana)).items.map((i) => i.name)).toEqual(["Burger"]);
    expect((await getGuestCart(bo)).items.map((i) => i.name)).toEqual(["Salad"]);
    await submitGuestOrder(ana, randomUUID());
    await submitGuestOrder(bo, randomUUID());
    const order = await testDb().order.findUniqueOrThrow({ where: { id: s.orderId }, include: { items: true } });
    expect(order.totalCents).toBe(1500 + 2 * 900);
    expect(order.items.map((i) => i.guestLabel).sort()).toEqual(["Ana", "Bo"]);
  });

  it("an 86'd dish leaves every cart with a notice; sending a sold-out dish sends nothing", async () => {
    const s = await openGuestSession(loc.ctx.SERVER, { tableId: tables.G7, mode: "FAMILY" });
    const g = await joined(tables.G7, s.pin, "Kim");
    const fries = await buildMenuItem(loc.id, {
      categoryId: (await testDb().menuItem.findUniqueOrThrow({ where: { id: burger } })).categoryId,
      name: "Fries",
      priceCents: 400,
    });
    await putGuestCart(g, {
      version: 0,
      items: [
        { menuItemId: fries.id, quantity: 1 },
        { menuItemId: salad, quantity: 1 },
      ],
    });
    await testDb().menuItem.update({ where: { id: fries.id }, data: { is86d: true } });
    const cart = await getGuestCart(g);
    expect(cart.removed).toEqual([{ name: "Fries", reason: "Fries is sold out" }]);
    expect(cart.items.map((i) => i.name)).toEqual(["Salad"]);
    await expectAppError(
      putGuestCart(g, { version: cart.version, items: [{ menuItemId: fries.id, quantity: 1 }] }),
      "UNAVAILABLE_ITEM",
    );
    await closeGuestSession(loc.ctx.SERVER, { tableId: tables.G7 });
    await expectAppError(resolveGuest("x", { requestId: "r" }), "GUEST_SESSION_REQUIRED");
  });
});

describe("a moved party", () => {
  it("takes its session along: the new table's card joins it with the same PIN, the old card no longer does", async () => {
    const s = await openGuestSession(loc.ctx.SERVER, { tableId: tables.G8, mode: "FAMILY" });
    const before = await joinGuestSession(await tokenOf(tables.G8), { pin: s.pin, nickname: "Mo" }, meta());
    await moveParty(loc.ctx.HOST, { fromTableId: tables.G8, toTableIds: [tables.G9] });
    expect(await getTableGuestSession(loc.ctx.SERVER, tables.G8)).toBeNull();
    expect(await getTableGuestSession(loc.ctx.SERVER, tables.G9)).toMatchObject({
      id: s.id,
      pin: s.pin,
      tableLabel: "G9",
    });
    const mo = await resolveGuest(before.cookie, { requestId: "r" });
    expect(mo.tableId).toBe(tables.G9);
    const again = await joinGuestSession(await tokenOf(tables.G9), { pin: s.pin, nickname: "Mo" }, meta());
    expect(again.member.id).toBe(before.member.id);
    await expectAppError(
      joinGuestSession(await tokenOf(tables.G8), { pin: s.pin, nickname: "Mo" }, meta()),
      "PIN_REFUSED",
    );
  });
});

describe("approval, requests and the end of the session", () => {
  it("with approval on, a guest order waits for one tap; declines are shown; requests reach the tray", async () => {
    await testDb().location.update({ where: { id: loc.id }, data: { guestOrderApproval: true } });
    try {
      const s = await openGuestSession(loc.ctx.SERVER, { tableId: tables.G3, mode: "INDIVIDUAL" });
      const noor = await joinGuestSession(await tokenOf(tables.G3), { pin: s.pin, nickname: "Noor" }, meta());
      const g = await resolveGuest(noor.cookie, { requestId: "r" });
      await putGuestCart(g, { version: 0, items: [{ menuItemId: burger, quantity: 1, notes: "no onions" }] });
      const sub = await submitGuestOrder(g, randomUUID());
      expect(sub.status).toBe("PENDING_APPROVAL");
      expect(await testDb().orderItem.count({ where: { orderId: s.orderId } })).toBe(0);
      const tray = await listGuestSubmissions(loc.ctx.SERVER);
      expect(tray.find((t) => t.id === sub.submissionId)).toMatchObject({
        memberNickname: "Noor",
        totalCents: 1500,
        lines: [{ name: "Burger", quantity: 1, notes: "no onions" }],
      });
      await expectAppError(approveGuestSubmission(other.ctx.SERVER, { submissionId: sub.submissionId }), "NOT_FOUND");
      const [first, second] = await Promise.allSettled([
        approveGuestSubmission(loc.ctx.SERVER, { submissionId: sub.submissionId }),
        approveGuestSubmission(loc.ctx.SERVER, { submissionId: sub.submissionId }),
      ]);
      expect([first.status, second.status].sort()).toEqual(["fulfilled", "rejected"]);
      const sent = await testDb().orderItem.findMany({ where: { orderId: s.orderId } });
      expect(sent.map((i) => [i.name, i.status, i.guestLabel, i.notes])).toEqual([
        ["Burger", "SENT", "Noor", "no onions"],
      ]);

      await putGuestCart(g, { version: 2, items: [{ menuItemId: salad, quantity: 1 }] });
      const sub2 = await submitGuestOrder(g, randomUUID());
      await rejectGuestSubmission(loc.ctx.SERVER, { submissionId: sub2.submissionId, reason: "Kitchen closes soon" });
      const view = await getGuestSessionView(g);
      expect(view.submissions[0]).toMatchObject({ status: "REJECTED", reason: "Kitchen closes soon" });

      const r1 = await createGuestRequest(g, { kind: "BILL" });
      const r2 = await createGuestRequest(g, { kind: "BILL" });
      expect(r2).toMatchObject({ id: r1.id, duplicate: true });
      expect(
        (await listGuestRequests(loc.ctx.SERVER)).map((r) => [r.tableLabel, r.kind, r.memberNickname]),
      ).toContainEqual(["G3", "BILL", "Noor"]);
      await acknowledgeGuestRequest(loc.ctx.SERVER, { requestId: r1.id });
      await expectAppError(acknowledgeGuestRequest(loc.ctx.SERVER, { requestId: r1.id }), "INVALID_STATE");

      // The party's order is voided: the session ends and the phone says so.
      await updateOrderStatus(loc.ctx.MANAGER, { orderId: s.orderId, status: "VOIDED", reason: "test over" });
      await expectAppError(resolveGuest(noor.cookie, { requestId: "r" }), "SESSION_ENDED");
      expect((await testDb().guestSession.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("CLOSED");
      const reopened = await openGuestSession(loc.ctx.SERVER, { tableId: tables.G3, mode: "FAMILY" });
      expect(reopened.id).not.toBe(s.id);
    } finally {
      await testDb().location.update({ where: { id: loc.id }, data: { guestOrderApproval: false } });
    }
  });
});

describe("the guest routes", () => {
  const jsonReq = (url: string, method: string, body?: unknown, headers: Record<string, string> = {}) =>
    new NextRequest(`http://localhost:3000${url}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const seg = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

  it("join sets an HttpOnly cookie the other routes accept; no cookie is 401; a cross-site post is refused", async () => {
    const s = await openGuestSession(loc.ctx.SERVER, { tableId: tables.G1, mode: "FAMILY" });
    const token = await tokenOf(tables.G1);
    const { POST: join } = await import("@/app/api/guest/sessions/[token]/join/route");
    const bad = await join(
      jsonReq(`/api/guest/sessions/${token}/join`, "POST", { pin: "12", nickname: "" }),
      seg({ token }),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors).toMatchObject({ pin: expect.any(Array), nickname: expect.any(Array) });
    const res = await join(
      jsonReq(
        `/api/guest/sessions/${token}/join`,
        "POST",
        { pin: s.pin, nickname: "Route" },
        { cookie: "kms_guest_device=abcdefghijklmnopqrstuv" },
      ),
      seg({ token }),
    );
    expect(res.status).toBe(200);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/kms_guest=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=strict/i);
    const cookie = setCookie.split(";")[0];

    const { GET: session } = await import("@/app/api/guest/session/route");
    expect((await session(jsonReq("/api/guest/session", "GET"), seg())).status).toBe(401);
    const ok = await session(jsonReq("/api/guest/session", "GET", undefined, { cookie }), seg());
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ session: { tableLabel: "G1", mode: "FAMILY" }, me: { nickname: "Route" } });

    const { POST: orders } = await import("@/app/api/guest/orders/route");
    const noKey = await orders(jsonReq("/api/guest/orders", "POST", {}, { cookie }), seg());
    expect(noKey.status).toBe(400);
    const cross = await orders(
      jsonReq(
        "/api/guest/orders",
        "POST",
        {},
        { cookie, origin: "https://evil.example", "idempotency-key": randomUUID() },
      ),
      seg(),
    );
    expect(cross.status).toBe(403);
    const { GET: menu } = await import("@/app/api/guest/menu/route");
    const m = await (await menu(jsonReq("/api/guest/menu", "GET", undefined, { cookie }), seg())).json();
    const dishes = m.categories.flatMap((c: { items: { name: string; priceCents: number }[] }) => c.items);
    expect(dishes).toContainEqual(expect.objectContaining({ name: "Burger", priceCents: 1500, available: true }));
    expect(JSON.stringify(m)).not.toMatch(/taxRateBps/);
  });
});

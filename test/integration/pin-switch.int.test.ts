// Enrolled devices, PIN quick switch and a manager's approval by PIN (issue 10): the use cases and
// the pin-switch/devices routes, on the real database. The rate limiter is real (Redis or memory).
import { NextRequest } from "next/server";
import { decode } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { hashPassword } from "@/lib/auth/password";
import { switchUserByPin } from "@/lib/auth/switch-user-by-pin";
import { deviceCookieName, hashDeviceToken } from "@/lib/devices/device-cookie";
import { enrollDevice } from "@/lib/devices/enroll-device";
import { findEnrolledDevice } from "@/lib/devices/find-device";
import { listDevices } from "@/lib/devices/list-devices";
import { listSwitchStaff } from "@/lib/devices/list-switch-staff";
import { revokeDevice } from "@/lib/devices/revoke-device";
import { voidOrderItem } from "@/lib/orders/void-order-item";
import { listApprovers } from "@/lib/staff/list-approvers";
import { setMyPin } from "@/lib/staff/set-pin";
import { PIN_LOCKED, PIN_WRONG } from "@/lib/staff/verify-pin";
import { buildStations } from "./builders/kitchen";
import { addStaff, buildLocation, type BuiltLocation } from "./builders/location";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { buildSentOrder } from "./builders/orders";
import { buildTables } from "./builders/tables";
import { expectAppError, testDb } from "./helpers";

const session = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({
  currentCtx: async () => session.ctx,
  requireUser: async () => session.ctx,
}));

const SECRET = "test-secret-not-for-production-0123456789abcdef";
let loc: BuiltLocation;
let other: BuiltLocation;

beforeAll(async () => {
  loc = await buildLocation();
  other = await buildLocation();
  await setMyPin(loc.ctx.SERVER, { pin: "2749" });
  await setMyPin(loc.ctx.MANAGER, { pin: "5820" });
  await setMyPin(loc.ctx.CHEF, { pin: "6071" });
  await setMyPin(other.ctx.MANAGER, { pin: "3907" });
});

const post = (url: string, body: unknown, cookies: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  new NextRequest(url, {
    method: "POST",
    body: JSON.stringify(body),
    headers: {
      "content-type": "application/json",
      "sec-fetch-site": "same-origin",
      cookie: Object.entries(cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join("; "),
      ...headers,
    },
  });
const noParams = { params: Promise.resolve({}) };

describe("enrolled devices", () => {
  it("enroll stores only the token's hash; list, revoke, audit; another location's device is not found", async () => {
    const { device, token } = await enrollDevice(loc.ctx.MANAGER, { name: "Bar tablet" });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await testDb().enrolledDevice.findUniqueOrThrow({ where: { id: device.id } });
    expect(row.tokenHash).toBe(hashDeviceToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await findEnrolledDevice(token)).toMatchObject({ id: device.id, locationId: loc.id, name: "Bar tablet" });

    const listed = await listDevices(loc.ctx.MANAGER, { currentToken: token });
    expect(listed.find((d) => d.id === device.id)).toMatchObject({ current: true, name: "Bar tablet" });
    expect(await listDevices(other.ctx.MANAGER)).toEqual([]);

    await expectAppError(revokeDevice(other.ctx.MANAGER, { deviceId: device.id }), "NOT_FOUND");
    await revokeDevice(loc.ctx.MANAGER, { deviceId: device.id });
    expect(await findEnrolledDevice(token)).toBeNull();
    await revokeDevice(loc.ctx.MANAGER, { deviceId: device.id }); // twice: not an error
    const audits = await testDb().auditLog.findMany({ where: { entityId: device.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["device.enrolled", "device.revoked"]);
  });

  it("refuses a server, a blank name, and a forged cookie", async () => {
    await expectAppError(enrollDevice(loc.ctx.SERVER, { name: "Mine" }), "FORBIDDEN");
    await expectAppError(revokeDevice(loc.ctx.SERVER, { deviceId: "x" }), "FORBIDDEN");
    const blank = await expectAppError(enrollDevice(loc.ctx.MANAGER, { name: " " }), "VALIDATION");
    expect(blank.fieldErrors?.name).toBeDefined();
    expect(await findEnrolledDevice("x".repeat(43))).toBeNull();
    expect(await findEnrolledDevice("not a token")).toBeNull();
  });

  it("re-enrolling a browser revokes its old enrollment", async () => {
    const first = await enrollDevice(loc.ctx.MANAGER, { name: "Grill screen" });
    const second = await enrollDevice(loc.ctx.MANAGER, { name: "Grill screen 2" }, { currentToken: first.token });
    expect(await findEnrolledDevice(first.token)).toBeNull();
    expect(await findEnrolledDevice(second.token)).not.toBeNull();
  });

  it("POST /api/v1/devices sets an HttpOnly SameSite=Lax cookie and never returns the token", async () => {
    const { POST } = await import("@/app/api/v1/devices/route");
    session.ctx = loc.ctx.MANAGER;
    const res = await POST(post("http://localhost/api/v1/devices", { name: "Host stand" }), noParams);
    expect(res.status).toBe(201);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(new RegExp(`^${deviceCookieName().replace(".", "\\.")}=`));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).toMatch(/Max-Age=31536000/);
    const token = setCookie.split(";")[0].split("=")[1];
    expect(await res.text()).not.toContain(token);
    session.ctx = loc.ctx.SERVER;
    const refused = await POST(post("http://localhost/api/v1/devices", { name: "Mine" }), noParams);
    expect(refused.status).toBe(403);
    session.ctx = loc.ctx.MANAGER;
    const bad = await POST(post("http://localhost/api/v1/devices", { name: "" }), noParams);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors.name).toBeDefined();
  });
});

describe("routes: GET/DELETE /api/v1/devices, PUT /api/v1/me/pin", () => {
  it("lists and revokes only this location's devices; a server is refused", async () => {
    const devices = await import("@/app/api/v1/devices/route");
    const one = await import("@/app/api/v1/devices/[id]/route");
    const { device } = await enrollDevice(loc.ctx.MANAGER, { name: "Listed" });
    session.ctx = loc.ctx.MANAGER;
    const list = await devices.GET(new NextRequest("http://localhost/api/v1/devices"), noParams);
    expect(list.status).toBe(200);
    expect((await list.json()).devices.map((d: { id: string }) => d.id)).toContain(device.id);
    const del = (id: string) =>
      one.DELETE(
        new NextRequest(`http://localhost/api/v1/devices/${id}`, {
          method: "DELETE",
          headers: { "sec-fetch-site": "same-origin" },
        }),
        { params: Promise.resolve({ id }) },
      );
    session.ctx = other.ctx.MANAGER;
    expect((await del(device.id)).status).toBe(404);
    session.ctx = loc.ctx.SERVER;
    expect((await del(device.id)).status).toBe(403);
    session.ctx = loc.ctx.MANAGER;
    expect((await del(device.id)).status).toBe(200);
  });

  it("PUT /api/v1/me/pin answers the policy's field error, then sets it (never echoing the PIN)", async () => {
    const { GET, PUT } = await import("@/app/api/v1/me/pin/route");
    const cashier = await addStaff(loc, "CASHIER");
    session.ctx = cashier.ctx;
    const put = (pin: string) =>
      PUT(
        new NextRequest("http://localhost/api/v1/me/pin", {
          method: "PUT",
          body: JSON.stringify({ pin }),
          headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
        }),
        noParams,
      );
    const common = await put("2580");
    expect(common.status).toBe(400);
    expect((await common.json()).error.fieldErrors.pin).toEqual(["This PIN is too common; choose another"]);
    const ok = await put("8316");
    expect(ok.status).toBe(200);
    expect(await ok.text()).not.toContain("8316");
    const status = await (await GET(new NextRequest("http://localhost/api/v1/me/pin"), noParams)).json();
    expect(status).toMatchObject({ set: true, locked: false });
  });
});

describe("PIN quick switch", () => {
  it("offers only staff with a PIN whose role fits the surface", async () => {
    const floor = await listSwitchStaff(loc.id, "floor");
    expect(floor.map((t) => t.userId)).toEqual(
      expect.arrayContaining([loc.staff.SERVER.userId, loc.staff.MANAGER.userId]),
    );
    expect(floor.map((t) => t.userId)).not.toContain(loc.staff.CHEF.userId); // has a PIN, not a floor role
    const kitchen = await listSwitchStaff(loc.id, "kitchen");
    expect(kitchen.map((t) => t.userId).sort()).toEqual([loc.staff.CHEF.userId, loc.staff.MANAGER.userId].sort());
  });

  it("ends the previous session on the device and starts one for the chosen person", async () => {
    const { device } = await enrollDevice(loc.ctx.MANAGER, { name: "Floor 1" });
    const ref = { id: device.id, name: device.name, locationId: loc.id };
    const previous = await testDb().userSession.create({
      data: { userId: loc.staff.MANAGER.userId, expiresAt: new Date(Date.now() + 3600_000) },
    });
    const { staff, home } = await switchUserByPin(
      ref,
      { userId: loc.staff.SERVER.userId, pin: "2749", surface: "floor" },
      { previous: { userId: loc.staff.MANAGER.userId, sessionId: previous.id } },
    );
    expect(home).toBe("/floor");
    expect(staff).toMatchObject({ id: loc.staff.SERVER.userId, role: "SERVER", locationId: loc.id });
    const [old, fresh] = await Promise.all([
      testDb().userSession.findUniqueOrThrow({ where: { id: previous.id } }),
      testDb().userSession.findUniqueOrThrow({ where: { id: staff.sessionId } }),
    ]);
    expect(old.revokedAt).not.toBeNull();
    expect(fresh).toMatchObject({ userId: loc.staff.SERVER.userId, revokedAt: null });
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { action: "auth.pin_switch", entityId: staff.sessionId },
    });
    expect(audit).toMatchObject({ actorId: loc.staff.SERVER.userId, locationId: loc.id });
    expect(audit.details).toMatchObject({ deviceId: device.id, fromUserId: loc.staff.MANAGER.userId });
  });

  it("a wrong PIN keeps the current user signed in; a role that may not use the surface is refused", async () => {
    const { device } = await enrollDevice(loc.ctx.MANAGER, { name: "Floor 2" });
    const ref = { id: device.id, name: device.name, locationId: loc.id };
    const previous = await testDb().userSession.create({
      data: { userId: loc.staff.SERVER.userId, expiresAt: new Date(Date.now() + 3600_000) },
    });
    const wrong = await expectAppError(
      switchUserByPin(
        ref,
        { userId: loc.staff.MANAGER.userId, pin: "1111" },
        { previous: { userId: loc.staff.SERVER.userId, sessionId: previous.id } },
      ),
      "UNAUTHENTICATED",
    );
    expect(wrong.message).toBe(PIN_WRONG);
    expect((await testDb().userSession.findUniqueOrThrow({ where: { id: previous.id } })).revokedAt).toBeNull();
    await expectAppError(
      switchUserByPin(ref, { userId: loc.staff.CHEF.userId, pin: "6071", surface: "floor" }),
      "FORBIDDEN",
    );
    // The PIN is this location's: the same person's PIN does not open a device elsewhere.
    const { device: elsewhere } = await enrollDevice(other.ctx.MANAGER, { name: "Other bar" });
    await expectAppError(
      switchUserByPin({ ...elsewhere, locationId: other.id }, { userId: loc.staff.SERVER.userId, pin: "2749" }),
      "UNAUTHENTICATED",
    );
  });

  it("locks after five wrong PINs, with the lock message", async () => {
    const { device } = await enrollDevice(loc.ctx.MANAGER, { name: "Floor 3" });
    const host = await addStaff(loc, "HOST");
    await setMyPin(host.ctx, { pin: "8316" });
    const ref = { id: device.id, name: device.name, locationId: loc.id };
    for (let i = 0; i < 4; i++)
      await expectAppError(switchUserByPin(ref, { userId: host.userId, pin: "9999" }), "UNAUTHENTICATED");
    const fifth = await expectAppError(switchUserByPin(ref, { userId: host.userId, pin: "9999" }), "LOCKED");
    expect(fifth.message).toBe(PIN_LOCKED);
    await expectAppError(switchUserByPin(ref, { userId: host.userId, pin: "8316" }), "LOCKED");
  });

  describe("POST /api/v1/auth/pin-switch", () => {
    it("403 without a device cookie, and with a revoked one", async () => {
      const { POST } = await import("@/app/api/v1/auth/pin-switch/route");
      const body = { userId: loc.staff.SERVER.userId, pin: "2749" };
      const none = await POST(post("http://localhost/api/v1/auth/pin-switch", body));
      expect(none.status).toBe(403);
      const { device, token } = await enrollDevice(loc.ctx.MANAGER, { name: "Revoked" });
      await revokeDevice(loc.ctx.MANAGER, { deviceId: device.id });
      const revoked = await POST(
        post("http://localhost/api/v1/auth/pin-switch", body, { [deviceCookieName()]: token }),
      );
      expect(revoked.status).toBe(403);
      expect(revoked.headers.get("set-cookie")).toBeNull();
    });

    it("refuses a cross-site request before anything else", async () => {
      const { POST } = await import("@/app/api/v1/auth/pin-switch/route");
      const { token } = await enrollDevice(loc.ctx.MANAGER, { name: "Cross" });
      const res = await POST(
        post(
          "http://localhost/api/v1/auth/pin-switch",
          { userId: loc.staff.SERVER.userId, pin: "2749" },
          { [deviceCookieName()]: token },
          { "sec-fetch-site": "cross-site" },
        ),
      );
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("CROSS_SITE_REQUEST");
    });

    it("sets a next-auth session cookie with the claims a password sign-in makes", async () => {
      const { POST } = await import("@/app/api/v1/auth/pin-switch/route");
      const { token } = await enrollDevice(loc.ctx.MANAGER, { name: "Pass screen" });
      const bad = await POST(
        post(
          "http://localhost/api/v1/auth/pin-switch",
          { userId: loc.staff.CHEF.userId, pin: "12" },
          {
            [deviceCookieName()]: token,
          },
        ),
      );
      expect(bad.status).toBe(400);
      const wrong = await POST(
        post(
          "http://localhost/api/v1/auth/pin-switch",
          { userId: loc.staff.CHEF.userId, pin: "9182" },
          {
            [deviceCookieName()]: token,
          },
        ),
      );
      expect(wrong.status).toBe(401);
      expect((await wrong.json()).error.message).toBe(PIN_WRONG);

      const res = await POST(
        post(
          "http://localhost/api/v1/auth/pin-switch",
          { userId: loc.staff.CHEF.userId, pin: "6071", surface: "kitchen" },
          { [deviceCookieName()]: token },
        ),
      );
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ user: { id: loc.staff.CHEF.userId, role: "CHEF" }, home: "/kitchen" });
      const cookie = res.cookies.get("next-auth.session-token");
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe("lax");
      const claims = await decode({ token: cookie!.value, secret: SECRET });
      expect(claims).toMatchObject({
        sub: loc.staff.CHEF.userId,
        email: loc.staff.CHEF.email,
        name: loc.staff.CHEF.name,
        role: "CHEF",
        locationId: loc.id,
        sv: 0,
      });
      expect(typeof claims?.authAt).toBe("number");
      const row = await testDb().userSession.findUniqueOrThrow({ where: { id: String(claims?.sid) } });
      expect(row).toMatchObject({ userId: loc.staff.CHEF.userId, revokedAt: null });
    });
  });
});

describe("manager approval on the same device", () => {
  let orderId: string;
  let lines: string[];

  beforeAll(async () => {
    const stations = await buildStations(loc.id, [{ slug: "grill" }]);
    const { id: categoryId } = await buildCategory(loc.id);
    const dish = await buildMenuItem(loc.id, { categoryId, stationId: stations.grill, name: "Steak" });
    const table = await buildTables(loc.id, ["A1"]);
    const built = await buildSentOrder(loc.ctx.SERVER, {
      tableId: table.A1,
      items: [1, 2, 3, 4].map(() => ({ menuItemId: dish.id, quantity: 1 })),
    });
    orderId = built.orderId;
    lines = built.sent.firedItemIds;
  });

  it("lists the managers with a PIN", async () => {
    const approvers = await listApprovers(loc.ctx.SERVER);
    expect(approvers.map((a) => a.userId)).toEqual([loc.staff.MANAGER.userId]);
  });

  it("voids a sent line with the manager's PIN: the event and the audit carry both actors", async () => {
    const server = loc.ctx.SERVER;
    const refused = await expectAppError(
      voidOrderItem(server, { orderId, orderItemId: lines[0], reason: "guest changed mind" }),
      "FORBIDDEN",
    );
    expect(refused.details).toMatchObject({ approvalRequired: true });
    await voidOrderItem(server, {
      orderId,
      orderItemId: lines[0],
      reason: "guest changed mind",
      approval: { approverId: loc.staff.MANAGER.userId, pin: "5820" },
    });
    const item = await testDb().orderItem.findUniqueOrThrow({ where: { id: lines[0] } });
    expect(item).toMatchObject({ status: "VOIDED", voidedById: server.userId });
    const event = await testDb().orderEvent.findFirstOrThrow({ where: { orderId, type: "items.voided" } });
    expect(event.actorId).toBe(server.userId);
    expect(event.payload).toMatchObject({ itemIds: [lines[0]], approvedById: loc.staff.MANAGER.userId });
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { action: "order.item.void", entityId: lines[0] },
    });
    expect(audit.actorId).toBe(server.userId);
    expect(audit.details).toMatchObject({ approvedById: loc.staff.MANAGER.userId, approval: "pin" });
    const given = await testDb().auditLog.findFirstOrThrow({ where: { action: "approval.given", entityId: lines[0] } });
    expect(given.actorId).toBe(loc.staff.MANAGER.userId);
  });

  it("accepts the manager's email and password as a fallback", async () => {
    const pw = "correct horse battery staple";
    await testDb().user.update({
      where: { id: loc.staff.MANAGER.userId },
      data: { passwordHash: await hashPassword(pw) },
    });
    const wrong = await expectAppError(
      voidOrderItem(loc.ctx.SERVER, {
        orderId,
        orderItemId: lines[1],
        reason: "wrong table",
        approval: { email: loc.staff.MANAGER.email, password: "nope" },
      }),
      "VALIDATION",
    );
    expect(wrong.fieldErrors?.["approval.password"]).toBeDefined();
    await voidOrderItem(loc.ctx.SERVER, {
      orderId,
      orderItemId: lines[1],
      reason: "wrong table",
      approval: { email: loc.staff.MANAGER.email.toUpperCase(), password: pw },
    });
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { action: "order.item.void", entityId: lines[1] },
    });
    expect(audit.details).toMatchObject({ approvedById: loc.staff.MANAGER.userId, approval: "password" });
  });

  it("refuses (and audits) a non-manager's approval, a wrong PIN and another location's manager", async () => {
    const server2 = await addStaff(loc, "SERVER");
    await setMyPin(server2.ctx, { pin: "4071" });
    const nonManager = await expectAppError(
      voidOrderItem(loc.ctx.SERVER, {
        orderId,
        orderItemId: lines[2],
        reason: "guest changed mind",
        approval: { approverId: server2.userId, pin: "4071" },
      }),
      "FORBIDDEN",
    );
    expect(nonManager.fieldErrors?.["approval.approverId"]).toBeDefined();
    const wrongPin = await expectAppError(
      voidOrderItem(loc.ctx.SERVER, {
        orderId,
        orderItemId: lines[2],
        reason: "guest changed mind",
        approval: { approverId: loc.staff.MANAGER.userId, pin: "1111" },
      }),
      "VALIDATION",
    );
    expect(wrongPin.fieldErrors?.["approval.pin"]).toEqual(["Wrong PIN"]);
    // Another location's manager, with their right PIN there: not staff here.
    await expectAppError(
      voidOrderItem(loc.ctx.SERVER, {
        orderId,
        orderItemId: lines[2],
        reason: "guest changed mind",
        approval: { approverId: other.staff.MANAGER.userId, pin: "3907" },
      }),
      "VALIDATION",
    );
    expect((await testDb().orderItem.findUniqueOrThrow({ where: { id: lines[2] } })).status).not.toBe("VOIDED");
    const refusals = await testDb().auditLog.findMany({
      where: { action: "approval.refused", entityId: lines[2], actorId: loc.staff.SERVER.userId },
    });
    expect(refusals.map((r) => (r.details as { reason: string }).reason).sort()).toEqual(
      ["FORBIDDEN", "VALIDATION", "VALIDATION"].sort(),
    );
  });

  it("another location's server cannot void this order even with an approval", async () => {
    await expectAppError(
      voidOrderItem(other.ctx.SERVER, {
        orderId,
        orderItemId: lines[3],
        reason: "guest changed mind",
        approval: { approverId: other.staff.MANAGER.userId, pin: "3907" },
      }),
      "NOT_FOUND",
    );
  });

  it("the void route takes the approval in its body", async () => {
    const { POST } = await import("@/app/api/v1/orders/[orderId]/items/[itemId]/void/route");
    session.ctx = loc.ctx.SERVER;
    const params = { params: Promise.resolve({ orderId, itemId: lines[3] }) };
    const url = `http://localhost/api/v1/orders/${orderId}/items/${lines[3]}/void`;
    const noApproval = await POST(post(url, { reason: "guest changed mind" }), params);
    expect(noApproval.status).toBe(403);
    const badShape = await POST(
      post(url, { reason: "guest changed mind", approval: { approverId: "x", pin: "1" } }),
      params,
    );
    expect(badShape.status).toBe(400);
    const ok = await POST(
      post(url, { reason: "guest changed mind", approval: { approverId: loc.staff.MANAGER.userId, pin: "5820" } }),
      params,
    );
    expect(ok.status).toBe(200);
  });
});

describe("revoking a device ends the sessions opened on it", () => {
  type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
  const signInWithPassword = async (email: string, password: string, cookie: string) => {
    const { authOptions } = await import("@/lib/auth/auth-options");
    const provider = authOptions.providers[0] as unknown as { options: { authorize: Authorize } };
    const user = (await provider.options.authorize(
      { email, password },
      {
        headers: {
          cookie,
          "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
        },
      },
    )) as { id: string; sessionId: string };
    return user;
  };
  const live = async (sessionId: string, userId: string) => {
    const { isSessionLive } = await import("@/lib/auth/user-sessions");
    return isSessionLive(sessionId, userId);
  };

  it("password sign-in and PIN switch on the device are revoked with it; other devices' and plain sessions survive", async () => {
    const pw = "tablet sign-in passphrase 42";
    const cashier = await addStaff(loc, "CASHIER");
    await testDb().user.update({ where: { id: cashier.userId }, data: { passwordHash: await hashPassword(pw) } });
    const host = await addStaff(loc, "HOST");
    await setMyPin(host.ctx, { pin: "4619" });
    const a = await enrollDevice(loc.ctx.MANAGER, { name: "Pass tablet" });
    const b = await enrollDevice(loc.ctx.MANAGER, { name: "Host stand tablet" });
    const refA = { id: a.device.id, name: a.device.name, locationId: loc.id };
    const refB = { id: b.device.id, name: b.device.name, locationId: loc.id };

    // On device A: a password sign-in carrying A's cookie, then a PIN switch to the host.
    const onA = await signInWithPassword(cashier.email, pw, `other=1; ${deviceCookieName()}=${a.token}`);
    const switched = await switchUserByPin(refA, { userId: host.userId, pin: "4619" });
    // Elsewhere: the same cashier on device B, the host on B by PIN, and a plain browser without a device cookie.
    const onB = await signInWithPassword(cashier.email, pw, `${deviceCookieName()}=${b.token}`);
    const hostOnB = await switchUserByPin(refB, { userId: host.userId, pin: "4619" });
    const plain = await signInWithPassword(cashier.email, pw, "");

    const rows = await testDb().userSession.findMany({
      where: {
        id: { in: [onA.sessionId, switched.staff.sessionId, onB.sessionId, hostOnB.staff.sessionId, plain.sessionId] },
      },
      select: { id: true, deviceId: true },
    });
    const deviceOf = new Map(rows.map((r) => [r.id, r.deviceId]));
    expect(deviceOf.get(onA.sessionId)).toBe(a.device.id);
    expect(deviceOf.get(switched.staff.sessionId)).toBe(a.device.id);
    expect(deviceOf.get(onB.sessionId)).toBe(b.device.id);
    expect(deviceOf.get(plain.sessionId)).toBeNull();

    const result = await revokeDevice(loc.ctx.MANAGER, { deviceId: a.device.id });
    expect(result.sessionsEnded).toBe(2);
    expect(await live(onA.sessionId, cashier.userId)).toBe(false);
    expect(await live(switched.staff.sessionId, host.userId)).toBe(false);
    expect(await live(onB.sessionId, cashier.userId)).toBe(true);
    expect(await live(hostOnB.staff.sessionId, host.userId)).toBe(true);
    expect(await live(plain.sessionId, cashier.userId)).toBe(true);
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { action: "device.revoked", entityId: a.device.id },
    });
    expect(audit.details).toMatchObject({ sessionsEnded: 2 });
    expect((audit.details as { userIds: string[] }).userIds.sort()).toEqual([cashier.userId, host.userId].sort());
  });

  it("the per-request check refuses the revoked session's cookie (the next request signs the tablet out)", async () => {
    const { readSession, admitSession } = await import("@/lib/auth/user-sessions");
    const { device } = await enrollDevice(loc.ctx.MANAGER, { name: "Kitchen pass" });
    const { staff } = await switchUserByPin(
      { id: device.id, name: device.name, locationId: loc.id },
      { userId: loc.staff.CHEF.userId, pin: "6071" },
    );
    expect(await admitSession(await readSession(staff.sessionId), staff.id, "CHEF")).toBe(true);
    await revokeDevice(loc.ctx.MANAGER, { deviceId: device.id });
    expect(await admitSession(await readSession(staff.sessionId), staff.id, "CHEF")).toBe(false);
  });

  it("a sign-in with a revoked or forged device cookie opens a session tied to no device", async () => {
    const pw = "another tablet passphrase 17";
    const cashier = await addStaff(loc, "CASHIER");
    await testDb().user.update({ where: { id: cashier.userId }, data: { passwordHash: await hashPassword(pw) } });
    const { device, token } = await enrollDevice(loc.ctx.MANAGER, { name: "Old tablet" });
    await revokeDevice(loc.ctx.MANAGER, { deviceId: device.id });
    const revoked = await signInWithPassword(cashier.email, pw, `${deviceCookieName()}=${token}`);
    const forged = await signInWithPassword(cashier.email, pw, `${deviceCookieName()}=${"A".repeat(43)}`);
    const rows = await testDb().userSession.findMany({
      where: { id: { in: [revoked.sessionId, forged.sessionId] } },
      select: { deviceId: true },
    });
    expect(rows.map((r) => r.deviceId)).toEqual([null, null]);
  });

  it("revoking concurrently ends the sessions once and audits once", async () => {
    const { device } = await enrollDevice(loc.ctx.MANAGER, { name: "Race tablet" });
    const { staff } = await switchUserByPin(
      { id: device.id, name: device.name, locationId: loc.id },
      { userId: loc.staff.SERVER.userId, pin: "2749" },
    );
    const results = await Promise.allSettled([
      revokeDevice(loc.ctx.MANAGER, { deviceId: device.id }),
      revokeDevice(loc.ctx.MANAGER, { deviceId: device.id }),
    ]);
    const ended = results.map((r) => (r.status === "fulfilled" ? r.value.sessionsEnded : 0));
    expect(ended.reduce((x, y) => x + y, 0)).toBe(1);
    expect(await live(staff.sessionId, staff.id)).toBe(false);
    expect(await testDb().auditLog.count({ where: { action: "device.revoked", entityId: device.id } })).toBe(1);
  });
});

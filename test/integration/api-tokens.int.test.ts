// API tokens (issue 15, ADR 0037): the token endpoint, bearer requests through route(), refresh
// rotation and reuse detection, scopes, personal tokens — on the real database, with no cookie and
// no session mock: a bearer request never reads one.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as tokenPost } from "@/app/api/v1/auth/token/route";
import { GET as ordersGet, POST as ordersPost } from "@/app/api/v1/orders/route";
import { POST as sendPost } from "@/app/api/v1/orders/[orderId]/send/route";
import { GET as snapshotGet } from "@/app/api/v1/kitchen/snapshot/route";
import { GET as tokensGet } from "@/app/api/v1/api-tokens/route";
import { signAccessToken } from "@/lib/auth/access-token";
import { hashPassword } from "@/lib/auth/password";
import { revokeSessions } from "@/lib/auth/user-sessions";
import { bearerTokenOf } from "@/lib/auth/bearer";
import { metrics } from "@/lib/observability/metrics";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { buildStations } from "./builders/kitchen";
import { addStaff, buildLocation, type BuiltLocation } from "./builders/location";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { buildTables } from "./builders/tables";
import { expectAppError, testDb } from "./helpers";

const PASSWORD = "plum-orchard-lantern-42";
let loc: BuiltLocation;
let other: BuiltLocation;
let tableIds: string[];
let dishId: string;

beforeAll(async () => {
  loc = await buildLocation();
  other = await buildLocation();
  const hash = await hashPassword(PASSWORD);
  await testDb().user.updateMany({
    where: { id: { in: [loc.staff.SERVER.userId, loc.staff.CHEF.userId, loc.staff.MANAGER.userId] } },
    data: { passwordHash: hash },
  });
  const stations = await buildStations(loc.id, [{ slug: "grill" }]);
  const category = await buildCategory(loc.id, { defaultStationId: stations.grill });
  dishId = (await buildMenuItem(loc.id, { categoryId: category.id, stationId: stations.grill, name: "Flat iron" })).id;
  tableIds = Object.values(await buildTables(loc.id, ["A1", "A2", "A3"]));
});

const noParams = { params: Promise.resolve({}) };

function token(body: Record<string, string>, form = false) {
  return tokenPost(
    new NextRequest("http://localhost/api/v1/auth/token", {
      method: "POST",
      headers: { "content-type": form ? "application/x-www-form-urlencoded" : "application/json" },
      body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
    }),
  );
}

async function passwordGrant(email: string, extra: Record<string, string> = {}) {
  const res = await token({ grant_type: "password", email, password: PASSWORD, ...extra });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { access_token: string; refresh_token: string; expires_in: number; scope: string };
}

/** A bearer request like curl's: no cookie, no Origin, no Sec-Fetch-Site. */
function bearer(
  path: string,
  access: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  return new NextRequest(`http://localhost${path}`, {
    method: init.method ?? "GET",
    headers: {
      authorization: `Bearer ${access}`,
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

describe("POST /api/v1/auth/token", () => {
  it("issues a short-lived bearer token and a refresh token for a password (JSON or form)", async () => {
    const t = await passwordGrant(loc.staff.SERVER.email, { scope: "orders:write", device: "Bar iPad" });
    expect(t).toMatchObject({ token_type: "Bearer", scope: "orders:write" });
    expect(t.expires_in).toBeLessThanOrEqual(900);
    expect(t.refresh_token).toMatch(/^sbr_/);
    const stored = await testDb().refreshToken.findMany({ where: { userId: loc.staff.SERVER.userId } });
    expect(stored.some((r) => r.tokenHash.length === 64 && r.device === "Bar iPad")).toBe(true);
    expect(stored.every((r) => r.tokenHash !== t.refresh_token)).toBe(true);

    const form = await token({ grant_type: "password", email: loc.staff.CHEF.email, password: PASSWORD }, true);
    expect(form.status).toBe(200);
    expect((await form.json()).scope.split(" ")).toContain("kitchen:read");
  });

  it("counts attempts and issued tokens like the sign-in page", async () => {
    const value = async (c: { get(): Promise<{ values: { value: number; labels: object }[] }> }, labels: object) =>
      (await c.get()).values.find((v) => JSON.stringify(v.labels) === JSON.stringify(labels))?.value ?? 0;
    const m = metrics();
    const [ok, issued] = [
      await value(m.authAttempts, { kind: "password", outcome: "success" }),
      await value(m.jwtIssued, { kind: "access" }),
    ];
    await passwordGrant(loc.staff.CHEF.email);
    expect(await value(m.authAttempts, { kind: "password", outcome: "success" })).toBe(ok + 1);
    expect(await value(m.jwtIssued, { kind: "access" })).toBe(issued + 1);
  });

  it("answers OAuth errors, never 500: wrong password, bad fields, unknown scope or grant", async () => {
    const wrong = await token({ grant_type: "password", email: loc.staff.SERVER.email, password: "nope" });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: "invalid_grant" });
    await testDb().user.update({ where: { id: loc.staff.SERVER.userId }, data: { failedLoginCount: 0 } });

    const missing = await token({ grant_type: "password", email: "not-an-email" });
    expect(missing.status).toBe(400);
    const body = await missing.json();
    expect(body.error).toBe("invalid_request");
    expect(Object.keys(body.field_errors)).toEqual(expect.arrayContaining(["email", "password"]));

    const scope = await token({
      grant_type: "password",
      email: loc.staff.SERVER.email,
      password: PASSWORD,
      scope: "root",
    });
    expect(await scope.json()).toMatchObject({ error: "invalid_scope" });
    expect((await token({ grant_type: "client_credentials" })).status).toBe(400);
    expect(await (await token({ grant_type: "client_credentials" })).json()).toMatchObject({
      error: "unsupported_grant_type",
    });
    const junk = await tokenPost(
      new NextRequest("http://localhost/api/v1/auth/token", {
        method: "POST",
        body: "{",
        headers: { "content-type": "application/json" },
      }),
    );
    expect(junk.status).toBe(400);
  });

  it("keeps the sign-in lockout: after 5 misses even the right password is refused", async () => {
    const cashier = await addStaff(loc, "CASHIER");
    await testDb().user.update({ where: { id: cashier.userId }, data: { passwordHash: await hashPassword(PASSWORD) } });
    for (let i = 0; i < 5; i++)
      expect((await token({ grant_type: "password", email: cashier.email, password: "wrong" })).status).toBe(400);
    const locked = await token({ grant_type: "password", email: cashier.email, password: PASSWORD });
    expect(locked.status).toBe(400);
    expect((await locked.json()).error_description).toMatch(/Too many failed attempts/);
  });
});

describe("bearer requests through route()", () => {
  it("a token reads and writes within its scopes, with no cookie and no same-origin headers", async () => {
    const t = await passwordGrant(loc.staff.SERVER.email, { scope: "orders:write" });
    const list = await ordersGet(bearer("/api/v1/orders", t.access_token), noParams);
    expect(list.status).toBe(200);
    // CSRF rules are for cookies: a bearer write from "another site" is fine.
    const open = await ordersPost(
      bearer("/api/v1/orders", t.access_token, {
        method: "POST",
        body: { tableId: tableIds[0], guestCount: 2 },
        headers: { "sec-fetch-site": "cross-site", origin: "https://integrator.example" },
      }),
      noParams,
    );
    expect(open.status, await open.clone().text()).toBe(201);
    const order = { id: ((await open.json()) as { orderId: string }).orderId };
    const send = await sendPost(
      bearer(`/api/v1/orders/${order.id}/send`, t.access_token, {
        method: "POST",
        body: { items: [{ menuItemId: dishId, quantity: 2 }] },
        headers: { "idempotency-key": randomUUID() },
      }),
      { params: Promise.resolve({ orderId: order.id }) },
    );
    expect(send.status, await send.clone().text()).toBe(200);

    const chef = await passwordGrant(loc.staff.CHEF.email, { scope: "kitchen:read" });
    const feed = await snapshotGet(bearer("/api/v1/kitchen/snapshot?station=grill", chef.access_token), noParams);
    expect(feed.status).toBe(200);
    expect(JSON.stringify(await feed.json())).toContain("Flat iron");
  });

  it("a missing scope is 403 naming it; the role still applies whatever the scopes", async () => {
    const reader = await passwordGrant(loc.staff.SERVER.email, { scope: "kitchen:read orders:read" });
    const refused = await ordersPost(
      bearer("/api/v1/orders", reader.access_token, { method: "POST", body: { tableId: tableIds[1] } }),
      noParams,
    );
    expect(refused.status).toBe(403);
    expect(refused.headers.get("www-authenticate")).toContain('scope="orders:write"');
    expect((await refused.json()).error.code).toBe("FORBIDDEN");

    // Every scope, but a chef cannot take orders.
    const chef = await passwordGrant(loc.staff.CHEF.email);
    const chefOrder = await ordersPost(
      bearer("/api/v1/orders", chef.access_token, { method: "POST", body: { tableId: tableIds[1] } }),
      noParams,
    );
    expect(chefOrder.status).toBe(403);
    // No token may manage tokens, not even a manager's with every scope.
    const manager = await passwordGrant(loc.staff.MANAGER.email);
    expect((await tokensGet(bearer("/api/v1/api-tokens", manager.access_token), noParams)).status).toBe(403);
  });

  it("expired, forged and revoked access tokens are 401", async () => {
    const t = await passwordGrant(loc.staff.SERVER.email);
    const session = await testDb().refreshToken.findFirstOrThrow({
      where: { userId: loc.staff.SERVER.userId },
      orderBy: { createdAt: "desc" },
    });
    const who = {
      userId: loc.staff.SERVER.userId,
      locationId: loc.id,
      role: "SERVER" as const,
      sessionId: session.sessionId,
      sessionVersion: 0,
    };
    const expired = signAccessToken(who, ["orders:read"], Date.now() - 16 * 60_000).token;
    const res = await ordersGet(bearer("/api/v1/orders", expired), noParams);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("invalid_token");
    expect((await ordersGet(bearer("/api/v1/orders", t.access_token + "x"), noParams)).status).toBe(401);
    expect((await ordersGet(bearer("/api/v1/orders", "sbp_nothing"), noParams)).status).toBe(401);

    // Sign out everywhere (or a password change) revokes the session: its access tokens die at once.
    await revokeSessions({ userId: loc.staff.SERVER.userId });
    expect((await ordersGet(bearer("/api/v1/orders", t.access_token), noParams)).status).toBe(401);
    expect((await token({ grant_type: "refresh_token", refresh_token: t.refresh_token })).status).toBe(400);
  });
});

describe("the Authorization header", () => {
  it("only the Bearer scheme is ours; a malformed bearer header is a 401", async () => {
    expect(bearerTokenOf(new Headers({ authorization: "Basic dXNlcjpwYXNz" }))).toBeNull();
    expect(bearerTokenOf(new Headers({ authorization: "Bearer abc.def" }))).toBe("abc.def");
    await expectAppError(
      Promise.resolve().then(() => bearerTokenOf(new Headers({ authorization: "Bearer" }))),
      "UNAUTHENTICATED",
    );
  });
});

describe("refresh tokens", () => {
  it("rotate on every use; replaying a spent one revokes the whole family, audited", async () => {
    const first = await passwordGrant(loc.staff.SERVER.email, { scope: "orders:read orders:write" });
    const r1 = await token({ grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(r1.status).toBe(200);
    const second = await r1.json();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.scope).toBe("orders:read orders:write");
    expect((await ordersGet(bearer("/api/v1/orders", second.access_token), noParams)).status).toBe(200);

    // Narrowing is allowed, widening is not.
    const wide = await token({ grant_type: "refresh_token", refresh_token: second.refresh_token, scope: "menu:write" });
    expect(await wide.json()).toMatchObject({ error: "invalid_scope" });

    // The first token again: a copy is in use somewhere. Every token of the family dies.
    const replay = await token({ grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: "invalid_grant" });
    expect((await token({ grant_type: "refresh_token", refresh_token: second.refresh_token })).status).toBe(400);
    expect((await ordersGet(bearer("/api/v1/orders", second.access_token), noParams)).status).toBe(401);
    const audit = await testDb().auditLog.findFirst({
      where: { action: "auth.refresh_token.reused", actorId: loc.staff.SERVER.userId },
    });
    expect(audit?.locationId).toBe(loc.id);
  });

  it("fails once the staff member is deactivated or their membership removed", async () => {
    const host = await addStaff(loc, "HOST");
    await testDb().user.update({ where: { id: host.userId }, data: { passwordHash: await hashPassword(PASSWORD) } });
    const t = await passwordGrant(host.email);
    await testDb().user.update({ where: { id: host.userId }, data: { active: false } });
    expect((await token({ grant_type: "refresh_token", refresh_token: t.refresh_token })).status).toBe(400);
    expect((await ordersGet(bearer("/api/v1/orders", t.access_token), noParams)).status).toBe(401);
  });

  it("an unknown or expired refresh token is invalid_grant", async () => {
    expect(await (await token({ grant_type: "refresh_token", refresh_token: "sbr_unknown" })).json()).toMatchObject({
      error: "invalid_grant",
    });
    const t = await passwordGrant(loc.staff.MANAGER.email);
    await testDb().refreshToken.updateMany({
      where: { userId: loc.staff.MANAGER.userId, usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await token({ grant_type: "refresh_token", refresh_token: t.refresh_token })).status).toBe(400);
  });
});

describe("personal/integration tokens", () => {
  it("a manager creates one (secret once, stored hashed), it works within its scopes, revoke → 401", async () => {
    const { token: created, secret } = await createApiToken(loc.ctx.MANAGER, {
      name: "Delivery bridge",
      scopes: ["orders:read"],
      expiresInDays: 30,
    });
    expect(secret).toMatch(/^sbp_/);
    const row = await testDb().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).not.toContain(secret);
    expect(secret.startsWith(row.prefix)).toBe(true);

    expect((await ordersGet(bearer("/api/v1/orders", secret), noParams)).status).toBe(200);
    const write = await ordersPost(bearer("/api/v1/orders", secret, { method: "POST", body: {} }), noParams);
    expect(write.status).toBe(403);
    const listed = (await listApiTokens(loc.ctx.MANAGER)).find((t) => t.id === created.id);
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(listed)).not.toContain(secret);

    await expectAppError(revokeApiToken(other.ctx.MANAGER, { tokenId: created.id }), "NOT_FOUND");
    await expectAppError(createApiToken(loc.ctx.SERVER, { name: "Mine", scopes: ["orders:read"] }), "FORBIDDEN");
    await revokeApiToken(loc.ctx.MANAGER, { tokenId: created.id });
    await revokeApiToken(loc.ctx.MANAGER, { tokenId: created.id });
    expect((await ordersGet(bearer("/api/v1/orders", secret), noParams)).status).toBe(401);
    const audits = await testDb().auditLog.findMany({ where: { entityId: created.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["api_token.created", "api_token.revoked"]);
  });

  it("an expired personal token is 401", async () => {
    const { token: created, secret } = await createApiToken(loc.ctx.MANAGER, { name: "Old", scopes: ["orders:read"] });
    await testDb().apiToken.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await ordersGet(bearer("/api/v1/orders", secret), noParams)).status).toBe(401);
  });
});

// currentCtx: the signed-in staff member re-checked against the database on every request (one
// hand-written read of membership, user and session row). The cookie is a real next-auth token
// (encoded by next-auth itself); the request scope is stubbed; the rows are real.
import { encode } from "next-auth/jwt";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { currentCtx } from "@/lib/auth/session";
import { startSession } from "@/lib/auth/user-sessions";
import { resetDb, seedFixture, testDb } from "./helpers";

const token = vi.hoisted(() => ({
  user: null as Record<string, unknown> | null,
  secret: "",
  authAt: 0,
  role: "SERVER",
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-request-id": "req-ctx", "x-forwarded-for": "203.0.113.9" }),
  cookies: async () => {
    const u = token.user;
    const value = u
      ? await encode({
          token: {
            sub: u.id as string,
            locationId: u.locationId,
            sv: u.sv,
            sid: u.sid,
            role: token.role,
            authAt: token.authAt,
          } as never,
          secret: token.secret || process.env.NEXTAUTH_SECRET!,
          maxAge: 12 * 3600,
        })
      : null;
    return { get: (name: string) => (value && name === "next-auth.session-token" ? { value } : undefined) };
  },
}));

let server: { id: string; name: string; email: string; locationId: string };

beforeAll(async () => {
  await resetDb();
  await seedFixture();
  const m = await testDb().membership.findFirstOrThrow({
    where: { user: { email: "server@demo.kitchen" } },
    include: { user: true },
  });
  server = { id: m.userId, name: m.user.name, email: m.user.email, locationId: m.locationId };
});

beforeEach(async () => {
  await testDb().user.update({ where: { id: server.id }, data: { active: true, sessionVersion: 0 } });
  const sid = await startSession(server.id, {});
  token.user = { id: server.id, locationId: server.locationId, sv: 0, sid };
  token.secret = "";
  token.authAt = Date.now();
  token.role = "SERVER";
});

describe("currentCtx", () => {
  it("answers the member's context for a live session", async () => {
    const ctx = await currentCtx();
    expect(ctx).toMatchObject({
      userId: server.id,
      name: server.name,
      email: server.email,
      role: "SERVER",
      locationId: server.locationId,
      requestId: "req-ctx",
      sessionId: token.user!.sid,
    });
  });

  it("is null without a token, or for a token from before server-side sessions", async () => {
    token.user = null;
    expect(await currentCtx()).toBeNull();
    token.user = { id: server.id, locationId: server.locationId, sv: 0 };
    expect(await currentCtx()).toBeNull();
  });

  it("is null once the session is revoked, unknown or another user's", async () => {
    const sid = token.user!.sid as string;
    token.user!.sid = "no-such-session";
    expect(await currentCtx()).toBeNull();
    const admin = await testDb().user.findUniqueOrThrow({ where: { email: "admin@demo.kitchen" } });
    token.user!.sid = await startSession(admin.id, {});
    expect(await currentCtx()).toBeNull();
    token.user!.sid = sid;
    await testDb().userSession.update({ where: { id: sid }, data: { revokedAt: new Date() } });
    expect(await currentCtx()).toBeNull();
  });

  it("is null after an idle timeout, and slides the idle clock when used", async () => {
    const sid = token.user!.sid as string;
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000);
    await testDb().userSession.update({ where: { id: sid }, data: { lastSeenAt: fiveMinutesAgo } });
    expect(await currentCtx()).not.toBeNull();
    const slid = await testDb().userSession.findUniqueOrThrow({ where: { id: sid } });
    expect(slid.lastSeenAt.getTime()).toBeGreaterThan(fiveMinutesAgo.getTime());
    await testDb().userSession.update({
      where: { id: sid },
      data: { lastSeenAt: new Date(Date.now() - 30 * 86_400_000) },
    });
    expect(await currentCtx()).toBeNull();
  });

  it("is null for a deactivated user, an older session version or a location without membership", async () => {
    await testDb().user.update({ where: { id: server.id }, data: { active: false } });
    expect(await currentCtx()).toBeNull();
    await testDb().user.update({ where: { id: server.id }, data: { active: true, sessionVersion: 1 } });
    expect(await currentCtx()).toBeNull();
    token.user!.sv = 1;
    expect(await currentCtx()).not.toBeNull();
    token.user!.locationId = "another-location";
    expect(await currentCtx()).toBeNull();
  });

  it("is null for a token sealed with another secret or past its role's absolute lifetime", async () => {
    expect(await currentCtx()).not.toBeNull();
    token.secret = "another-secret-0123456789abcdef0123456789";
    expect(await currentCtx()).toBeNull();
    token.secret = "";
    token.authAt = Date.now() - 12.5 * 3600_000; // SERVER tokens live 12 hours from sign-in
    expect(await currentCtx()).toBeNull();
  });
});

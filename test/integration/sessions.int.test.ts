// Server-side sessions: sign-out, "sign out everywhere" and a password change end sessions on
// the server at once, and the realtime server drops exactly their sockets (real server, real
// pusher-js clients signed in through our own use case).
import PusherClient, { type Channel } from "pusher-js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startRealtimeServer, type RealtimeServer } from "@/realtime-server/server";
import { authenticateStaff } from "@/lib/auth/authenticate-staff";
import { isSessionLive } from "@/lib/auth/user-sessions";
import { signOutSession } from "@/lib/auth/sign-out";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { listMySessions } from "@/lib/auth/list-my-sessions";
import { authenticateRealtimeUser } from "@/lib/auth/authenticate-realtime-user";
import { changePassword } from "@/lib/staff/change-password";
import { pusherServer } from "@/lib/realtime/pusher-server";
import { DEMO_PASSWORD } from "@/prisma/demo-seed";
import type { Ctx } from "@/lib/auth/context";
import { ctxFor, expectAppError, resetDb, seedFixture, testDb } from "./helpers";

const APP = { id: "sessions-test", key: "sessions-test-key", secret: "sessions-test-secret" };
let realtime: RealtimeServer;
const sockets: PusherClient[] = [];

beforeAll(async () => {
  realtime = await startRealtimeServer({ apps: [APP], port: 0, host: "127.0.0.1" });
  // Before anything reads lib/env.ts (it caches): the app's SDK talks to this server.
  Object.assign(process.env, {
    PUSHER_APP_ID: APP.id,
    PUSHER_KEY: APP.key,
    PUSHER_SECRET: APP.secret,
    PUSHER_HOST: "127.0.0.1",
    PUSHER_PORT: String(realtime.port),
    PUSHER_USE_TLS: "false",
  });
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(() => realtime.close());

async function signIn(email = "server@demo.kitchen", userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0") {
  const staff = await authenticateStaff(
    { email, password: DEMO_PASSWORD },
    { ip: "198.51.100.7", userAgent, requestId: "req-signin" },
  );
  const ctx: Ctx = { ...(await ctxFor(email)), sessionId: staff.sessionId, ip: "198.51.100.7" };
  return { staff, ctx };
}

/** A browser tab's socket: signed in as the session, subscribed to the floor channel. */
async function liveSocket(ctx: Ctx): Promise<{ socket: PusherClient; channel: Channel }> {
  const socket = new PusherClient(APP.key, {
    cluster: "mt1",
    wsHost: "127.0.0.1",
    wsPort: realtime.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      endpoint: "/unused",
      transport: "ajax",
      customHandler: ({ socketId, channelName }, cb) =>
        cb(null, pusherServer().authorizeChannel(socketId, channelName)),
    },
    userAuthentication: {
      endpoint: "/unused",
      transport: "ajax",
      customHandler: ({ socketId }, cb) => cb(null, authenticateRealtimeUser(ctx, { socket_id: socketId })),
    },
  });
  sockets.push(socket);
  socket.signin();
  const channel = socket.subscribe(`private-loc-${ctx.locationId}-floor`);
  await new Promise<void>((resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", () => resolve());
    channel.bind("pusher:subscription_error", reject);
  });
  await until(() => !!socket.user.user_data, "socket sign-in");
  return { socket, channel };
}

async function until(check: () => boolean, what: string, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function received(channel: Channel, ms = 400): Promise<unknown[]> {
  const got: unknown[] = [];
  channel.bind("table.changed", (d: unknown) => got.push(d));
  return new Promise((resolve) => setTimeout(() => resolve(got), ms));
}

describe("server-side sessions", () => {
  beforeEach(async () => {
    await resetDb();
    await seedFixture();
  });

  it("sign-in opens a session row (address, device) that the JWT carries as sid", async () => {
    const { staff, ctx } = await signIn();
    const row = await testDb().userSession.findUniqueOrThrow({ where: { id: staff.sessionId } });
    expect(row).toMatchObject({ userId: staff.id, ip: "198.51.100.7", revokedAt: null });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(12 * 3600_000);
    expect(await isSessionLive(staff.sessionId, staff.id)).toBe(true);
    expect(await isSessionLive(staff.sessionId, "someone-else")).toBe(false);
    expect(await isSessionLive(undefined, staff.id)).toBe(false); // a token from before sessions
    expect(await listMySessions(ctx)).toEqual([
      expect.objectContaining({ id: staff.sessionId, current: true, device: "Chrome on Linux", ip: "198.51.100.7" }),
    ]);
  });

  it("the server keeps the idle clock: use slides it (once a minute), idleness past the role's window ends it", async () => {
    const { staff } = await signIn(); // a SERVER: 4 h idle
    const db = testDb();
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const lastSeen = async () =>
      (await db.userSession.findUniqueOrThrow({ where: { id: staff.sessionId } })).lastSeenAt.getTime();

    // Used 30 s ago: live, and no write (the slide is at most once a minute).
    await db.userSession.update({ where: { id: staff.sessionId }, data: { lastSeenAt: at(0.5) } });
    const before = await lastSeen();
    expect(await isSessionLive(staff.sessionId, staff.id, "SERVER")).toBe(true);
    expect(await lastSeen()).toBe(before);

    // Used 3 h 59 min ago: still live, and this use slides the window to now (concurrent uses agree).
    await db.userSession.update({ where: { id: staff.sessionId }, data: { lastSeenAt: at(239) } });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => isSessionLive(staff.sessionId, staff.id, "SERVER")),
    );
    expect(results).toEqual([true, true, true, true, true]);
    expect(Date.now() - (await lastSeen())).toBeLessThan(5_000);

    // Idle 4 h 1 min: over; the same idleness is fine for a kitchen screen (12 h).
    await db.userSession.update({ where: { id: staff.sessionId }, data: { lastSeenAt: at(241) } });
    expect(await isSessionLive(staff.sessionId, staff.id, "SERVER")).toBe(false);
    expect(await isSessionLive(staff.sessionId, staff.id, "CHEF")).toBe(true);
    // An ADMIN's window is 60 min.
    await db.userSession.update({ where: { id: staff.sessionId }, data: { lastSeenAt: at(61) } });
    expect(await isSessionLive(staff.sessionId, staff.id, "ADMIN")).toBe(false);
  });

  it("sign-out revokes that session only, audits it, and drops only its sockets", async () => {
    const tablet = await signIn();
    const phone = await signIn(
      "server@demo.kitchen",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1",
    );
    const a = await liveSocket(tablet.ctx);
    const b = await liveSocket(phone.ctx);

    expect(
      await signOutSession({
        userId: tablet.staff.id,
        sessionId: tablet.staff.sessionId,
        locationId: tablet.ctx.locationId,
      }),
    ).toEqual({ revoked: 1 });
    expect(await isSessionLive(tablet.staff.sessionId, tablet.staff.id)).toBe(false);
    expect(await isSessionLive(phone.staff.sessionId, phone.staff.id)).toBe(true);
    expect(await testDb().auditLog.count({ where: { actorId: tablet.staff.id, action: "auth.sign_out" } })).toBe(1);

    await until(() => a.socket.connection.state !== "connected", "the revoked session's socket to close");
    const [onA, onB] = [received(a.channel), received(b.channel)];
    await pusherServer().trigger(`private-loc-${tablet.ctx.locationId}-floor`, "table.changed", { tableId: "t1" });
    expect(await onA).toEqual([]);
    expect(await onB).toEqual([{ tableId: "t1" }]);
    expect(b.socket.connection.state).toBe("connected");
  });

  it("signing out twice, or a session of someone else, revokes nothing", async () => {
    const { staff } = await signIn();
    const other = await signIn("host@demo.kitchen");
    expect((await signOutSession({ userId: other.staff.id, sessionId: staff.sessionId })).revoked).toBe(0);
    expect(await isSessionLive(staff.sessionId, staff.id)).toBe(true);
    await signOutSession({ userId: staff.id, sessionId: staff.sessionId });
    expect((await signOutSession({ userId: staff.id, sessionId: staff.sessionId })).revoked).toBe(0);
  });

  it("sign out everywhere ends every session of the user, drops every socket, and no one else's", async () => {
    const one = await signIn();
    const two = await signIn();
    const colleague = await signIn("server2@demo.kitchen");
    const [s1, s2, s3] = [await liveSocket(one.ctx), await liveSocket(two.ctx), await liveSocket(colleague.ctx)];

    expect(await signOutEverywhere(one.ctx)).toEqual({ revoked: 2 });
    for (const s of [one, two]) expect(await isSessionLive(s.staff.sessionId, s.staff.id)).toBe(false);
    expect(await isSessionLive(colleague.staff.sessionId, colleague.staff.id)).toBe(true);
    expect(await listMySessions(one.ctx)).toEqual([]);
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { action: "auth.sign_out_everywhere" } });
    expect(audit).toMatchObject({ actorId: one.staff.id, details: { revoked: 2 } });

    await until(
      () => s1.socket.connection.state !== "connected" && s2.socket.connection.state !== "connected",
      "both sockets to close",
    );
    expect(s3.socket.connection.state).toBe("connected");
  });

  it("a password change ends every session and its sockets (no more events on an open socket)", async () => {
    const { ctx, staff } = await signIn();
    const { channel, socket } = await liveSocket(ctx);
    await changePassword(ctx, {
      currentPassword: DEMO_PASSWORD,
      newPassword: "a brand new passphrase",
      confirmPassword: "a brand new passphrase",
    });
    expect(await isSessionLive(staff.sessionId, staff.id)).toBe(false);
    await until(() => socket.connection.state !== "connected", "socket to close after the password change");
    const got = received(channel);
    await pusherServer().trigger(`private-loc-${ctx.locationId}-floor`, "table.changed", { n: 1 });
    expect(await got).toEqual([]);
  });

  it("a socket cannot sign in without a session", async () => {
    const ctx = await ctxFor("server@demo.kitchen");
    await expectAppError(
      Promise.resolve().then(() => authenticateRealtimeUser(ctx, { socket_id: "1.2" })),
      "UNAUTHENTICATED",
    );
  });
});

// The waitlist against the real database: quotes from the floor and the turn-time history, the
// status link, notifying through the host screen and a Twilio-style provider (a local HTTP server
// plays the provider), seating as a walk-in booking (also two taps at once), roles, tenancy and
// bad input.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { twilioNotifier } from "@/lib/notify/twilio";
import { notifierFor } from "@/lib/notify/notifier";
import { parseEnv } from "@/lib/env-schema.mjs";
import { addWaitlistEntry } from "@/lib/waitlist/add-waitlist-entry";
import { markWaitlistEntryLeft, notifyWaitlistEntry } from "@/lib/waitlist/change-waitlist-status";
import { getWaitStatus } from "@/lib/waitlist/get-wait-status";
import { listWaitlist } from "@/lib/waitlist/list-waitlist";
import { loadTurnTimes } from "@/lib/waitlist/load-quote-floor";
import { seatWaitlistEntry } from "@/lib/waitlist/seat-waitlist-entry";
import { updateWaitlistEntry } from "@/lib/waitlist/update-waitlist-entry";
import { authenticateWaitSocket } from "@/lib/waitlist/authenticate-wait-socket";
import { hashWaitToken, waitChannel } from "@/lib/waitlist/wait-channel";
import { DEFAULT_TURNS } from "@/lib/waitlist/quote-math";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildTables } from "./builders/tables";
import { expectAppError, resetDb } from "./helpers";

const published = vi.hoisted(() => [] as { channel: string; name: string; data: unknown }[]);
vi.mock("@/lib/realtime/publish", async (original) => {
  const real = await original<typeof import("@/lib/realtime/publish")>();
  return {
    ...real,
    publishBuilt: (build: () => { channel: string; name: string; data: unknown }[]) => {
      published.push(...build());
    },
  };
});

let here: BuiltLocation;
let there: BuiltLocation;
let t: Record<string, string>; // "1", "2": touching two-tops; "4": a four-top in another area
let orderNo = 1000;

const host = () => here.ctx.HOST;
const add = (extra: Partial<Parameters<typeof addWaitlistEntry>[1]> = {}) =>
  addWaitlistEntry(host(), { guestName: "Ravi Patel", partySize: 2, ...extra });
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

/** A party sitting at a table since `since` (an open dine-in order). */
async function occupy(tableId: string, since: Date, guestCount = 2) {
  await db.order.create({
    data: { locationId: here.id, number: orderNo++, tableId, guestCount, openedAt: since, status: "OPEN" },
  });
}

beforeAll(async () => {
  await resetDb();
  here = await buildLocation({ timezone: "UTC", name: "Bistro Test" });
  there = await buildLocation({ timezone: "UTC" });
  t = {
    ...(await buildTables(here.id, ["1", "2"], { seats: 2, area: "Main" })),
    ...(await buildTables(here.id, ["4"], { seats: 4, area: "Patio" })),
  };
  await buildTables(there.id, ["1"], { seats: 4 });
});

beforeEach(async () => {
  published.length = 0;
  await db.guestMessage.deleteMany({});
  await db.waitlistEntry.deleteMany({});
  await db.order.deleteMany({});
  await db.reservation.deleteMany({});
  await db.guest.deleteMany({});
  await db.diningTable.updateMany({ data: { status: "FREE" } });
});

describe("turn times", () => {
  it("averages closed dine-in orders by party size over eight weeks; thin or odd history keeps the default", async () => {
    const closed = (guestCount: number, minutes: number, daysAgo = 3, tableId: string | null = t["1"]) => ({
      locationId: here.id,
      number: orderNo++,
      tableId,
      guestCount,
      status: "CLOSED" as const,
      openedAt: minutesAgo(daysAgo * 1440 + minutes),
      closedAt: minutesAgo(daysAgo * 1440),
    });
    await db.order.createMany({
      data: [
        ...[40, 44, 46, 50, 50].map((m) => closed(2, m)),
        closed(2, 3), // closed by mistake within seconds: not a turn
        closed(2, 200, 70), // ten weeks ago: outside the window
        closed(2, 200, 3, null), // a takeaway
        ...[90, 100].map((m) => closed(4, m)), // two samples: too few
      ],
    });
    const turns = await loadTurnTimes(here.id);
    expect(turns).toEqual({ ...DEFAULT_TURNS, 2: 46 });
  });
});

describe("adding a walk-in", () => {
  it("quotes 0 with a free table, keeps the guest's phone on the guest, returns the status link once", async () => {
    const { entry, quotedMinutes, token, statusPath } = await add({ phone: "(207) 555-0101", notes: "High chair" });
    expect(quotedMinutes).toBe(0);
    expect(entry).toMatchObject({ status: "WAITING", partySize: 2, notes: "High chair", quotedMinutes: 0 });
    expect(entry.guest).toMatchObject({ name: "Ravi Patel", phone: "+12075550101" });
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(statusPath).toBe(`/wait/${token}`);
    const row = await db.waitlistEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(row.tokenHash).toBe(hashWaitToken(token));
    expect(JSON.stringify(entry)).not.toContain(row.tokenHash);
    expect(await db.auditLog.count({ where: { entityId: entry.id, action: "waitlist.add" } })).toBe(1);
    expect(published.map((p) => p.name)).toContain("waitlist.changed");
    expect(published.find((p) => p.channel === waitChannel(row.tokenHash))).toBeTruthy();
    // The same phone is the same guest.
    const again = await add({ guestName: "R. Patel", phone: "+1 207 555 0101" });
    expect(again.entry.guest.id).toBe(entry.guest.id);
  });

  it("quotes from tables in use and the queue ahead, rounded up to 5 minutes", async () => {
    await occupy(t["1"], minutesAgo(50)); // a two-top's default turn is 65: frees in 15
    await occupy(t["2"], minutesAgo(10)); // frees in 55
    await occupy(t["4"], minutesAgo(20), 4); // 85-minute turn: frees in 65
    const first = await add();
    expect(first.quotedMinutes).toBe(15);
    const second = await add({ guestName: "Mia Chen" });
    expect(second.quotedMinutes).toBe(55);
    const third = await add({ guestName: "Ola Berg" });
    expect(third.quotedMinutes).toBe(65);

    const listing = await listWaitlist(host(), { partySize: 2 });
    expect(listing.entries.map((e) => [e.guest.name, e.position, e.expectedMinutes])).toEqual([
      ["Ravi Patel", 1, 15],
      ["Mia Chen", 2, 55],
      ["Ola Berg", 3, 65],
    ]);
    expect(listing.preview).toMatchObject({ partySize: 2, quotedMinutes: 80 }); // table 1 again: 15 + 65
    expect(listing.tables.map((x) => [x.label, x.free])).toEqual([
      ["1", false],
      ["2", false],
      ["4", false],
    ]);
  });

  it("keeps a free table for a booking that starts soon", async () => {
    await occupy(t["1"], minutesAgo(40));
    await occupy(t["4"], minutesAgo(40), 4);
    // Table 2 is free, but booked from 20 minutes from now for 90 minutes.
    const g = await db.guest.create({ data: { locationId: here.id, name: "Booked Guest" } });
    await db.reservation.create({
      data: {
        locationId: here.id,
        guestId: g.id,
        partySize: 2,
        startsAt: new Date(Date.now() + 20 * 60_000),
        durationMinutes: 90,
        tables: { create: { tableId: t["2"], locationId: here.id, startsAt: new Date(), endsAt: new Date() } },
      },
    });
    expect((await add()).quotedMinutes).toBe(25); // table 1: 65 − 40
  });

  it("refuses bad input with a field error and writes nothing", async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ guestName: "" }, "guestName", /Enter the guest's name/],
      [{ guestName: undefined }, "guestName", /Enter the guest's name/],
      [{ partySize: 0 }, "partySize", /At least 1/],
      [{ partySize: 51 }, "partySize", /At most 50/],
      [{ partySize: 2.5 }, "partySize", /whole number/],
      [{ partySize: 9 }, "partySize", /largest takes 4/],
      [{ phone: "555-01" }, "phone", /Not a valid phone number/],
      [{ notes: "x".repeat(301) }, "notes", /300 characters/],
    ];
    for (const [extra, field, message] of cases) {
      const error = await expectAppError(add(extra as never), "VALIDATION");
      expect(error.fieldErrors?.[field]?.[0], field).toMatch(message);
    }
    expect(await db.waitlistEntry.count()).toBe(0);
    expect(await db.guest.count()).toBe(0);
  });

  it("is for front-of-house roles only, and never another location's", async () => {
    await expectAppError(addWaitlistEntry(here.ctx.CHEF, { guestName: "A", partySize: 2 }), "FORBIDDEN");
    await expectAppError(addWaitlistEntry(here.ctx.CASHIER, { guestName: "A", partySize: 2 }), "FORBIDDEN");
    await expectAppError(listWaitlist(here.ctx.CHEF, {}), "FORBIDDEN");
    const { entry } = await add();
    await expectAppError(notifyWaitlistEntry(there.ctx.HOST, { id: entry.id }), "NOT_FOUND");
    await expectAppError(seatWaitlistEntry(there.ctx.HOST, { id: entry.id }), "NOT_FOUND");
    await expectAppError(markWaitlistEntryLeft(there.ctx.HOST, { id: entry.id }), "NOT_FOUND");
    await expectAppError(updateWaitlistEntry(there.ctx.HOST, { id: entry.id, notes: "x" }), "NOT_FOUND");
    expect((await listWaitlist(there.ctx.HOST, {})).entries).toEqual([]);
  });
});

describe("notifying", () => {
  it("by default shows the message on the host stand (SHOWN), once for two taps", async () => {
    const { entry } = await add({ phone: "(207) 555-0101" });
    const [a, b] = await Promise.allSettled([
      notifyWaitlistEntry(host(), { id: entry.id }),
      notifyWaitlistEntry(host(), { id: entry.id }),
    ]);
    const ok = [a, b].filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(1);
    const refused = [a, b].find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringMatching(/already been told/),
    });
    const { entry: notified, message } = (
      ok[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof notifyWaitlistEntry>>>
    ).value;
    expect(notified.status).toBe("NOTIFIED");
    expect(notified.notifiedAt).toBeInstanceOf(Date);
    expect(message).toMatchObject({ channel: "HOST_SCREEN", provider: "host-screen", status: "SHOWN" });
    expect(message.body).toBe("Hi Ravi, your table at Bistro Test is ready. Please come to the host stand.");
    expect(await db.guestMessage.count()).toBe(1);
    const listing = await listWaitlist(host(), {});
    expect(listing.messages).toEqual([expect.objectContaining({ guestFirstName: "Ravi", status: "SHOWN" })]);
  });

  describe("through a Twilio-style provider", () => {
    let server: Server;
    let port: number;
    const requests: { url: string; auth: string; type: string; body: string }[] = [];
    let answer: { status: number; body: unknown } = { status: 201, body: { sid: "SM0123456789" } };

    beforeAll(async () => {
      server = createServer((req: IncomingMessage, res) => {
        let body = "";
        req.on("data", (c: Buffer) => (body += c.toString()));
        req.on("end", () => {
          requests.push({
            url: `${req.method} ${req.url}`,
            auth: req.headers.authorization ?? "",
            type: req.headers["content-type"] ?? "",
            body,
          });
          res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const twilio = () =>
      twilioNotifier({
        accountSid: "AC0123456789abcdef",
        authToken: "auth-token-secret",
        from: "+12075550100",
        apiBase: `http://127.0.0.1:${port}`,
      });

    it("is chosen by env, and refuses to start half-configured", () => {
      const base = { DATABASE_URL: "postgresql://u@h:5432/db", NEXTAUTH_SECRET: "x".repeat(32) };
      expect(notifierFor(parseEnv(base)).name).toBe("host-screen");
      const full = {
        ...base,
        SMS_PROVIDER: "twilio",
        TWILIO_ACCOUNT_SID: "AC0123456789",
        TWILIO_AUTH_TOKEN: "auth-token-secret",
        TWILIO_FROM: "+12075550100",
      };
      expect(notifierFor(parseEnv(full)).name).toBe("twilio");
      expect(() => parseEnv({ ...full, TWILIO_FROM: undefined })).toThrow(/TWILIO_FROM is required/);
    });

    it("posts the form with basic auth to the Messages endpoint and records SENT", async () => {
      requests.length = 0;
      answer = { status: 201, body: { sid: "SM0123456789" } };
      const { entry } = await add({ phone: "(207) 555-0101" });
      const { message } = await notifyWaitlistEntry(host(), { id: entry.id }, twilio());
      expect(requests).toHaveLength(1);
      const [r] = requests;
      expect(r.url).toBe("POST /2010-04-01/Accounts/AC0123456789abcdef/Messages.json");
      expect(r.auth).toBe("Basic " + Buffer.from("AC0123456789abcdef:auth-token-secret").toString("base64"));
      expect(r.type).toContain("application/x-www-form-urlencoded");
      expect(Object.fromEntries(new URLSearchParams(r.body))).toEqual({
        To: "+12075550101",
        From: "+12075550100",
        Body: "Hi Ravi, your table at Bistro Test is ready. Please come to the host stand.",
      });
      expect(message).toMatchObject({ channel: "SMS", provider: "twilio", status: "SENT", error: null });
      const row = await db.guestMessage.findUniqueOrThrow({ where: { id: message.id } });
      expect(row.providerRef).toBe("SM0123456789");
    });

    it("records a provider's refusal as FAILED and keeps the party notified; no phone falls back to the host stand", async () => {
      requests.length = 0;
      answer = { status: 400, body: { code: 21211, message: "Invalid 'To' Phone Number" } };
      const { entry } = await add({ phone: "(207) 555-0101" });
      const { entry: after, message } = await notifyWaitlistEntry(host(), { id: entry.id }, twilio());
      expect(after.status).toBe("NOTIFIED");
      expect(message).toMatchObject({ channel: "SMS", status: "FAILED", error: expect.stringMatching(/400.*Invalid/) });
      expect((await db.waitlistEntry.findUniqueOrThrow({ where: { id: entry.id } })).status).toBe("NOTIFIED");
      expect((await listWaitlist(host(), {})).messages[0]).toMatchObject({ status: "FAILED" });

      const down = twilioNotifier({
        accountSid: "AC0123456789",
        authToken: "x".repeat(10),
        from: "+1",
        apiBase: "http://127.0.0.1:1",
      });
      const second = await add({ guestName: "Mia Chen", phone: "(207) 555-0102" });
      const r2 = await notifyWaitlistEntry(host(), { id: second.entry.id }, down);
      expect(r2.message).toMatchObject({ status: "FAILED", error: "SMS provider unreachable" });
      expect(r2.entry.status).toBe("NOTIFIED");

      requests.length = 0;
      const noPhone = await add({ guestName: "Ola Berg" });
      const r3 = await notifyWaitlistEntry(host(), { id: noPhone.entry.id }, twilio());
      expect(r3.message).toMatchObject({ channel: "HOST_SCREEN", status: "SHOWN" });
      expect(requests).toHaveLength(0);
    });
  });
});

describe("seating", () => {
  it("makes a WALK_IN booking starting now on the chosen table, seats it (the order opens) and links it", async () => {
    const { entry } = await add({ notes: "Window please" });
    const { entry: seated, reservationId } = await seatWaitlistEntry(host(), { id: entry.id, tableIds: [t["2"]] });
    expect(seated).toMatchObject({ status: "SEATED", reservationId, tables: [{ id: t["2"], label: "2" }] });
    expect(seated.seatedAt).toBeInstanceOf(Date);
    const r = await db.reservation.findUniqueOrThrow({ where: { id: reservationId } });
    expect(r).toMatchObject({ source: "WALK_IN", status: "SEATED", partySize: 2, guestId: entry.guest.id });
    expect(Math.abs(r.startsAt.getTime() - Date.now())).toBeLessThan(60_000);
    const order = await db.order.findUniqueOrThrow({ where: { id: r.orderId! } });
    expect(order).toMatchObject({ tableId: t["2"], guestCount: 2, status: "OPEN" });
    await expectAppError(seatWaitlistEntry(host(), { id: entry.id }), "INVALID_STATE");

    const listing = await listWaitlist(host(), {});
    expect(listing.entries).toEqual([]);
    expect(listing.accuracy).toMatchObject({ seated: 1, withinFiveShare: 1 });
    expect(listing.tables.find((x) => x.id === t["2"])?.free).toBe(false);
  });

  it("proposes the best free table when none is given, and joins adjacent tables for a larger party", async () => {
    await occupy(t["4"], minutesAgo(5), 4);
    const four = await add({ partySize: 4 });
    expect(four.quotedMinutes).toBe(0); // tables 1 + 2 together
    const { entry } = await seatWaitlistEntry(host(), { id: four.entry.id });
    expect(entry.tables.map((x) => x.label)).toEqual(["1", "2"]);
  });

  it("seats one party once when two hosts tap at once (different tables), leaving no second booking", async () => {
    const { entry } = await add();
    const results = await Promise.allSettled([
      seatWaitlistEntry(host(), { id: entry.id, tableIds: [t["1"]] }),
      seatWaitlistEntry(here.ctx.MANAGER, { id: entry.id, tableIds: [t["2"]] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "INVALID_STATE" });
    expect(await db.reservation.count({ where: { locationId: here.id } })).toBe(1);
    expect(await db.order.count({ where: { locationId: here.id } })).toBe(1);
  });

  it("refuses a table held by a booking (409) or still in use, and puts the party back in the queue", async () => {
    const { entry } = await add();
    const other = await add({ guestName: "Mia Chen" });
    await seatWaitlistEntry(host(), { id: other.entry.id, tableIds: [t["1"]] });
    const clash = await expectAppError(seatWaitlistEntry(host(), { id: entry.id, tableIds: [t["1"]] }), "CONFLICT");
    expect(clash.fieldErrors?.tableIds?.[0]).toMatch(/already booked/);
    expect((await db.waitlistEntry.findUniqueOrThrow({ where: { id: entry.id } })).status).toBe("WAITING");

    // Table 2's last party has not closed its order (no booking holds it): seating fails after the claim and is undone.
    await occupy(t["2"], minutesAgo(90));
    await notifyWaitlistEntry(host(), { id: entry.id });
    const busy = await expectAppError(seatWaitlistEntry(host(), { id: entry.id, tableIds: [t["2"]] }), "CONFLICT");
    expect(busy.message).toMatch(/still has an open order/);
    const back = await db.waitlistEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(back).toMatchObject({ status: "NOTIFIED", reservationId: null, seatedAt: null });
    expect(await db.reservation.count({ where: { locationId: here.id, status: "CANCELLED" } })).toBe(1);

    await expectAppError(seatWaitlistEntry(host(), { id: entry.id, tableIds: ["nope"] }), "VALIDATION");
    await expectAppError(seatWaitlistEntry(host(), { id: entry.id, tableIds: [t["1"], t["1"]] }), "VALIDATION");
  });
});

describe("editing and leaving", () => {
  it("re-quotes a party that grows, keeping the quote a whole wait from arrival", async () => {
    await occupy(t["4"], minutesAgo(45), 4); // frees in 40
    const { entry } = await add();
    expect(entry.quotedMinutes).toBe(0);
    const grown = await updateWaitlistEntry(host(), { id: entry.id, partySize: 3, notes: "One more coming" });
    // The four-top is busy, but tables 1 + 2 together seat three and are free.
    expect(grown).toMatchObject({ partySize: 3, notes: "One more coming", quotedMinutes: 0 });
    await occupy(t["1"], minutesAgo(5));
    const requoted = await updateWaitlistEntry(host(), { id: entry.id, requote: true });
    expect(requoted.quotedMinutes).toBe(40);
    await expectAppError(updateWaitlistEntry(host(), { id: entry.id, partySize: 60 }), "VALIDATION");
  });

  it("marks a party left once; a left party can be neither notified nor seated", async () => {
    const { entry } = await add();
    const left = await markWaitlistEntryLeft(host(), { id: entry.id });
    expect(left.status).toBe("LEFT");
    expect(left.leftAt).toBeInstanceOf(Date);
    await expectAppError(markWaitlistEntryLeft(host(), { id: entry.id }), "INVALID_STATE");
    await expectAppError(notifyWaitlistEntry(host(), { id: entry.id }), "INVALID_STATE");
    await expectAppError(seatWaitlistEntry(host(), { id: entry.id }), "INVALID_STATE");
    await expectAppError(markWaitlistEntryLeft(host(), { id: "missing" }), "NOT_FOUND");
  });
});

describe("the guest's status page", () => {
  it("shows place in line, first name only, and follows notify and seat; an unknown link is a 404", async () => {
    await occupy(t["1"], minutesAgo(50));
    await occupy(t["2"], minutesAgo(50));
    await occupy(t["4"], minutesAgo(50), 4);
    const a = await add({ phone: "(207) 555-0101" });
    const b = await add({ guestName: "Mia Chen Lopez" });
    const status = await getWaitStatus(b.token);
    expect(status).toMatchObject({
      restaurant: "Bistro Test",
      firstName: "Mia",
      status: "WAITING",
      position: 2,
      quotedMinutes: 15,
      expectedMinutes: 15,
      channel: waitChannel(hashWaitToken(b.token)),
    });
    expect(JSON.stringify(status)).not.toMatch(/Lopez|555|\+1207/);
    await markWaitlistEntryLeft(host(), { id: a.entry.id });
    expect((await getWaitStatus(b.token)).position).toBe(1);
    await notifyWaitlistEntry(host(), { id: b.entry.id });
    expect(await getWaitStatus(b.token)).toMatchObject({ status: "NOTIFIED", position: 1 });
    // Everyone still waiting hears that the queue moved.
    expect(published.some((p) => p.channel === waitChannel(hashWaitToken(b.token)) && p.name === "wait.changed")).toBe(
      true,
    );
    await expectAppError(getWaitStatus("x".repeat(32)), "NOT_FOUND");
    await expectAppError(getWaitStatus("../../etc/passwd"), "NOT_FOUND");
    await expectAppError(authenticateWaitSocket("y".repeat(32), { socket_id: "1.2" }), "NOT_FOUND");
    await expectAppError(authenticateWaitSocket(b.token, { socket_id: "nope" }), "VALIDATION");
    const auth = await authenticateWaitSocket(b.token, { socket_id: "123.456" });
    expect(JSON.parse(auth.user_data)).toEqual({ id: `wait-${b.entry.id}` });
  });
});

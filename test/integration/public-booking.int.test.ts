// The public booking page's use cases against the real database (issue 12): a guest books with
// no sign-in through the host stand's rules (source ONLINE); a honeypot, a per-address limit and
// the form's idempotency key guard it; refusals write nothing; the cancel link works once.
import { randomUUID } from "node:crypto";
import { withGuestContact } from "@/lib/reservations/guest-contact";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bookOnline, TIME_TAKEN } from "@/lib/reservations/book-online";
import { ALREADY_CANCELLED, cancelByLink, LINK_INVALID } from "@/lib/reservations/cancel-by-link";
import { findBookingByLink } from "@/lib/reservations/find-booking-by-link";
import { findOnlineTimes } from "@/lib/reservations/find-online-times";
import type { PublicBookingInput } from "@/lib/reservations/schemas";
import { flushMail } from "@/lib/mail/send-mail";
import { floorChannel } from "@/lib/realtime/events";
import { flushPublishes } from "@/lib/realtime/publish";
import { addDays, isoDate, localDateOf } from "@/lib/time/zoned";
import { mailboxPort, startMailbox, type Mailbox } from "../support/smtp-mailbox";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildTables } from "./builders/tables";
import { expectAppError, resetDb, testDb } from "./helpers";

// Read once by lib/env.ts, lazily: set before any use case runs. The port is bound in beforeAll.
const SMTP_PORT = mailboxPort();
process.env.SMTP_URL = `smtp://127.0.0.1:${SMTP_PORT}`;

// A stand-in for the realtime server: what the host stands would be told.
const published: { channel: string; name: string; data: string }[] = [];
const receiver = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    const json = JSON.parse(body) as { batch?: typeof published; channels?: string[]; name?: string; data?: string };
    if (json.batch) published.push(...json.batch);
    else for (const channel of json.channels ?? []) published.push({ channel, name: json.name!, data: json.data! });
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});
await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
Object.assign(process.env, {
  PUSHER_HOST: "127.0.0.1",
  PUSHER_PORT: String((receiver.address() as AddressInfo).port),
  PUSHER_USE_TLS: "false",
});
const changesOf = async (reservationId: string) => {
  await flushPublishes();
  return published.filter(
    (e) => e.name === "reservations.changed" && e.channel === floorChannel(here.id) && e.data.includes(reservationId),
  );
};

let mailbox: Mailbox;
let here: BuiltLocation;
let closed: BuiltLocation;

const DAY = isoDate(addDays(localDateOf(new Date(), "UTC"), 7));
const at = (h: number, m = 0, day = DAY) =>
  `${day}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00.000Z`;
/** A fresh address per test: the limiters live in the shared Redis across runs. */
const ip = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250)).join(".")}`;
const meta = () => ({ ip: ip(), requestId: randomUUID() });
const key = () => randomUUID();
const form = (extra: Partial<PublicBookingInput> = {}): PublicBookingInput => ({
  slug: here.slug,
  bookingKey: key(),
  partySize: 2,
  startsAt: at(19),
  guestName: "Grace Hopper",
  phone: "(207) 555-0199",
  email: "grace@example.test",
  ...extra,
});
const bookings = () => testDb().reservation.count({ where: { locationId: here.id } });
const guests = () => testDb().guest.count({ where: { locationId: here.id } });
const tokenOf = (cancelPath: string) => cancelPath.split("/").at(-1)!;

/** Takes a thunk: the counts are read before the call starts. */
async function expectNothingWritten(run: () => Promise<unknown>, code: string, field?: string) {
  const before = [await bookings(), await guests()];
  const error = await expectAppError(run(), code);
  if (field) expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
  expect([await bookings(), await guests()]).toEqual(before);
  return error;
}

beforeAll(async () => {
  mailbox = await startMailbox(SMTP_PORT);
  await resetDb();
  here = await buildLocation({ timezone: "UTC", name: "Harbour Bistro" });
  closed = await buildLocation({ timezone: "UTC" });
  const db = testDb();
  await db.location.update({ where: { id: here.id }, data: { phone: "+1 207 555 0100", address: "1 Quay St" } });
  await db.location.update({ where: { id: closed.id }, data: { onlineBooking: false } });
  await buildTables(here.id, ["1", "2", "3"], { seats: 2, area: "Main" });
  await buildTables(here.id, ["4"], { seats: 4, area: "Patio" });
  await buildTables(here.id, ["10"], { seats: 10, area: "Back room" });
  await buildTables(closed.id, ["1"], { seats: 4 });
  for (const loc of [here, closed])
    await db.servicePeriod.create({
      data: {
        locationId: loc.id,
        name: "Dinner",
        daysOfWeek: [0, 1, 2, 3, 4, 5, 6],
        startMinute: 17 * 60,
        endMinute: 22 * 60 + 30,
        maxCoversPerSlot: 12,
        maxPartiesPerSlot: 3,
      },
    });
});
afterAll(async () => {
  await flushMail();
  await mailbox.close();
  receiver.close();
});
beforeEach(async () => {
  await testDb().reservation.deleteMany({});
  await testDb().guest.deleteMany({});
});

describe("times on the public page", () => {
  it("lists only bookable times, without tables", async () => {
    const day = await findOnlineTimes({ slug: here.slug, date: DAY, partySize: 2 }, meta());
    expect(day.times[0]).toEqual({ time: "17:00", startsAt: at(17) });
    expect(Object.keys(day.times[0])).toEqual(["time", "startsAt"]);
    expect(day.times).toHaveLength(22);
    expect(JSON.stringify(day)).not.toMatch(/table|label|seats/i);
  });

  it("asks parties above the online maximum to call, and refuses dates beyond 60 days or past", async () => {
    const big = await expectAppError(
      findOnlineTimes({ slug: here.slug, date: DAY, partySize: 9 }, meta()),
      "VALIDATION",
    );
    expect(big.fieldErrors?.partySize?.[0]).toBe("For a party of 9, please call us at +1 207 555 0100");
    const far = isoDate(addDays(localDateOf(new Date(), "UTC"), 61));
    await expectAppError(findOnlineTimes({ slug: here.slug, date: far, partySize: 2 }, meta()), "VALIDATION");
    const past = isoDate(addDays(localDateOf(new Date(), "UTC"), -1));
    await expectAppError(findOnlineTimes({ slug: here.slug, date: past, partySize: 2 }, meta()), "VALIDATION");
  });

  it("answers 404 for an unknown restaurant and refuses one that takes no online bookings", async () => {
    await expectAppError(findOnlineTimes({ slug: "no-such-place", date: DAY, partySize: 2 }, meta()), "NOT_FOUND");
    await expectAppError(findOnlineTimes({ slug: closed.slug, date: DAY, partySize: 2 }, meta()), "FORBIDDEN");
  });
});

describe("booking online", () => {
  it("books through the host stand's rules: source ONLINE, no staff, a guest in E.164, the occasion as a tag, audited, mailed", async () => {
    const before = mailbox.mails.length;
    const c = await bookOnline(form({ occasion: "BIRTHDAY", allergyNotes: "Peanuts", notes: "Window please" }), meta());
    expect(c).toMatchObject({
      partySize: 2,
      time: "7:00 PM",
      emailedTo: "grace@example.test",
      guestName: "Grace Hopper",
    });
    expect(c.cancelPath).toMatch(new RegExp(`^/book/${here.slug}/cancel/[A-Za-z0-9_-]{40,}$`));
    const row = await testDb().reservation.findUniqueOrThrow({
      where: { id: c.reservationId },
      include: { guest: true, tables: { include: { table: true } } },
    });
    expect(row).toMatchObject({ source: "ONLINE", createdById: null, status: "BOOKED", notes: "Window please" });
    expect(row.tags.sort()).toEqual(["ALLERGY", "BIRTHDAY"]);
    expect(withGuestContact(row.guest)).toMatchObject({
      name: "Grace Hopper",
      phone: "+12075550199",
      email: "grace@example.test",
    });
    // At rest only ciphertext and blind indexes (ADR 0043).
    expect(JSON.stringify(row.guest)).not.toMatch(/2075550199|grace@example/);
    expect(row.tables.map((t) => t.table.label)).toEqual(["1"]);
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { entityId: row.id, action: "reservations.create" },
    });
    expect(audit.actorId).toBeNull();

    await flushMail();
    const mail = await mailbox.waitFor("grace@example.test", { after: before });
    expect(mail.subject).toContain("Harbour Bistro");
    expect(mail.text).toContain("2 guests");
    expect(mail.text).toContain(c.cancelPath);
    // The token works once and is kept only as a hash.
    expect(row.cancelTokenHash).not.toContain(tokenOf(c.cancelPath));
  });

  it("a filled honeypot pretends success and writes nothing", async () => {
    const before = mailbox.mails.length;
    const c = await bookOnline(form({ website: "http://spam.example" }), meta());
    expect(c.reservationId).toBeTruthy();
    expect([await bookings(), await guests()]).toEqual([0, 0]);
    await flushMail();
    expect(mailbox.mails.length).toBe(before);
    expect(await findBookingByLink({ slug: here.slug, token: tokenOf(c.cancelPath) })).toBeNull();
  });

  it("limits submits per address: the 11th within ten minutes is 429", async () => {
    const m = meta();
    for (let i = 0; i < 10; i++) await expectAppError(bookOnline(form({ guestName: "" }), m), "VALIDATION");
    const e = await expectAppError(bookOnline(form(), m), "RATE_LIMITED");
    expect(e.status).toBe(429);
    expect(await bookings()).toBe(0);
    // Another address is not affected.
    await bookOnline(form(), meta());
  });

  it("returns the same booking for the same form key (a double tap), and refuses the key for another booking", async () => {
    const f = form();
    const first = await bookOnline(f, meta());
    const again = await bookOnline(f, meta());
    expect(again.reservationId).toBe(first.reservationId);
    expect(again.cancelPath).toBe(first.cancelPath);
    expect(await bookings()).toBe(1);
    // The host stands heard of it once.
    expect(await changesOf(first.reservationId)).toHaveLength(1);
    await expectAppError(bookOnline({ ...f, partySize: 3 }, meta()), "IDEMPOTENCY_MISMATCH");
    expect(await bookings()).toBe(1);
  });

  it("concurrent submits of one form make exactly one booking", async () => {
    const f = form();
    const results = await Promise.all(Array.from({ length: 6 }, () => bookOnline(f, meta())));
    expect(new Set(results.map((r) => r.reservationId)).size).toBe(1);
    expect(await bookings()).toBe(1);
    expect(await guests()).toBe(1);
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const yesterday = isoDate(addDays(localDateOf(new Date(), "UTC"), -1));
    await expectNothingWritten(
      () => bookOnline(form({ startsAt: at(19, 0, yesterday) }), meta()),
      "VALIDATION",
      "startsAt",
    );
    await expectNothingWritten(() => bookOnline(form({ startsAt: at(10) }), meta()), "VALIDATION", "startsAt");
    const far = isoDate(addDays(localDateOf(new Date(), "UTC"), 70));
    await expectNothingWritten(() => bookOnline(form({ startsAt: at(19, 0, far) }), meta()), "VALIDATION", "startsAt");
    const big = await expectNothingWritten(() => bookOnline(form({ partySize: 9 }), meta()), "VALIDATION", "partySize");
    expect(big.message).toContain("call us");
    await expectNothingWritten(() => bookOnline(form({ phone: "12" }), meta()), "VALIDATION", "phone");
    await expectNothingWritten(() => bookOnline(form({ email: "not-an-email" }), meta()), "VALIDATION", "email");
    const none = await expectNothingWritten(
      () => bookOnline(form({ phone: "", email: "" }), meta()),
      "VALIDATION",
      "phone",
    );
    expect(none.fieldErrors?.email).toBeTruthy();
    await expectNothingWritten(() => bookOnline(form({ bookingKey: "short" }), meta()), "VALIDATION", "bookingKey");
  });

  it("a time taken while the guest typed is refused in words, without tables, and leaves the times list", async () => {
    for (let i = 0; i < 3; i++) await bookOnline(form({ phone: `(207) 555-01${10 + i}` }), meta());
    const e = await expectNothingWritten(
      () => bookOnline(form({ phone: "(207) 555-0150" }), meta()),
      "CONFLICT",
      "startsAt",
    );
    expect(e.message).toBe(TIME_TAKEN);
    const day = await findOnlineTimes({ slug: here.slug, date: DAY, partySize: 2 }, meta());
    expect(day.times.map((t) => t.time)).not.toContain("19:00");
    expect(day.times.map((t) => t.time)).toContain("19:15");
  });

  it("refuses a location that takes no online bookings, or is archived", async () => {
    await expectAppError(bookOnline(form({ slug: closed.slug }), meta()), "FORBIDDEN");
    await testDb().location.update({ where: { id: closed.id }, data: { onlineBooking: true, archivedAt: new Date() } });
    await expectAppError(bookOnline(form({ slug: closed.slug }), meta()), "FORBIDDEN");
    await expectAppError(bookOnline(form({ slug: "no-such-place" }), meta()), "NOT_FOUND");
    expect(await testDb().reservation.count()).toBe(0);
  });
});

describe("the cancel link", () => {
  it("shows the booking, cancels once (a POST), and then says the link was used", async () => {
    const c = await bookOnline(form(), meta());
    const link = { slug: here.slug, token: tokenOf(c.cancelPath) };
    expect(await findBookingByLink(link)).toMatchObject({ state: "CANCELLABLE", party: "2 guests", time: "7:00 PM" });
    const done = await cancelByLink(link, meta());
    expect(done.state).toBe("CANCELLED");
    const events = await changesOf(c.reservationId);
    expect(events.map((e) => (JSON.parse(e.data) as { status: string }).status)).toEqual(["BOOKED", "CANCELLED"]);
    const row = await testDb().reservation.findUniqueOrThrow({ where: { id: c.reservationId } });
    expect(row.status).toBe("CANCELLED");
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { entityId: row.id, action: "reservations.cancelled" },
    });
    expect(audit.actorId).toBeNull();
    const again = await expectAppError(cancelByLink(link, meta()), "INVALID_STATE");
    expect(again.message).toBe(ALREADY_CANCELLED);
    expect(await findBookingByLink(link)).toMatchObject({ state: "CANCELLED" });
    // The table is free again: the same time books.
    await bookOnline(form({ phone: "(207) 555-0177" }), meta());
  });

  it("two presses at once cancel once", async () => {
    const c = await bookOnline(form(), meta());
    const link = { slug: here.slug, token: tokenOf(c.cancelPath) };
    const results = await Promise.allSettled([cancelByLink(link, meta()), cancelByLink(link, meta())]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      await testDb().auditLog.count({ where: { entityId: c.reservationId, action: "reservations.cancelled" } }),
    ).toBe(1);
  });

  it("a wrong token or another restaurant's slug names nothing", async () => {
    const c = await bookOnline(form(), meta());
    const token = tokenOf(c.cancelPath);
    expect(await findBookingByLink({ slug: closed.slug, token })).toBeNull();
    const e = await expectAppError(cancelByLink({ slug: closed.slug, token }, meta()), "NOT_FOUND");
    expect(e.message).toBe(LINK_INVALID);
    await expectAppError(cancelByLink({ slug: here.slug, token: "x".repeat(43) }, meta()), "NOT_FOUND");
    expect((await testDb().reservation.findUniqueOrThrow({ where: { id: c.reservationId } })).status).toBe("BOOKED");
  });

  it("a booking the host has seated cannot be cancelled by link", async () => {
    const c = await bookOnline(form(), meta());
    await testDb().reservation.update({ where: { id: c.reservationId }, data: { status: "ARRIVED" } });
    const e = await expectAppError(
      cancelByLink({ slug: here.slug, token: tokenOf(c.cancelPath) }, meta()),
      "INVALID_STATE",
    );
    expect(e.message).toContain("call us at +1 207 555 0100");
  });
});

// Personal data at rest and GDPR requests (ADR 0043) against the real database: no plaintext
// phone/email in guest rows, lookup and uniqueness by blind index (also under concurrency), key
// rotation in batches (online customers' columns too), and export/erase of guests and staff with
// their audit, roles and refusals.
import { NextRequest } from "next/server";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { backfillGuestContacts, rotatePiiKeys } from "@/lib/pii/pii-batches";
import {
  decodeAddressSnapshot,
  decodeAddressText,
  decodeCustomerContact,
  encodeAddressSnapshot,
  encodeAddressText,
  encodeCustomerPhone,
} from "@/lib/customers/customer-contact";
import { decryptPii, DEVELOPMENT_PII_ENV, encryptPii, piiKeyringFrom } from "@/lib/pii/pii-crypto";
import { eraseGuest } from "@/lib/privacy/erase-guest";
import { eraseStaffMember } from "@/lib/privacy/erase-staff-member";
import { exportGuestData } from "@/lib/privacy/export-guest-data";
import { exportStaffData } from "@/lib/privacy/export-staff-data";
import { createReservation } from "@/lib/reservations/create-reservation";
import { findOrCreateGuest } from "@/lib/reservations/find-or-create-guest";
import { encodeGuestContact, guestPhoneHash } from "@/lib/reservations/guest-contact";
import { searchGuests } from "@/lib/reservations/search-guests";
import { encodeStaffPhone } from "@/lib/staff/staff-contact";
import { getStaffMember } from "@/lib/staff/get-staff-member";
import { updateStaff } from "@/lib/staff/update-staff";
import { addDays, isoDate, localDateOf } from "@/lib/time/zoned";
import { addStaff, buildLocation, type BuiltLocation } from "./builders/location";
import { buildOnlineOrder } from "./builders/online-orders";
import { buildTables } from "./builders/tables";
import { expectAppError, resetDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({
  currentCtx: async () => state.ctx,
  requireUser: async () => state.ctx,
}));

let here: BuiltLocation;
let there: BuiltLocation;
const DAY = isoDate(addDays(localDateOf(new Date(), "UTC"), 7));
const at = (h: number) => `${DAY}T${String(h).padStart(2, "0")}:00:00.000Z`;

function req(url: string, method: string, body?: unknown) {
  return new NextRequest(`http://localhost:3000${url}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const seg = (params: Record<string, string>) => ({ params: Promise.resolve(params) });
const rawGuest = async (id: string) =>
  (await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Guest" WHERE "id" = ${id}`)[0];

beforeAll(async () => {
  await resetDb();
  here = await buildLocation({ timezone: "UTC" });
  there = await buildLocation({ timezone: "UTC" });
  await buildTables(here.id, ["1", "2", "3"], { seats: 4 });
  await db.servicePeriod.create({
    data: {
      locationId: here.id,
      name: "Dinner",
      daysOfWeek: [0, 1, 2, 3, 4, 5, 6],
      startMinute: 17 * 60,
      endMinute: 23 * 60,
    },
  });
});

describe("guest contact fields at rest", () => {
  it("stores no plaintext phone or email, yet finds the guest by phone in any format", async () => {
    const { reservation } = await createReservation(here.ctx.HOST, {
      guestName: "Ada Lovelace",
      phone: "(207) 555-0163",
      email: "Ada@Example.com",
      partySize: 2,
      startsAt: at(19),
    });
    expect(reservation.guest).toMatchObject({ phone: "+12075550163", email: "ada@example.com" });
    const row = await rawGuest(reservation.guest.id);
    expect(row.phone).toBeNull();
    expect(row.email).toBeNull();
    expect(String(row.phoneEnc)).toMatch(/^pii:v1:dev:/);
    expect(JSON.stringify(row)).not.toMatch(/555-?0163|2075550163|ada@example/i);

    const found = await searchGuests(here.ctx.HOST, { q: "+1 207 555 0163" });
    expect(found.map((g) => g.id)).toEqual([reservation.guest.id]);
    expect(found[0]).toMatchObject({ phone: "+12075550163", email: "ada@example.com" });
    expect(await searchGuests(there.ctx.HOST, { q: "2075550163" })).toEqual([]);
    // The same phone books again: the same guest.
    const again = await createReservation(here.ctx.HOST, {
      guestName: "A. L.",
      phone: "207-555-0163",
      partySize: 2,
      startsAt: at(21),
    });
    expect(again.reservation.guest.id).toBe(reservation.guest.id);
  });

  it("keeps one guest per phone and location when five bookings create it at once", async () => {
    const ids = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        db.$transaction((tx) =>
          findOrCreateGuest(tx, here.ctx.HOST, { guestName: `Racer ${i}`, phone: "+12075550111" }, "US"),
        ),
      ),
    );
    expect(new Set(ids).size).toBe(1);
    expect(await db.guest.count({ where: { locationId: here.id, phoneHash: guestPhoneHash("+12075550111") } })).toBe(1);
    // The index itself refuses a second row with that phone here, not at another location.
    await expect(
      db.guest.create({ data: { locationId: here.id, name: "Dup", ...encodeGuestContact({ phone: "+12075550111" }) } }),
    ).rejects.toMatchObject({ code: "P2002" });
    await db.guest.create({
      data: { locationId: there.id, name: "Elsewhere", ...encodeGuestContact({ phone: "+12075550111" }) },
    });
  });
});

describe("backfill and key rotation", () => {
  const k1 = `k1:${Buffer.alloc(32, 1).toString("base64")}`;
  const k2 = `k2:${Buffer.alloc(32, 2).toString("base64")}`;
  const HASH = "rotation-test-hash-key-0123456789abcdef";
  const ring1 = piiKeyringFrom({ PII_KEYS: k1, PII_HASH_KEY: HASH });
  // Rotation covers the whole database: the other tests' rows are under the development key.
  const all = `${k2},${k1},${DEVELOPMENT_PII_ENV.PII_KEYS}`;
  const ring2 = piiKeyringFrom({ PII_KEYS: all, PII_HASH_KEY: HASH });
  let loc: BuiltLocation;
  let client: pg.Client;

  beforeAll(async () => {
    loc = await buildLocation({ timezone: "UTC" });
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
  });
  afterAll(async () => {
    // These rows are under test keys the app does not hold; the others go back to the app's key.
    await db.guest.deleteMany({ where: { locationId: loc.id } });
    await db.customer.deleteMany({ where: { locationId: loc.id } });
    await rotatePiiKeys(client, piiKeyringFrom({ PII_KEYS: all, PII_ACTIVE_KEY: "dev", PII_HASH_KEY: HASH }));
    await client.end();
  });

  it("encrypts plaintext rows left from before, then re-encrypts all rows from k1 to k2 in batches", async () => {
    const phone = (i: number) => `+1207555${String(1000 + i).slice(-4)}`;
    await db.guest.createMany({
      data: Array.from({ length: 1100 }, (_, i) => ({
        locationId: loc.id,
        name: `Guest ${i}`,
        ...(i < 1050 ? encodeGuestContact({ phone: phone(i), email: `g${i}@example.test` }, ring1) : {}),
        ...(i >= 1050 ? { legacyPhone: phone(i), legacyEmail: `g${i}@example.test` } : {}),
      })),
    });
    const moved = await backfillGuestContacts(client, () => ring1, { batchSize: 20 });
    expect(moved).toBe(50);
    expect(
      await db.guest.count({
        where: { locationId: loc.id, OR: [{ legacyPhone: { not: null } }, { legacyEmail: { not: null } }] },
      }),
    ).toBe(0);

    const progress: string[] = [];
    const first = await rotatePiiKeys(client, ring2, { batchSize: 500, onProgress: (l) => progress.push(l) });
    expect(first.reencrypted).toBeGreaterThanOrEqual(2200);
    expect(first.remaining).toBe(0);
    expect(progress.length).toBeGreaterThanOrEqual(3); // 1100 rows in batches of 500
    const rows = await db.guest.findMany({
      where: { locationId: loc.id },
      select: { name: true, phoneEnc: true, emailEnc: true, phoneHash: true },
    });
    for (const r of rows) {
      const i = Number(r.name.split(" ")[1]);
      expect(r.phoneEnc).toMatch(/^pii:v1:k2:/);
      expect(decryptPii(ring2, r.phoneEnc!)).toBe(phone(i));
      expect(decryptPii(ring2, r.emailEnc!)).toBe(`g${i}@example.test`);
      expect(r.phoneHash).toBe(guestPhoneHash(phone(i), ring1)); // the hash key did not change
      expect(() => decryptPii(ring1, r.phoneEnc!)).toThrow(/Unknown PII key id "k2"/);
    }
    // Idempotent: nothing left to do.
    expect(await rotatePiiKeys(client, ring2)).toEqual({ reencrypted: 0, remaining: 0 });
  });

  it("re-encrypts online customers' phone/email, saved addresses and orders' address snapshots too", async () => {
    // Everything else is under k2 by now (the test above): only these rows are stale.
    expect(await rotatePiiKeys(client, ring2)).toEqual({ reencrypted: 0, remaining: 0 });
    const customer = await db.customer.create({
      data: {
        locationId: loc.id,
        firstName: "Rota",
        ...encodeCustomerPhone("+12075550188", ring1),
        emailEnc: encryptPii(ring1, "rota@example.test"),
      },
    });
    const text = { street: "7 Rotation Row", unit: "Flat 2", notes: "Gate code 4321" };
    const address = await db.customerAddress.create({
      data: { customerId: customer.id, ...encodeAddressText(text, ring1), latitude: 40.7, longitude: -74 },
    });
    const bare = await db.customerAddress.create({
      data: {
        customerId: customer.id,
        ...encodeAddressText({ street: "1 Bare St", unit: null, notes: null }, ring1),
        latitude: 40.7,
        longitude: -74,
      },
    });
    const { orderId } = await buildOnlineOrder(loc.id, { status: "DELIVERED" });
    await db.onlineOrder.update({
      where: { orderId },
      data: { customerId: customer.id, addressId: address.id, addressEnc: encodeAddressSnapshot(text, ring1) },
    });

    // 2 + 3 + 1 (the bare address: no unit, no notes) + 1 values, in batches of 1 row.
    expect(await rotatePiiKeys(client, ring2, { batchSize: 1 })).toEqual({ reencrypted: 7, remaining: 0 });
    const c = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(c.phoneEnc).toMatch(/^pii:v1:k2:/);
    expect(c.emailEnc).toMatch(/^pii:v1:k2:/);
    expect(decodeCustomerContact(c, ring2)).toEqual({ phone: "+12075550188", email: "rota@example.test" });
    expect(c.phoneHash).toBe(encodeCustomerPhone("+12075550188", ring1).phoneHash); // the lookup still finds them
    const a = await db.customerAddress.findUniqueOrThrow({ where: { id: address.id } });
    for (const v of [a.streetEnc, a.unitEnc, a.notesEnc]) expect(v).toMatch(/^pii:v1:k2:/);
    expect(decodeAddressText(a, ring2)).toEqual(text);
    const b = await db.customerAddress.findUniqueOrThrow({ where: { id: bare.id } });
    expect(decodeAddressText(b, ring2)).toEqual({ street: "1 Bare St", unit: null, notes: null });
    const o = await db.onlineOrder.findUniqueOrThrow({ where: { orderId } });
    expect(o.addressEnc).toMatch(/^pii:v1:k2:/);
    expect(decodeAddressSnapshot(o.addressEnc, ring2)).toEqual(text);

    // A second run is a no-op.
    expect(await rotatePiiKeys(client, ring2)).toEqual({ reencrypted: 0, remaining: 0 });
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).phoneEnc).toBe(c.phoneEnc);
  });

  it("stops with a clear error, changing nothing, when a value's key is not loaded", async () => {
    const g = await db.guest.create({
      data: { locationId: loc.id, name: "Orphan", ...encodeGuestContact({ phone: "+12075559999" }, ring1) },
    });
    await db.guest.update({
      where: { id: g.id },
      data: { phoneEnc: (await rawGuest(g.id)).phoneEnc!.toString().replace(":k1:", ":k9:") },
    });
    await expect(rotatePiiKeys(client, ring2)).rejects.toThrow(/Unknown PII key id "k9"/);
    expect(String((await rawGuest(g.id)).phoneEnc)).toMatch(/^pii:v1:k9:/);
    await db.guest.delete({ where: { id: g.id } });
  });
});

describe("GDPR: guests", () => {
  let guestId: string;
  let reservationId: string;

  beforeAll(async () => {
    const { reservation } = await createReservation(here.ctx.MANAGER, {
      guestName: "Grace Hopper",
      phone: "+12075550199",
      email: "grace@example.test",
      partySize: 4,
      startsAt: at(20),
      notes: "Window seat, Grace's birthday",
      allergyNotes: "Peanuts",
    });
    guestId = reservation.guest.id;
    reservationId = reservation.id;
    await db.guest.update({ where: { id: guestId }, data: { notes: "Regular, likes table 5", visitCount: 3 } });
    await db.guestMessage.create({
      data: {
        locationId: here.id,
        guestId,
        channel: "HOST_SCREEN",
        provider: "host-screen",
        status: "SHOWN",
        body: "Hi Grace, your table is ready",
        reservationId,
      },
    });
  });

  it("exports everything about the guest, decrypted, and audits the export", async () => {
    state.ctx = here.ctx.MANAGER;
    const { GET } = await import("@/app/api/v1/guests/[id]/export/route");
    const res = await GET(req(`/api/v1/guests/${guestId}/export`, "GET"), seg({ id: guestId }));
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.guest).toMatchObject({
      id: guestId,
      name: "Grace Hopper",
      phone: "+12075550199",
      email: "grace@example.test",
      notes: "Regular, likes table 5",
    });
    expect(data.reservations).toMatchObject([{ id: reservationId, partySize: 4, allergyNotes: "Peanuts" }]);
    expect(data.messages).toMatchObject([{ body: "Hi Grace, your table is ready" }]);
    expect(data.visitStats).toMatchObject({ visits: 3, reservations: 1 });
    expect(JSON.stringify(data)).not.toMatch(/pii:v1|phoneHash|cancelTokenHash/);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "guest.export", entityId: guestId } });
    expect(audit.actorId).toBe(here.staff.MANAGER.userId);
    expect(JSON.stringify(audit.details)).not.toMatch(/2075550199|grace@/i);
  });

  it("is for managers only (403), this location's guests only (404)", async () => {
    state.ctx = here.ctx.HOST;
    const { GET } = await import("@/app/api/v1/guests/[id]/export/route");
    expect((await GET(req(`/api/v1/guests/${guestId}/export`, "GET"), seg({ id: guestId }))).status).toBe(403);
    await expectAppError(exportGuestData(here.ctx.SERVER, { id: guestId }), "FORBIDDEN");
    await expectAppError(exportGuestData(there.ctx.MANAGER, { id: guestId }), "NOT_FOUND");
    await expectAppError(
      eraseGuest(there.ctx.MANAGER, { id: guestId }, { confirm: "ERASE", reason: "request" }),
      "NOT_FOUND",
    );
  });

  it("refuses an erase without the typed confirmation or a reason (400), changing nothing", async () => {
    state.ctx = here.ctx.MANAGER;
    const { POST } = await import("@/app/api/v1/guests/[id]/erase/route");
    const noConfirm = await POST(
      req(`/api/v1/guests/${guestId}/erase`, "POST", { reason: "asked by email" }),
      seg({ id: guestId }),
    );
    expect(noConfirm.status).toBe(400);
    expect((await noConfirm.json()).error.fieldErrors.confirm[0]).toMatch(/Type ERASE/);
    const noReason = await POST(
      req(`/api/v1/guests/${guestId}/erase`, "POST", { confirm: "ERASE" }),
      seg({ id: guestId }),
    );
    expect(noReason.status).toBe(400);
    expect((await db.guest.findUniqueOrThrow({ where: { id: guestId } })).name).toBe("Grace Hopper");
  });

  it("erases name, contact, notes and message text, keeps the booking rows and counts, audits without the values", async () => {
    const auditsBefore = await db.auditLog.count();
    state.ctx = here.ctx.MANAGER;
    const { POST } = await import("@/app/api/v1/guests/[id]/erase/route");
    const res = await POST(
      req(`/api/v1/guests/${guestId}/erase`, "POST", { confirm: "ERASE", reason: "Guest asked by email on 2 Dec" }),
      seg({ id: guestId }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: guestId, reservationsKept: 1, messagesRedacted: 1 });
    const row = await rawGuest(guestId);
    expect(row).toMatchObject({
      name: "Erased guest",
      phoneEnc: null,
      phoneHash: null,
      emailEnc: null,
      emailHash: null,
      notes: "",
      visitCount: 3,
    });
    expect(row.erasedAt).toBeInstanceOf(Date);
    const booking = await db.reservation.findUniqueOrThrow({ where: { id: reservationId } });
    expect(booking).toMatchObject({ guestId, partySize: 4, notes: "", allergyNotes: "" });
    expect((await db.guestMessage.findFirstOrThrow({ where: { guestId } })).body).toBe("[erased]");
    // Earlier audit entries stay as they were; the erase adds one, with who and why only.
    expect(await db.auditLog.count()).toBe(auditsBefore + 1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "guest.erase", entityId: guestId } });
    expect(audit).toMatchObject({
      actorId: here.staff.MANAGER.userId,
      details: { reason: "Guest asked by email on 2 Dec", kept: { reservations: 1 } },
    });
    expect(JSON.stringify(audit.details)).not.toMatch(/Grace|2075550199|grace@/);
    // Gone from search; the same phone booking again is a new guest; a second erase is a 409.
    expect(await searchGuests(here.ctx.HOST, { q: "+12075550199" })).toEqual([]);
    const next = await createReservation(here.ctx.HOST, {
      guestName: "Grace H",
      phone: "+12075550199",
      partySize: 2,
      startsAt: at(18),
    });
    expect(next.reservation.guest.id).not.toBe(guestId);
    await expectAppError(
      eraseGuest(here.ctx.MANAGER, { id: guestId }, { confirm: "ERASE", reason: "again" }),
      "CONFLICT",
    );
  });
});

describe("GDPR: staff", () => {
  it("exports the staff member's profile (decrypted phone), shifts and audit entries; admins only", async () => {
    const cook = await addStaff({ id: here.id, slug: here.slug }, "CHEF", { name: "Carla Cook" });
    await db.user.update({ where: { id: cook.userId }, data: encodeStaffPhone("+12075550123") });
    expect(String((await db.user.findUniqueOrThrow({ where: { id: cook.userId } })).contactPhoneEnc)).toMatch(
      /^pii:v1:/,
    );
    await db.shift.create({
      data: {
        locationId: here.id,
        userId: cook.userId,
        role: "CHEF",
        startsAt: new Date(at(16)),
        endsAt: new Date(at(23)),
      },
    });
    await db.auditLog.create({
      data: { locationId: here.id, actorId: cook.userId, action: "kitchen.bump", details: {} },
    });

    state.ctx = here.ctx.ADMIN;
    const { GET } = await import("@/app/api/v1/staff/[id]/export/route");
    const res = await GET(req(`/api/v1/staff/${cook.userId}/export`, "GET"), seg({ id: cook.userId }));
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.staff).toMatchObject({ name: "Carla Cook", email: cook.email, contactPhone: "+12075550123" });
    expect(data.shifts).toHaveLength(1);
    expect(data.auditEntries).toMatchObject([{ action: "kitchen.bump" }]);
    expect(JSON.stringify(data)).not.toMatch(/passwordHash|tokenHash|pinHash/);
    expect(await db.auditLog.count({ where: { action: "staff.export", entityId: cook.userId } })).toBe(1);

    state.ctx = here.ctx.MANAGER;
    expect((await GET(req(`/api/v1/staff/${cook.userId}/export`, "GET"), seg({ id: cook.userId }))).status).toBe(403);
    await expectAppError(exportStaffData(there.ctx.ADMIN, { id: cook.userId }), "NOT_FOUND");
  });

  it("erases a staff member: tombstone email, no name or phone, sessions and PIN revoked, the row (and its orders) kept", async () => {
    const server = await addStaff({ id: here.id, slug: here.slug }, "SERVER", { name: "Sam Server" });
    await db.user.update({ where: { id: server.userId }, data: encodeStaffPhone("+12075550124") });
    await db.membership.updateMany({ where: { userId: server.userId }, data: { pinHash: "x", pinSetAt: new Date() } });
    const session = await db.userSession.create({
      data: { userId: server.userId, expiresAt: new Date(Date.now() + 3600_000) },
    });

    state.ctx = here.ctx.ADMIN;
    const { POST } = await import("@/app/api/v1/staff/[id]/erase/route");
    expect(
      (
        await POST(
          req(`/api/v1/staff/${server.userId}/erase`, "POST", { reason: "left, asked" }),
          seg({ id: server.userId }),
        )
      ).status,
    ).toBe(400);
    const res = await POST(
      req(`/api/v1/staff/${server.userId}/erase`, "POST", {
        confirm: "ERASE",
        reason: "Left in November, asked to be erased",
      }),
      seg({ id: server.userId }),
    );
    expect(res.status).toBe(200);
    const user = await db.user.findUniqueOrThrow({ where: { id: server.userId }, include: { memberships: true } });
    expect(user).toMatchObject({
      name: "Erased staff member",
      email: `erased+${server.userId}@invalid`,
      contactPhoneEnc: null,
      active: false,
    });
    expect(user.memberships.every((m) => m.pinHash === null)).toBe(true);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "staff.erase", entityId: server.userId } });
    expect(JSON.stringify(audit.details)).not.toMatch(/Sam Server|2075550124|@/);
  });

  it("keeps a staff contact phone encrypted, audits only that it changed", async () => {
    const host = await addStaff({ id: here.id, slug: here.slug }, "HOST", { name: "Hana Host" });
    await updateStaff(here.ctx.MANAGER, { id: host.userId, contactPhone: "(207) 555-0125" });
    const raw = await db.user.findUniqueOrThrow({ where: { id: host.userId } });
    expect(raw.contactPhoneEnc).toMatch(/^pii:v1:/);
    expect((await getStaffMember(here.ctx.MANAGER, { id: host.userId })).contactPhone).toBe("+12075550125");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "staff.update", entityId: host.userId } });
    expect(audit.details).toMatchObject({ contactPhone: "changed" });
    expect(JSON.stringify(audit.details)).not.toMatch(/555/);
    await expectAppError(updateStaff(here.ctx.MANAGER, { id: host.userId, contactPhone: "12" }), "VALIDATION");
    await updateStaff(here.ctx.MANAGER, { id: host.userId, contactPhone: "" });
    expect((await db.user.findUniqueOrThrow({ where: { id: host.userId } })).contactPhoneEnc).toBeNull();
  });

  it("refuses erasing yourself, and managers", async () => {
    await expectAppError(
      eraseStaffMember(here.ctx.ADMIN, { id: here.staff.ADMIN.userId }, { confirm: "ERASE", reason: "mine" }),
      "FORBIDDEN",
    );
    await expectAppError(
      eraseStaffMember(here.ctx.MANAGER, { id: here.staff.HOST.userId }, { confirm: "ERASE", reason: "why" }),
      "FORBIDDEN",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: here.staff.ADMIN.userId } })).erasedAt).toBeNull();
  });

  it("refuses erasing the last active admin of a location", async () => {
    // here's admin is also the only admin of a third location: erasing them would orphan it.
    const third = await buildLocation({ timezone: "UTC" });
    const second = await addStaff({ id: here.id, slug: here.slug }, "ADMIN");
    await db.membership.deleteMany({ where: { locationId: third.id, role: "ADMIN" } });
    await db.membership.create({ data: { userId: here.staff.ADMIN.userId, locationId: third.id, role: "ADMIN" } });
    const err = await expectAppError(
      eraseStaffMember(second.ctx, { id: here.staff.ADMIN.userId }, { confirm: "ERASE", reason: "test" }),
    );
    expect(err.message).toMatch(/admin/i);
    expect((await db.user.findUniqueOrThrow({ where: { id: here.staff.ADMIN.userId } })).erasedAt).toBeNull();
  });
});

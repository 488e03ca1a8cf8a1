// Rotating the blind-index key (ADR 0050) against the real database: rows written under hash key A
// are still found once the app runs on key B with A as previous (guests, customers, blocks, OTP
// codes and limits), `pii:rehash` moves them onto B in batches (undecryptable rows and duplicates
// counted, not fatal), they are found with B alone, and a second run changes nothing.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { blockCustomer, blockPhone } from "@/lib/customers/block-customer";
import { onlineAllowanceFor } from "@/lib/customers/customer-block-policy";
import { getCustomer, listCustomers } from "@/lib/customers/list-customers";
import { requestOtp } from "@/lib/customers/request-otp";
import { verifyOtp } from "@/lib/customers/verify-otp";
import { db } from "@/lib/db";
import { setPiiKeyringForTests } from "@/lib/pii/keyring";
import { rehashBlindIndexes } from "@/lib/pii/pii-batches";
import { blindIndex, DEVELOPMENT_PII_ENV, piiKeyringFrom } from "@/lib/pii/pii-crypto";
import { findOrCreateGuest } from "@/lib/reservations/find-or-create-guest";
import { encodeGuestContact } from "@/lib/reservations/guest-contact";
import { searchGuests } from "@/lib/reservations/search-guests";
import { buildCustomer, enableOnlineOrdering } from "./builders/customers";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { expectAppError, resetDb } from "./helpers";

const texts = vi.hoisted(() => [] as { to: string; body: string }[]);
vi.mock("@/lib/customers/notify-customer", () => ({
  notifyCustomer: async (t: { to: string; body: string }) => {
    texts.push(t);
    return { delivered: true };
  },
}));
vi.mock("@/lib/ops/rate-limit", async (original) => ({
  ...(await original<typeof import("@/lib/ops/rate-limit")>()),
  limiter: () => ({
    policy: { name: "test", quota: 1, windowSeconds: 1 },
    limit: async () => ({ success: true, remaining: 1000, reset: 0 }),
  }),
}));

const KEYS = DEVELOPMENT_PII_ENV.PII_KEYS; // the encryption key stays; only the hash key rotates
const A = "hash-key-A-for-the-rehash-test-0123456789";
const B = "hash-key-B-for-the-rehash-test-9876543210";
const ringA = piiKeyringFrom({ PII_KEYS: KEYS, PII_HASH_KEY: A });
const ringAB = piiKeyringFrom({ PII_KEYS: KEYS, PII_HASH_KEY: B, PII_HASH_KEY_PREVIOUS: A });
const ringB = piiKeyringFrom({ PII_KEYS: KEYS, PII_HASH_KEY: B });
const lost = piiKeyringFrom({ PII_KEYS: `gone:${Buffer.alloc(32, 9).toString("base64")}`, PII_HASH_KEY: A });

const GUEST = "+12075550101";
const CUSTOMER = "+12075550102";
const BLOCKED = "+12075550103"; // blocked by phone before being a customer
const OLD_BLOCKED = "+12075550104"; // a customer blocked before blocks kept their phone
const ORPHAN = "+12075550105"; // blocked by phone only before blocks kept their phone
const OTP = "+12075550106";
const TWICE = "+12075550107"; // two guests for one phone, one per hash key
const meta = { requestId: "rehash-test", ip: "198.51.100.50" };

let loc: BuiltLocation;
let other: BuiltLocation;
let client: pg.Client;
const ids = { guest: "", customer: "", oldBlocked: "", latecomer: "" };

const guestsByPhone = async (phone: string, at = loc) =>
  (await searchGuests(at.ctx.HOST, { q: phone })).map((g) => g.id);
const customersByPhone = async (phone: string) =>
  (await listCustomers(loc.ctx.MANAGER, { q: phone })).customers.map((c) => c.id);
const guestFor = (input: { phone?: string; email?: string }) =>
  db.$transaction((tx) => findOrCreateGuest(tx, loc.ctx.HOST, { guestName: "Ada", ...input }, "US"));
/** What a signed-in customer may order: their row's hash and ciphertext, as the submit path reads them. */
async function allowanceOf(customerId: string) {
  const c = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
  return (await onlineAllowanceFor(db, loc.id, { customerId, phoneHash: c.phoneHash, phoneEnc: c.phoneEnc })).allowed;
}
const phoneOnlyAllowance = async (phone: string) =>
  (await onlineAllowanceFor(db, loc.id, { customerId: null, phoneHash: blindIndex(ringB, "phone", phone) })).allowed;

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation();
  await enableOnlineOrdering(loc.id);
  other = await buildLocation();
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();

  // Everything below is written under hash key A.
  setPiiKeyringForTests(ringA);
  ids.guest = await guestFor({ phone: GUEST, email: "ada@example.test" });
  ids.customer = (await buildCustomer(loc.id, { phone: CUSTOMER })).id;
  await blockPhone(loc.ctx.MANAGER, { phone: BLOCKED, reason: "Chargebacks" });
  ids.oldBlocked = (await buildCustomer(loc.id, { phone: OLD_BLOCKED })).id;
  await db.customerBlock.createMany({
    data: [
      {
        locationId: loc.id,
        customerId: ids.oldBlocked,
        phoneHash: blindIndex(ringA, "phone", OLD_BLOCKED),
        reason: "Old",
      },
      { locationId: loc.id, customerId: null, phoneHash: blindIndex(ringA, "phone", ORPHAN), reason: "Old orphan" },
    ],
  });
  await requestOtp({ locationSlug: loc.slug, phone: OTP }, meta);
  // A guest whose phone was encrypted under a key no longer held: counted, left alone.
  await db.guest.create({
    data: { locationId: loc.id, name: "Lost", ...encodeGuestContact({ phone: "+12075550199" }, lost) },
  });
  // The same phone under each hash key (as a lookup without the previous key would have made).
  await db.guest.create({
    data: { locationId: loc.id, name: "Twice A", ...encodeGuestContact({ phone: TWICE }, ringA) },
  });
  await db.guest.create({
    data: { locationId: loc.id, name: "Twice B", ...encodeGuestContact({ phone: TWICE }, ringB) },
  });
});

afterAll(async () => {
  setPiiKeyringForTests(undefined);
  await client.end();
});

describe("hash-key rotation", () => {
  it("without the previous key, rows under the old key are not found (what the rotation prevents)", async () => {
    setPiiKeyringForTests(ringB);
    expect(await guestsByPhone(GUEST)).toEqual([]);
    expect(await customersByPhone(CUSTOMER)).toEqual([]);
  });

  it("with B current and A previous, lookups find every row still under A; writes use B", async () => {
    setPiiKeyringForTests(ringAB);
    expect(await guestsByPhone(GUEST)).toEqual([ids.guest]);
    expect(await guestsByPhone(GUEST, other)).toEqual([]); // still this location's only
    expect(await guestFor({ phone: GUEST })).toBe(ids.guest); // no second guest for the phone
    expect(await guestFor({ email: "ADA@example.test" })).toBe(ids.guest);
    expect(await customersByPhone(CUSTOMER)).toEqual([ids.customer]);

    // The phone block (hash A) holds against a customer who signs up now (hash B) and a second block.
    ids.latecomer = (await buildCustomer(loc.id, { phone: BLOCKED })).id;
    expect((await db.customer.findUniqueOrThrow({ where: { id: ids.latecomer } })).phoneHash).toBe(
      blindIndex(ringB, "phone", BLOCKED),
    );
    expect(await allowanceOf(ids.latecomer)).not.toBe("ALL");
    await expectAppError(blockPhone(loc.ctx.MANAGER, { phone: BLOCKED, reason: "Again" }), "CONFLICT");
    expect(await allowanceOf(ids.customer)).toBe("ALL");
    // Blocking a customer still under A writes the block under B, with the phone encrypted beside it.
    await expectAppError(blockCustomer(loc.ctx.SERVER, { id: ids.customer }, { reason: "Rude" }), "FORBIDDEN");
    const rude = await blockCustomer(loc.ctx.MANAGER, { id: ids.customer }, { reason: "Rude" });
    const rudeRow = await db.customerBlock.findUniqueOrThrow({ where: { id: rude.id } });
    expect(rudeRow.phoneHash).toBe(blindIndex(ringB, "phone", CUSTOMER));
    expect(rudeRow.phoneEnc).toMatch(/^pii:v1:/);
    expect(await allowanceOf(ids.customer)).not.toBe("ALL");

    // A code sent under A still counts towards the limits and still verifies.
    await expectAppError(requestOtp({ locationSlug: loc.slug, phone: OTP }, meta), "RATE_LIMITED");
    const code = texts.findLast((t) => t.to === OTP)?.body.match(/\b(\d{6})\b/)?.[1] ?? "";
    const verified = await verifyOtp({ locationSlug: loc.slug, phone: OTP, code, firstName: "Otto" }, meta);
    expect(verified.customer.isNew).toBe(true);
    const otto = await db.customer.findUniqueOrThrow({ where: { id: verified.customer.id } });
    expect(otto.phoneHash).toBe(blindIndex(ringB, "phone", OTP));
  });

  it("pii:rehash moves every index onto B in batches, counting what it cannot move", async () => {
    const result = await rehashBlindIndexes(client, ringAB, { batchSize: 2 });
    expect(result.blocksFilled).toBe(1); // the old customer block took its customer's phone
    expect(result.total).toMatchObject({ undecryptable: 1, duplicates: 1, withoutCopy: 1 });
    const byIndex = Object.fromEntries(result.byIndex.map((c) => [c.index, c]));
    // Guest phones: Ada and "Twice A" (a duplicate of "Twice B", left as is) under A; "Twice B" current.
    expect(byIndex["Guest.phoneHash"]).toMatchObject({ rehashed: 1, current: 1, duplicates: 1, undecryptable: 1 });
    expect(byIndex["Guest.emailHash"]).toMatchObject({ rehashed: 1, current: 0 });
    // Customers: the two written under A move; the latecomer and Otto were written under B.
    expect(byIndex["Customer.phoneHash"]).toMatchObject({ rehashed: 2, current: 2 });
    expect(byIndex["CustomerBlock.phoneHash"]).toMatchObject({ rehashed: 2, current: 1, withoutCopy: 1 });

    const ada = await db.guest.findUniqueOrThrow({ where: { id: ids.guest } });
    expect(ada.phoneHash).toBe(blindIndex(ringB, "phone", GUEST));
    expect(ada.emailHash).toBe(blindIndex(ringB, "email", "ada@example.test"));
  });

  it("with B alone, lookups still find them; a second run changes nothing", async () => {
    setPiiKeyringForTests(ringB);
    expect(await guestsByPhone(GUEST)).toEqual([ids.guest]);
    expect(await guestFor({ phone: GUEST })).toBe(ids.guest);
    expect(await guestFor({ email: "ada@example.test" })).toBe(ids.guest);
    expect(await customersByPhone(CUSTOMER)).toEqual([ids.customer]);
    expect(await allowanceOf(ids.latecomer)).not.toBe("ALL");
    expect(await phoneOnlyAllowance(BLOCKED)).not.toBe("ALL");
    expect(await phoneOnlyAllowance(CUSTOMER)).not.toBe("ALL");
    expect(await phoneOnlyAllowance(OLD_BLOCKED)).not.toBe("ALL"); // filled, then re-hashed
    // The one block with no phone copy and no customer is lost with key A (ADR 0050: re-enter it).
    expect(await phoneOnlyAllowance(ORPHAN)).toBe("ALL");
    const old = await getCustomer(loc.ctx.MANAGER, { id: ids.oldBlocked });
    expect(old.activeBlock?.reason).toBe("Old");

    const again = await rehashBlindIndexes(client, ringB);
    expect(again.total.rehashed).toBe(0);
    expect(again.blocksFilled).toBe(0);
    expect(again.total).toMatchObject({ undecryptable: 1, duplicates: 1, withoutCopy: 1 });
  });
});

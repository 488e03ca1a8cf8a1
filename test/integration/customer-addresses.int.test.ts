// Saved delivery addresses through /api/public/addresses, in process on the real database: inside
// each kind of area (polygon, radius bands; the polygon wins where it overlaps), outside every
// area (422 with field errors), archived areas, encryption at rest, the 10-address cap (also
// under concurrency), and the IDOR: customer B can neither list nor delete A's addresses.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { CUSTOMER_COOKIE } from "@/lib/customers/customer-cookie";
import { DEMO_ADDRESS_INSIDE, DEMO_ADDRESS_OUTSIDE, DEMO_KITCHEN_POSITION } from "@/prisma/demo-delivery";
import { buildCustomer, enableOnlineOrdering } from "./builders/customers";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { resetDb, testDb } from "./helpers";

vi.mock("@/lib/ops/rate-limit", async (original) => ({
  ...(await original<typeof import("@/lib/ops/rate-limit")>()),
  limiter: () => ({
    policy: { name: "test", quota: 1, windowSeconds: 1 },
    limit: async () => ({ success: true, remaining: 1000, reset: 0 }),
  }),
}));

const listRoute = () => import("@/app/api/public/addresses/route");
const oneRoute = () => import("@/app/api/public/addresses/[id]/route");

let loc: BuiltLocation;
let other: BuiltLocation;
let areas: Record<string, string>;

function req(url: string, method: string, cookie: string, body?: unknown) {
  return new NextRequest(`http://localhost:3000${url}`, {
    method,
    headers: { "content-type": "application/json", cookie: `${CUSTOMER_COOKIE}=${cookie}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const seg = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

async function save(cookie: string, body: Record<string, unknown>) {
  const { POST } = await listRoute();
  return POST(req("/api/public/addresses", "POST", cookie, body), seg());
}
async function list(cookie: string) {
  const { GET } = await listRoute();
  return GET(req("/api/public/addresses", "GET", cookie), seg());
}
async function remove(cookie: string, id: string) {
  const { DELETE } = await oneRoute();
  return DELETE(req(`/api/public/addresses/${id}`, "DELETE", cookie), seg({ id }));
}
const inside = { street: "12 W 28th St", latitude: DEMO_ADDRESS_INSIDE.lat, longitude: DEMO_ADDRESS_INSIDE.lng };

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation();
  areas = await enableOnlineOrdering(loc.id);
  other = await buildLocation();
  await enableOnlineOrdering(other.id);
});

describe("/api/public/addresses", () => {
  it("saves an address inside a radius band with its area's name, fee and minimum; encrypted at rest", async () => {
    const a = await buildCustomer(loc.id);
    const res = await save(a.cookie, { ...inside, label: "Home", unit: "4B", notes: "Ring twice" });
    expect(res.status).toBe(201);
    const { address } = await res.json();
    expect(address).toMatchObject({
      label: "Home",
      street: "12 W 28th St",
      unit: "4B",
      notes: "Ring twice",
      area: { id: areas["Nearby (0–2 km)"], name: "Nearby (0–2 km)", feeCents: 299, minimumCents: 1500 },
    });
    const row = await testDb().customerAddress.findUniqueOrThrow({ where: { id: address.id } });
    expect(row.streetEnc).not.toContain("28th");
    expect(row.unitEnc).not.toContain("4B");
    expect(row.notesEnc).not.toContain("Ring");
  });

  it("picks the polygon over the radius band it overlaps, and the outer band further out", async () => {
    const a = await buildCustomer(loc.id);
    const poly = await save(a.cookie, { street: "1 Riverside", latitude: 40.742, longitude: -73.977 });
    expect((await poly.json()).address.area.name).toBe("Riverside block");
    // ~3.3 km north of the kitchen.
    const far = await save(a.cookie, {
      street: "Far Street 1",
      latitude: DEMO_KITCHEN_POSITION.lat + 0.03,
      longitude: DEMO_KITCHEN_POSITION.lng,
    });
    expect((await far.json()).address.area).toMatchObject({ name: "Further out (2–5 km)", feeCents: 499 });
  });

  it("refuses an address outside every area with a clear message and field errors", async () => {
    const a = await buildCustomer(loc.id);
    const res = await save(a.cookie, {
      street: "Far away 9",
      latitude: DEMO_ADDRESS_OUTSIDE.lat,
      longitude: DEMO_ADDRESS_OUTSIDE.lng,
    });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe("OUTSIDE_DELIVERY_AREA");
    expect(error.message).toMatch(/We don't deliver to this address yet/);
    expect(error.fieldErrors).toMatchObject({ latitude: expect.any(Array), longitude: expect.any(Array) });
    expect(await testDb().customerAddress.count({ where: { customerId: a.id } })).toBe(0);
  });

  it("does not deliver through an archived area", async () => {
    const l = await buildLocation();
    const ids = await enableOnlineOrdering(l.id);
    await testDb().deliveryArea.updateMany({
      where: { id: { in: Object.values(ids) } },
      data: { archivedAt: new Date() },
    });
    const c = await buildCustomer(l.id);
    expect((await save(c.cookie, inside)).status).toBe(422);
  });

  it("answers field errors for bad input (no 500)", async () => {
    const a = await buildCustomer(loc.id);
    const res = await save(a.cookie, { street: "", latitude: "north", longitude: 500 });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["latitude", "longitude", "street"]);
    const { POST } = await listRoute();
    const notJson = await POST(
      new NextRequest("http://localhost:3000/api/public/addresses", {
        method: "POST",
        headers: { "content-type": "application/json", cookie: `${CUSTOMER_COOKIE}=${a.cookie}` },
        body: "{oops",
      }),
      seg(),
    );
    expect(notJson.status).toBe(400);
  });

  it("requires a verified customer", async () => {
    expect((await list("")).status).toBe(401);
    expect((await save("nope", inside)).status).toBe(401);
  });

  it("keeps at most 10 addresses, also when saves race", async () => {
    const a = await buildCustomer(loc.id);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => save(a.cookie, { ...inside, label: `#${i}` })),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(10);
    const refused = answers.find((r) => r.status !== 201)!;
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/up to 10/);
    // Deleting one frees a place.
    const { addresses } = await (await list(a.cookie)).json();
    expect(addresses).toHaveLength(10);
    expect((await remove(a.cookie, addresses[0].id)).status).toBe(200);
    expect((await save(a.cookie, inside)).status).toBe(201);
  });

  it("lists and deletes only the customer's own addresses (IDOR: another's id is 404)", async () => {
    const a = await buildCustomer(loc.id);
    const b = await buildCustomer(loc.id);
    const elsewhere = await buildCustomer(other.id);
    const { address } = await (await save(a.cookie, inside)).json();
    await save(b.cookie, { ...inside, label: "B's" });

    const bList = (await (await list(b.cookie)).json()).addresses;
    expect(bList.map((x: { label: string }) => x.label)).toEqual(["B's"]);
    expect((await (await list(elsewhere.cookie)).json()).addresses).toEqual([]);

    const stolen = await remove(b.cookie, address.id);
    expect(stolen.status).toBe(404);
    expect((await remove(elsewhere.cookie, address.id)).status).toBe(404);
    expect((await testDb().customerAddress.findUniqueOrThrow({ where: { id: address.id } })).deletedAt).toBeNull();

    expect((await remove(a.cookie, address.id)).status).toBe(200);
    expect((await (await list(a.cookie)).json()).addresses).toEqual([]);
    // Twice: gone.
    expect((await remove(a.cookie, address.id)).status).toBe(404);
  });
});

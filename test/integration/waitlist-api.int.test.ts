// The waitlist REST routes in process, on the real database: the session is stubbed, everything
// else (wrapper, zod, use cases, SQL) is real. 201/400/403/404/409, and the guest's public endpoint.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildTables } from "./builders/tables";
import { resetDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({
  currentCtx: async () => state.ctx,
  requireUser: async () => state.ctx,
}));
vi.mock("@/lib/ops/rate-limit", async (original) => ({
  ...(await original<typeof import("@/lib/ops/rate-limit")>()),
  limiter: () => ({
    policy: { name: "test", quota: 1, windowSeconds: 1 },
    limit: async () => ({ success: true, remaining: 1000, reset: 0 }),
  }),
}));

const listRoute = () => import("@/app/api/v1/waitlist/route");
const itemRoute = () => import("@/app/api/v1/waitlist/[id]/route");
const publicRoute = () => import("@/app/api/wait/[token]/route");

let loc: BuiltLocation;
let other: BuiltLocation;
let tables: Record<string, string>;

function req(url: string, method: string, body?: unknown) {
  return new NextRequest(`http://localhost:3000${url}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const seg = <T extends Record<string, string>>(params: T = {} as T) => ({ params: Promise.resolve(params) });

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation({ timezone: "UTC", name: "Api Bistro" });
  other = await buildLocation({ timezone: "UTC" });
  tables = await buildTables(loc.id, ["1", "2"], { seats: 4 });
});

describe("/api/v1/waitlist", () => {
  it("adds (201) with the quote and link, lists with a preview, notifies, seats, and answers 409 on a second tap", async () => {
    state.ctx = loc.ctx.HOST;
    const { GET, POST } = await listRoute();
    const { PATCH } = await itemRoute();
    const created = await POST(
      req("/api/v1/waitlist", "POST", { guestName: "Ravi Patel", partySize: 3, phone: "207-555-0101" }),
      seg(),
    );
    expect(created.status).toBe(201);
    const added = await created.json();
    expect(added).toMatchObject({ quotedMinutes: 0, entry: { status: "WAITING", partySize: 3 } });
    expect(added.statusPath).toBe(`/wait/${added.token}`);

    const listed = await GET(req("/api/v1/waitlist?partySize=4", "GET"), seg());
    expect(listed.status).toBe(200);
    const listing = await listed.json();
    expect(listing.entries).toHaveLength(1);
    expect(listing.entries[0]).toMatchObject({ position: 1, guest: { name: "Ravi Patel" }, expectedMinutes: 0 });
    expect(listing.preview).toMatchObject({ partySize: 4, quotedMinutes: 0 });
    expect(listing.accuracy).toMatchObject({ seated: 0 });

    const id = added.entry.id;
    const notified = await PATCH(req(`/api/v1/waitlist/${id}`, "PATCH", { status: "NOTIFIED" }), seg({ id }));
    expect(notified.status).toBe(200);
    expect(await notified.json()).toMatchObject({
      entry: { status: "NOTIFIED" },
      message: { channel: "HOST_SCREEN", status: "SHOWN" },
    });
    const again = await PATCH(req(`/api/v1/waitlist/${id}`, "PATCH", { status: "NOTIFIED" }), seg({ id }));
    expect(again.status).toBe(409);

    const seated = await PATCH(
      req(`/api/v1/waitlist/${id}`, "PATCH", { status: "SEATED", tableIds: [tables["2"]] }),
      seg({ id }),
    );
    expect(seated.status).toBe(200);
    expect(await seated.json()).toMatchObject({ entry: { status: "SEATED", tables: [{ label: "2" }] } });
    const twice = await PATCH(req(`/api/v1/waitlist/${id}`, "PATCH", { status: "LEFT" }), seg({ id }));
    expect(twice.status).toBe(409);

    // The guest's public endpoint (no session needed).
    state.ctx = null;
    const { GET: status } = await publicRoute();
    const page = await status(req(`/api/wait/${added.token}`, "GET"), seg({ token: added.token }));
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ restaurant: "Api Bistro", firstName: "Ravi", status: "SEATED" });
    const unknown = await status(req(`/api/wait/${"z".repeat(32)}`, "GET"), seg({ token: "z".repeat(32) }));
    expect(unknown.status).toBe(404);
  });

  it("answers bad input with 400 and field errors, the wrong role with 403, another location's entry with 404", async () => {
    state.ctx = loc.ctx.HOST;
    const { POST, GET } = await listRoute();
    const { PATCH } = await itemRoute();
    const bad = await POST(req("/api/v1/waitlist", "POST", { guestName: "", partySize: 0, phone: "12" }), seg());
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors).toMatchObject({
      guestName: [expect.stringMatching(/name/)],
      partySize: [expect.stringMatching(/At least 1/)],
    });
    const tooBig = await POST(req("/api/v1/waitlist", "POST", { guestName: "Big", partySize: 20 }), seg());
    expect(tooBig.status).toBe(400);
    expect((await tooBig.json()).error.fieldErrors.partySize[0]).toMatch(/largest takes 8/);

    const { entry } = await (
      await POST(req("/api/v1/waitlist", "POST", { guestName: "Mia Chen", partySize: 2 }), seg())
    ).json();
    const both = await PATCH(
      req(`/api/v1/waitlist/${entry.id}`, "PATCH", { status: "LEFT", partySize: 3 }),
      seg({ id: entry.id }),
    );
    expect(both.status).toBe(400);
    const nothing = await PATCH(req(`/api/v1/waitlist/${entry.id}`, "PATCH", {}), seg({ id: entry.id }));
    expect(nothing.status).toBe(400);
    const tablesNotSeating = await PATCH(
      req(`/api/v1/waitlist/${entry.id}`, "PATCH", { tableIds: [tables["1"]], notes: "x" }),
      seg({ id: entry.id }),
    );
    expect(tablesNotSeating.status).toBe(400);
    const edited = await PATCH(
      req(`/api/v1/waitlist/${entry.id}`, "PATCH", { partySize: 4, notes: "Birthday" }),
      seg({ id: entry.id }),
    );
    expect(await edited.json()).toMatchObject({ entry: { partySize: 4, notes: "Birthday" } });

    state.ctx = loc.ctx.CHEF;
    expect((await GET(req("/api/v1/waitlist", "GET"), seg())).status).toBe(403);
    expect((await POST(req("/api/v1/waitlist", "POST", { guestName: "A", partySize: 2 }), seg())).status).toBe(403);
    state.ctx = loc.ctx.CASHIER;
    expect((await GET(req("/api/v1/waitlist", "GET"), seg())).status).toBe(200); // reads the queue
    expect(
      (await PATCH(req(`/api/v1/waitlist/${entry.id}`, "PATCH", { status: "LEFT" }), seg({ id: entry.id }))).status,
    ).toBe(403);

    state.ctx = other.ctx.HOST;
    const foreign = await PATCH(
      req(`/api/v1/waitlist/${entry.id}`, "PATCH", { status: "LEFT" }),
      seg({ id: entry.id }),
    );
    expect(foreign.status).toBe(404);
    const malformed = await PATCH(req(`/api/v1/waitlist/x%20y`, "PATCH", { status: "LEFT" }), seg({ id: "x y" }));
    expect(malformed.status).toBe(404);
  });
});

// /api/v1/delivery/areas and the online-ordering settings, in process on the real database (the
// session is stubbed): validation with field errors, radius bands needing the kitchen's position,
// roles, another location's ids, archive, audit.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { getDeliverySettings, updateDeliverySettings } from "@/lib/delivery/delivery-settings";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { expectAppError, resetDb, testDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({
  currentCtx: async () => state.ctx,
  requireUser: async () => state.ctx,
}));
vi.mock("@/lib/ops/rate-limit", async (original) => ({
  ...(await original<typeof import("@/lib/ops/rate-limit")>()),
  limiter: () => ({ limit: async () => ({ success: true, remaining: 1000, reset: 0 }) }),
}));

const listRoute = () => import("@/app/api/v1/delivery/areas/route");
const itemRoute = () => import("@/app/api/v1/delivery/areas/[id]/route");

function req(url: string, method: string, body?: unknown) {
  return new NextRequest(`http://localhost:3000${url}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const seg = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
type ErrorBody = { error: { code: string; message: string; fieldErrors?: Record<string, string[]> } };

const riverside = {
  name: "Riverside",
  kind: "POLYGON",
  polygon: [
    [40.7395, -73.9795],
    [40.7395, -73.9745],
    [40.7445, -73.9745],
    [40.7445, -73.9795],
    [40.7395, -73.9795],
  ],
  feeCents: 199,
  minimumCents: 1200,
  travelMinutes: 10,
};
const nearby = {
  name: "Nearby",
  kind: "RADIUS",
  minMeters: 0,
  maxMeters: 2000,
  feeCents: 299,
  minimumCents: 1500,
  travelMinutes: 12,
  sortOrder: 1,
};

let loc: BuiltLocation;
let other: BuiltLocation;
beforeAll(async () => {
  await resetDb();
  loc = await buildLocation();
  other = await buildLocation();
});

describe("/api/v1/delivery/areas", () => {
  it("creates a polygon (closing point dropped), lists, edits and archives it, audited", async () => {
    state.ctx = loc.ctx.MANAGER;
    const { GET, POST } = await listRoute();
    const { PATCH, DELETE } = await itemRoute();
    const created = await POST(req("/api/v1/delivery/areas", "POST", riverside), seg());
    expect(created.status).toBe(201);
    const area = (await created.json()) as { id: string; polygon: number[][]; maxMeters: number | null };
    expect(area.polygon).toHaveLength(4);
    expect(area.maxMeters).toBeNull();

    const edited = await PATCH(
      req(`/api/v1/delivery/areas/${area.id}`, "PATCH", { feeCents: 249 }),
      seg({ id: area.id }),
    );
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as { feeCents: number }).feeCents).toBe(249);

    const list = (await (await GET(req("/api/v1/delivery/areas", "GET"), seg())).json()) as {
      kitchen: unknown;
      areas: { id: string; feeCents: number }[];
    };
    expect(list.kitchen).toBeNull();
    expect(list.areas.map((a) => [a.id, a.feeCents])).toEqual([[area.id, 249]]);

    const archived = await DELETE(req(`/api/v1/delivery/areas/${area.id}`, "DELETE"), seg({ id: area.id }));
    expect(archived.status).toBe(200);
    const after = (await (await GET(req("/api/v1/delivery/areas", "GET"), seg())).json()) as { areas: unknown[] };
    expect(after.areas).toEqual([]);
    const again = await DELETE(req(`/api/v1/delivery/areas/${area.id}`, "DELETE"), seg({ id: area.id }));
    expect(again.status).toBe(404);

    const audits = await testDb().auditLog.findMany({
      where: { locationId: loc.id, entityId: area.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true },
    });
    expect(audits.map((a) => a.action)).toEqual([
      "delivery.area.create",
      "delivery.area.update",
      "delivery.area.archive",
    ]);
    expect(audits.every((a) => a.actorId === loc.staff.MANAGER.userId)).toBe(true);
  });

  it("answers bad input with field errors and writes nothing", async () => {
    state.ctx = loc.ctx.MANAGER;
    const { POST } = await listRoute();
    const before = await testDb().deliveryArea.count({ where: { locationId: loc.id } });
    const cases: [unknown, string][] = [
      [{ ...riverside, polygon: riverside.polygon.slice(0, 2) }, "polygon"],
      [
        {
          ...riverside,
          polygon: [riverside.polygon[0], riverside.polygon[2], riverside.polygon[1], riverside.polygon[3]],
        },
        "polygon",
      ],
      [{ ...riverside, polygon: [[91, 0], ...riverside.polygon.slice(1)] }, "polygon.0.0"],
      [{ ...riverside, name: "  " }, "name"],
      [{ ...riverside, feeCents: -5 }, "feeCents"],
      [{ ...riverside, feeCents: 1.5 }, "feeCents"],
      [{ ...riverside, kind: "CIRCLE" }, "kind"],
      [{ ...nearby, maxMeters: 0 }, "maxMeters"],
      [{ ...nearby, minMeters: 3000 }, "maxMeters"],
      [{ ...nearby, maxMeters: null }, "maxMeters"],
    ];
    for (const [body, field] of cases) {
      const res = await POST(req("/api/v1/delivery/areas", "POST", body), seg());
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(((await res.json()) as ErrorBody).error.fieldErrors ?? {})).toContain(field);
    }
    expect(await testDb().deliveryArea.count({ where: { locationId: loc.id } })).toBe(before);
  });

  it("refuses a radius band until the kitchen has a position, then contains by it", async () => {
    state.ctx = loc.ctx.MANAGER;
    const { POST } = await listRoute();
    const refused = await POST(req("/api/v1/delivery/areas", "POST", nearby), seg());
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as ErrorBody).error.fieldErrors?.kind?.[0]).toMatch(/latitude and longitude/);

    await updateDeliverySettings(loc.ctx.MANAGER, { latitude: 40.7411, longitude: -73.9897 });
    const created = await POST(req("/api/v1/delivery/areas", "POST", nearby), seg());
    expect(created.status).toBe(201);

    const dup = await POST(req("/api/v1/delivery/areas", "POST", { ...nearby, name: "NEARBY" }), seg());
    expect(dup.status).toBe(409);
    expect(((await dup.json()) as ErrorBody).error.fieldErrors?.name).toEqual(["Already used by another area"]);

    // Clearing the position while a band needs it is refused.
    const err = await expectAppError(
      updateDeliverySettings(loc.ctx.MANAGER, { latitude: null, longitude: null }),
      "INVALID_STATE",
    );
    expect(err.fieldErrors?.latitude?.[0]).toMatch(/radius band/);
  });

  it("validates an edit as a whole: a polygon turned into a band needs its radius", async () => {
    state.ctx = loc.ctx.MANAGER;
    const { POST } = await listRoute();
    const { PATCH } = await itemRoute();
    const created = (await (
      await POST(req("/api/v1/delivery/areas", "POST", { ...riverside, name: "Edit me" }), seg())
    ).json()) as {
      id: string;
    };
    const bad = await PATCH(
      req(`/api/v1/delivery/areas/${created.id}`, "PATCH", { kind: "RADIUS" }),
      seg({ id: created.id }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.fieldErrors?.maxMeters).toEqual(["Enter the outer radius"]);
    const good = await PATCH(
      req(`/api/v1/delivery/areas/${created.id}`, "PATCH", { kind: "RADIUS", minMeters: 2000, maxMeters: 5000 }),
      seg({ id: created.id }),
    );
    expect(good.status).toBe(200);
    const row = await testDb().deliveryArea.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.kind, row.polygon, row.minMeters, row.maxMeters]).toEqual(["RADIUS", null, 2000, 5000]);
  });

  it("refuses the wrong role (403) and another location's ids (404)", async () => {
    state.ctx = other.ctx.MANAGER;
    const { POST, GET } = await listRoute();
    const { PATCH, DELETE } = await itemRoute();
    const theirs = (await (await POST(req("/api/v1/delivery/areas", "POST", riverside), seg())).json()) as {
      id: string;
    };

    state.ctx = loc.ctx.SERVER;
    expect((await GET(req("/api/v1/delivery/areas", "GET"), seg())).status).toBe(403);
    expect((await POST(req("/api/v1/delivery/areas", "POST", riverside), seg())).status).toBe(403);
    state.ctx = loc.ctx.CHEF;
    expect((await POST(req("/api/v1/delivery/areas", "POST", riverside), seg())).status).toBe(403);

    state.ctx = loc.ctx.MANAGER;
    expect(
      (await PATCH(req(`/api/v1/delivery/areas/${theirs.id}`, "PATCH", { feeCents: 1 }), seg({ id: theirs.id })))
        .status,
    ).toBe(404);
    expect((await DELETE(req(`/api/v1/delivery/areas/${theirs.id}`, "DELETE"), seg({ id: theirs.id }))).status).toBe(
      404,
    );
    const row = await testDb().deliveryArea.findUniqueOrThrow({ where: { id: theirs.id } });
    expect([row.feeCents, row.archivedAt]).toEqual([199, null]);
  });
});

describe("online-ordering settings", () => {
  it("updates, audits the changed fields and refuses bad input and the wrong role", async () => {
    const fresh = await buildLocation();
    const saved = await updateDeliverySettings(fresh.ctx.ADMIN, {
      onlineOrdering: true,
      latitude: 40.7,
      longitude: -74,
      onlinePrepMinutes: 25,
      onlineSlotCapacity: 4,
    });
    expect(saved).toEqual({
      onlineOrdering: true,
      latitude: 40.7,
      longitude: -74,
      onlinePrepMinutes: 25,
      onlineSlotCapacity: 4,
    });
    expect(await getDeliverySettings(fresh.ctx.MANAGER)).toEqual(saved);
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { locationId: fresh.id, action: "delivery.settings.update" },
    });
    expect(audit.details).toMatchObject({
      before: { onlineOrdering: false, onlinePrepMinutes: 20 },
      after: { onlinePrepMinutes: 25 },
    });

    const bad = await expectAppError(
      updateDeliverySettings(fresh.ctx.MANAGER, { latitude: 95, longitude: 0 }),
      "VALIDATION",
    );
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(["latitude"]);
    await expectAppError(updateDeliverySettings(fresh.ctx.MANAGER, { latitude: 40 }), "VALIDATION");
    await expectAppError(updateDeliverySettings(fresh.ctx.MANAGER, { onlineSlotCapacity: 0 }), "VALIDATION");
    await expectAppError(updateDeliverySettings(fresh.ctx.SERVER, { onlineOrdering: false }), "FORBIDDEN");
    await expectAppError(updateDeliverySettings(fresh.ctx.DRIVER, { onlineOrdering: false }), "FORBIDDEN");
    const row = await testDb().location.findUniqueOrThrow({ where: { id: fresh.id } });
    expect([row.onlineOrdering, row.latitude, row.onlineSlotCapacity]).toEqual([true, 40.7, 4]);
  });
});

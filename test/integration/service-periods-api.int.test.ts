// /api/v1/service-periods in process, on the real database (the session is stubbed): the settings
// page's use cases behind REST — statuses, field errors, roles, another location's ids.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { resetDb, testDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({
  currentCtx: async () => state.ctx,
  requireUser: async () => state.ctx,
}));
vi.mock("@/lib/ops/rate-limit", async (original) => ({
  ...(await original<typeof import("@/lib/ops/rate-limit")>()),
  limiter: () => ({ limit: async () => ({ success: true, remaining: 1000, reset: 0 }) }),
}));

const listRoute = () => import("@/app/api/v1/service-periods/route");
const itemRoute = () => import("@/app/api/v1/service-periods/[id]/route");

function req(url: string, method: string, body?: unknown) {
  return new NextRequest(`http://localhost:3000${url}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const seg = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const dinner = {
  name: "Dinner",
  daysOfWeek: [0, 1, 2, 3, 4, 5, 6],
  startTime: "17:00",
  endTime: "22:30",
  slotMinutes: 15,
  maxCoversPerSlot: 24,
  maxPartiesPerSlot: 5,
};

let loc: BuiltLocation;
let other: BuiltLocation;
beforeAll(async () => {
  await resetDb();
  loc = await buildLocation({ timezone: "UTC" });
  other = await buildLocation({ timezone: "UTC" });
});

describe("/api/v1/service-periods", () => {
  it("creates, lists, edits and archives; overlaps and bad hours are 4xx with field errors", async () => {
    state.ctx = loc.ctx.MANAGER;
    const { GET, POST } = await listRoute();
    const { PATCH, DELETE } = await itemRoute();
    const created = await POST(req("/api/v1/service-periods", "POST", dinner), seg());
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const list = (await (await GET(req("/api/v1/service-periods", "GET"), seg())).json()) as {
      periods: { id: string }[];
    };
    expect(list.periods.map((p) => p.id)).toEqual([id]);

    const overlap = await POST(
      req("/api/v1/service-periods", "POST", { ...dinner, name: "Late", startTime: "22:00", endTime: "23:30" }),
      seg(),
    );
    expect(overlap.status).toBe(409);
    expect(
      ((await overlap.json()) as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors.startTime,
    ).toEqual(["Overlaps Dinner on Sun, Mon, Tue, Wed, Thu, Fri, Sat"]);
    const backwards = await PATCH(
      req(`/api/v1/service-periods/${id}`, "PATCH", { ...dinner, endTime: "16:00" }),
      seg({ id }),
    );
    expect(backwards.status).toBe(400);

    const edited = await PATCH(
      req(`/api/v1/service-periods/${id}`, "PATCH", { ...dinner, endTime: "23:00" }),
      seg({ id }),
    );
    expect(((await edited.json()) as { endMinute: number }).endMinute).toBe(23 * 60);

    state.ctx = other.ctx.MANAGER;
    expect((await DELETE(req(`/api/v1/service-periods/${id}`, "DELETE"), seg({ id }))).status).toBe(404);
    state.ctx = loc.ctx.HOST;
    expect((await DELETE(req(`/api/v1/service-periods/${id}`, "DELETE"), seg({ id }))).status).toBe(403);
    expect((await GET(req("/api/v1/service-periods", "GET"), seg())).status).toBe(403);
    state.ctx = loc.ctx.MANAGER;
    expect((await DELETE(req(`/api/v1/service-periods/${id}`, "DELETE"), seg({ id }))).status).toBe(200);
    expect((await testDb().servicePeriod.findUniqueOrThrow({ where: { id } })).archivedAt).not.toBeNull();
  });
});

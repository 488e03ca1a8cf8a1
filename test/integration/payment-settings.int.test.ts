// Money settings: discount limits, tenders, tip suggestions, bussing; discount reasons (create,
// rename, comp, reorder, archive), with roles, tenancy and bad input.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { getPaymentSettings, listDiscountReasons } from "@/lib/locations/get-payment-settings";
import { updatePaymentSettings } from "@/lib/locations/update-payment-settings";
import { createDiscountReason, updateDiscountReason } from "@/lib/locations/save-discount-reason";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { expectAppError } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({ currentCtx: async () => state.ctx, requireUser: async () => state.ctx }));

let loc: BuiltLocation;
let other: BuiltLocation;

beforeAll(async () => {
  loc = await buildLocation();
  other = await buildLocation();
});

describe("payment settings", () => {
  it("saves limits, tenders, tips and bussing, and audits what changed", async () => {
    const after = await updatePaymentSettings(loc.ctx.MANAGER, {
      discountLimits: { SERVER: 1000, CASHIER: 2500 },
      tenders: ["CARD", "CASH", "HOUSE_ACCOUNT"],
      tipSuggestionsBps: [2000, 1500, 1800],
      bussingStep: true,
    });
    expect(after).toMatchObject({
      discountLimits: { SERVER: 1000, CASHIER: 2500 },
      tenders: ["CASH", "CARD", "HOUSE_ACCOUNT"],
      tipSuggestionsBps: [1500, 1800, 2000],
      bussingStep: true,
    });
    const s = await getPaymentSettings(loc.ctx.ADMIN);
    expect(s.discountLimits).toEqual({ SERVER: 1000, CASHIER: 2500 });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "location.payments.update", locationId: loc.id },
    });
    expect(audit.details).toMatchObject({ before: { bussingStep: false }, after: { bussingStep: true } });
    // A role left out needs approval for any discount.
    expect((await updatePaymentSettings(loc.ctx.MANAGER, { discountLimits: { CASHIER: 0 } })).discountLimits).toEqual({
      CASHIER: 0,
    });
  });

  it("refuses bad values and the wrong role", async () => {
    for (const bad of [
      { tenders: [] },
      { tenders: ["CHEQUE"] },
      { tenders: ["CASH", "CASH"] },
      { tipSuggestionsBps: [1500, 1500] },
      { tipSuggestionsBps: [50] },
      { tipSuggestionsBps: [1000, 1500, 1800, 2000, 2500] },
      { discountLimits: { SERVER: -1 } },
      { discountLimits: { CHEF: 100 } },
      { discountLimits: { SERVER: 100_001 } },
      { bussingStep: "yes" },
      { taxRateBps: 0 },
    ]) {
      await expectAppError(updatePaymentSettings(loc.ctx.MANAGER, bad as never), "VALIDATION");
    }
    await expectAppError(updatePaymentSettings(loc.ctx.CASHIER, { bussingStep: false }), "FORBIDDEN");
    await expectAppError(getPaymentSettings(loc.ctx.SERVER), "FORBIDDEN");
  });
});

describe("discount reasons", () => {
  it("creates, renames, reorders and archives; the tablets see the active ones in order", async () => {
    const birthday = await createDiscountReason(loc.ctx.MANAGER, { name: "Birthday" });
    const staff = await createDiscountReason(loc.ctx.MANAGER, { name: "Staff meal", comp: true });
    const error = await createDiscountReason(loc.ctx.MANAGER, { name: "Kitchen error", comp: true });
    const names = async () => (await listDiscountReasons(loc.ctx.SERVER)).map((r) => r.name);
    expect(await names()).toEqual(["Birthday", "Staff meal", "Kitchen error"]);

    await updateDiscountReason(loc.ctx.MANAGER, { id: error.id, move: "up" });
    expect(await names()).toEqual(["Birthday", "Kitchen error", "Staff meal"]);
    await updateDiscountReason(loc.ctx.MANAGER, { id: birthday.id, move: "up" });
    expect(await names()).toEqual(["Birthday", "Kitchen error", "Staff meal"]);

    const renamed = await updateDiscountReason(loc.ctx.MANAGER, {
      id: birthday.id,
      name: "Birthday treat",
      comp: true,
    });
    expect(renamed).toMatchObject({ name: "Birthday treat", comp: true });
    await updateDiscountReason(loc.ctx.MANAGER, { id: staff.id, archived: true });
    expect(await names()).toEqual(["Birthday treat", "Kitchen error"]);
    expect((await listDiscountReasons(loc.ctx.MANAGER, { includeArchived: true })).map((r) => r.name)).toEqual([
      "Birthday treat",
      "Kitchen error",
      "Staff meal",
    ]);
    await expectAppError(updateDiscountReason(loc.ctx.MANAGER, { id: staff.id, move: "up" }), "INVALID_STATE");
    await updateDiscountReason(loc.ctx.MANAGER, { id: staff.id, archived: false });
    expect(await names()).toContain("Staff meal");
  });

  it("refuses a duplicate name, bad input, the wrong role and another location's reason", async () => {
    await createDiscountReason(loc.ctx.MANAGER, { name: "Loyalty 10 %" });
    const dup = await expectAppError(createDiscountReason(loc.ctx.ADMIN, { name: "Loyalty 10 %" }), "CONFLICT");
    expect(dup.fieldErrors?.name).toBeDefined();
    await expectAppError(createDiscountReason(loc.ctx.MANAGER, { name: "" }), "VALIDATION");
    await expectAppError(createDiscountReason(loc.ctx.MANAGER, { name: "x".repeat(41) }), "VALIDATION");
    await expectAppError(createDiscountReason(loc.ctx.SERVER, { name: "Mine" }), "FORBIDDEN");
    await expectAppError(listDiscountReasons(loc.ctx.HOST), "FORBIDDEN");
    await expectAppError(listDiscountReasons(loc.ctx.CASHIER, { includeArchived: true }), "FORBIDDEN");
    const theirs = await createDiscountReason(other.ctx.MANAGER, { name: "Theirs" });
    await expectAppError(updateDiscountReason(loc.ctx.MANAGER, { id: theirs.id, name: "Stolen" }), "NOT_FOUND");
    expect((await db.discountReason.findUniqueOrThrow({ where: { id: theirs.id } })).name).toBe("Theirs");
  });

  it("keeps the order whole when two managers reorder at once", async () => {
    const place = await buildLocation();
    const made = [];
    for (const name of ["A", "B", "C", "D"]) made.push(await createDiscountReason(place.ctx.MANAGER, { name }));
    await Promise.all([
      updateDiscountReason(place.ctx.MANAGER, { id: made[3].id, move: "up" }),
      updateDiscountReason(place.ctx.ADMIN, { id: made[0].id, move: "down" }),
    ]);
    const rows = await listDiscountReasons(place.ctx.MANAGER);
    expect(rows.map((r) => r.sortOrder)).toEqual([0, 1, 2, 3]);
    expect(rows.map((r) => r.name)).toEqual(["B", "A", "D", "C"]);
  });
});

describe("REST /api/v1/discount-reasons", () => {
  const req = (method: string, path: string, body?: unknown) =>
    new NextRequest(`http://localhost${path}`, {
      method,
      headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("lists for servers, writes for managers only", async () => {
    const place = await buildLocation();
    const list = await import("@/app/api/v1/discount-reasons/route");
    const one = await import("@/app/api/v1/discount-reasons/[id]/route");
    const none = { params: Promise.resolve({}) };
    state.ctx = place.ctx.SERVER;
    expect((await list.POST(req("POST", "/api/v1/discount-reasons", { name: "Mine" }), none)).status).toBe(403);
    state.ctx = place.ctx.MANAGER;
    const made = await list.POST(req("POST", "/api/v1/discount-reasons", { name: "Birthday" }), none);
    expect(made.status).toBe(201);
    const { id } = await made.json();
    const patched = await one.PATCH(req("PATCH", `/api/v1/discount-reasons/${id}`, { comp: true, archived: true }), {
      params: Promise.resolve({ id }),
    });
    expect(await patched.json()).toMatchObject({ comp: true });
    expect(
      (
        await one.PATCH(req("PATCH", `/api/v1/discount-reasons/${id}`, { colour: "red" }), {
          params: Promise.resolve({ id }),
        })
      ).status,
    ).toBe(400);
    state.ctx = place.ctx.SERVER;
    expect((await (await list.GET(req("GET", "/api/v1/discount-reasons"), none)).json()).reasons).toEqual([]);
    expect((await list.GET(req("GET", "/api/v1/discount-reasons?archived=include"), none)).status).toBe(403);
    state.ctx = place.ctx.HOST;
    expect((await list.GET(req("GET", "/api/v1/discount-reasons"), none)).status).toBe(403);
  });
});

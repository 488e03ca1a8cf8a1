// The audit log viewer (issue 14): filters by actor, action prefix, entity and day; keyset pages
// that neither skip nor repeat; another location's rows never show; only managers read it.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { auditCsv, auditFilterChoices, listAuditLog } from "@/lib/audit/list-audit-log";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { expectAppError, resetDb, testDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({ currentCtx: async () => state.ctx, requireUser: async () => state.ctx }));

let loc: BuiltLocation;
let other: BuiltLocation;

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation();
  other = await buildLocation();
  const db = testDb();
  const base = new Date("2026-11-20T12:00:00Z").getTime();
  await db.auditLog.createMany({
    data: [
      ...Array.from({ length: 7 }, (_, i) => ({
        locationId: loc.id,
        actorId: loc.ctx.MANAGER.userId,
        action: "menu_item.update",
        entityType: "MenuItem",
        entityId: `item-${i}`,
        details: { before: { priceCents: 1000 + i }, after: { priceCents: 1100 + i } },
        createdAt: new Date(base + i * 60_000),
      })),
      {
        locationId: loc.id,
        actorId: null,
        action: "guest_session.joined",
        entityType: "GuestSession",
        entityId: "s1",
        ip: "10.0.0.9",
        details: { nickname: "Dana" },
        createdAt: new Date(base + 86_400_000),
      },
      {
        locationId: other.id,
        actorId: other.ctx.MANAGER.userId,
        action: "menu_item.update",
        createdAt: new Date(base),
      },
    ],
  });
});

describe("audit log viewer", () => {
  it("filters by action prefix, actor, entity and day, newest first", async () => {
    const all = await listAuditLog(loc.ctx.MANAGER, {});
    expect(all.entries).toHaveLength(8);
    expect(all.entries[0].action).toBe("guest_session.joined");
    expect(all.entries[0].actor).toBeNull();
    const guest = await listAuditLog(loc.ctx.MANAGER, { action: "guest_session" });
    expect(guest.entries.map((e) => e.entityId)).toEqual(["s1"]);
    const byActor = await listAuditLog(loc.ctx.MANAGER, { actorId: loc.ctx.MANAGER.userId });
    expect(byActor.entries).toHaveLength(7);
    expect(byActor.entries[0].actor?.name).toBeTruthy();
    const oneItem = await listAuditLog(loc.ctx.MANAGER, { entityType: "MenuItem", entityId: "item-3" });
    expect(oneItem.entries.map((e) => e.details)).toEqual([
      { before: { priceCents: 1003 }, after: { priceCents: 1103 } },
    ]);
    const day = await listAuditLog(loc.ctx.MANAGER, { from: "2026-11-21", to: "2026-11-21" });
    expect(day.entries.map((e) => e.action)).toEqual(["guest_session.joined"]);
    await expectAppError(listAuditLog(loc.ctx.MANAGER, { from: "2026-11-22", to: "2026-11-21" }), "VALIDATION");
    await expectAppError(listAuditLog(loc.ctx.MANAGER, { action: "x'; drop" }), "VALIDATION");
  });

  it("pages by keyset without gaps or repeats, and exports CSV", async () => {
    const seen: string[] = [];
    let before: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = await listAuditLog(loc.ctx.MANAGER, { limit: 3, before });
      seen.push(...page.entries.map((e) => e.id));
      if (!page.nextBefore) break;
      before = page.nextBefore;
    }
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    const csv = auditCsv(await listAuditLog(loc.ctx.MANAGER, { action: "guest_session" }))
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toBe("at,actor,action,entity_type,entity_id,ip,request_id,details");
    expect(csv[1]).toContain("guest_session.joined");
    expect(csv[1]).toContain("10.0.0.9");
  });

  it("is the location's own and managers' only", async () => {
    expect((await listAuditLog(other.ctx.MANAGER, {})).entries).toHaveLength(1);
    await expectAppError(listAuditLog(loc.ctx.SERVER, {}), "FORBIDDEN");
    await expectAppError(listAuditLog(loc.ctx.MANAGER, { before: "not-a-row-here" }), "VALIDATION");
    const choices = await auditFilterChoices(loc.ctx.MANAGER);
    expect(choices.actions).toEqual(["guest_session.joined", "menu_item.update"]);
    expect(choices.actors.map((a) => a.id)).toContain(loc.ctx.MANAGER.userId);
  });
});

describe("audit log viewer on the shared report period", () => {
  let ny: BuiltLocation;
  // 07:00 on 21 November in New York: the business day is the 21st, yesterday the 20th.
  const now = new Date("2026-11-21T12:00:00Z");

  beforeAll(async () => {
    ny = await buildLocation({ timezone: "America/New_York" });
    await testDb().auditLog.createMany({
      data: [
        // 22:00 on the 20th in New York (already the 21st in UTC).
        {
          locationId: ny.id,
          action: "check.reopened",
          entityType: "Check",
          entityId: "late",
          createdAt: new Date("2026-11-21T03:00:00Z"),
        },
        // 05:00 on the 21st, after the 04:00 cut-off.
        {
          locationId: ny.id,
          action: "check.reopened",
          entityType: "Check",
          entityId: "early",
          createdAt: new Date("2026-11-21T10:00:00Z"),
        },
        // 520 older entries, more than one page of the export.
        ...Array.from({ length: 520 }, (_, i) => ({
          locationId: ny.id,
          actorId: ny.ctx.MANAGER.userId,
          action: "menu_item.update",
          entityType: "MenuItem",
          entityId: `bulk-${i}`,
          details: { before: { priceCents: i }, after: { priceCents: i + 1 } },
          createdAt: new Date(Date.parse("2026-11-10T15:00:00Z") + i * 1000),
        })),
      ],
    });
  });

  it("reads dates and presets as business days in the location's zone", async () => {
    const ids = async (q: Parameters<typeof listAuditLog>[1]) =>
      (await listAuditLog(ny.ctx.MANAGER, { ...q, action: "check" }, now)).entries.map((e) => e.entityId);
    expect(await ids({ from: "2026-11-20", to: "2026-11-20" })).toEqual(["late"]);
    expect(await ids({ preset: "yesterday" })).toEqual(["late"]);
    expect(await ids({ preset: "today" })).toEqual(["early"]);
    expect(await ids({ preset: "this-month" })).toEqual(["early", "late"]);
    // One side alone stays open-ended, as before.
    expect(await ids({ from: "2026-11-21" })).toEqual(["early"]);
    expect(await ids({ to: "2026-11-20" })).toEqual(["late"]);
    const page = await listAuditLog(ny.ctx.MANAGER, { preset: "yesterday" }, now);
    expect(page.period).toMatchObject({ preset: "yesterday", from: "2026-11-20", timeZone: "America/New_York" });
    expect((await listAuditLog(ny.ctx.MANAGER, {}, now)).period).toBeNull();
  });

  it("answers 400 with field errors, and exports every filtered entry as CSV with before and after", async () => {
    const get = async (query: string) => {
      state.ctx = ny.ctx.MANAGER;
      const { GET } = await import("@/app/api/v1/audit/route");
      return GET(new NextRequest(`http://localhost/api/v1/audit?${query}`), { params: Promise.resolve({}) });
    };
    for (const [query, field] of [
      ["preset=last-week&from=2026-11-01", "preset"],
      ["preset=fortnight", "preset"],
      ["from=2026-13-01", "from"],
      ["from=2026-11-22&to=2026-11-21", "to"],
      ["preset=custom&from=2026-11-01", "to"],
      ["limit=5000", "limit"],
    ]) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      expect(Object.keys((await res.json()).error.fieldErrors), query).toContain(field);
    }
    const json = await (await get("action=menu_item&from=2026-11-10&to=2026-11-10")).json();
    expect(json.entries).toHaveLength(100);
    expect(json.nextBefore).toBeTruthy();
    const csv = await get("action=menu_item&from=2026-11-10&to=2026-11-10&format=csv");
    expect(csv.headers.get("content-disposition")).toContain("audit-log-2026-11-10.csv");
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines).toHaveLength(521);
    expect(lines[1]).toContain("bulk-519");
    expect(lines[1]).toContain('""before"":{""priceCents"":519}');
  });
});

// The weekly schedule against the real database: overlaps and the weekly limit are refused by the
// database (exclusion constraint, trigger) as field errors, also when two writes race; drafts stay
// with the managers until the week is published; roles and tenancy.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { copyWeek } from "@/lib/schedule/copy-week";
import { createShift } from "@/lib/schedule/create-shift";
import { deleteShift } from "@/lib/schedule/delete-shift";
import { getScheduleWeek } from "@/lib/schedule/get-schedule-week";
import { listMyShifts } from "@/lib/schedule/list-my-shifts";
import { listShifts } from "@/lib/schedule/list-shifts";
import { publishWeek } from "@/lib/schedule/publish-week";
import { updateShift } from "@/lib/schedule/update-shift";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildStations } from "./builders/kitchen";
import { expectAppError, resetDb, testDb } from "./helpers";

let here: BuiltLocation;
let there: BuiltLocation;
let grill: string;

// Week of Monday 2027-03-01 in Paris (UTC+1): local 09:00 = 08:00Z.
const WEEK = "2027-03-01";
const at = (day: number, hour: number) => new Date(Date.UTC(2027, 2, day, hour - 1)).toISOString();

beforeAll(async () => {
  await resetDb();
  here = await buildLocation({ timezone: "Europe/Paris" });
  there = await buildLocation({ timezone: "Europe/Paris" });
  grill = (await buildStations(here.id, [{ slug: "grill" }])).grill;
});

beforeEach(async () => {
  await db.shift.deleteMany({});
  await db.location.update({ where: { id: here.id }, data: { maxWeeklyShiftMinutes: 2880 } });
});

const server = () => here.staff.SERVER;

describe("drawing shifts", () => {
  it("creates a draft with the person's role by default and a station", async () => {
    const s = await createShift(here.ctx.MANAGER, {
      userId: here.staff.CHEF.userId,
      stationId: grill,
      startsAt: at(1, 9),
      endsAt: at(1, 17),
    });
    expect(s).toMatchObject({ role: "CHEF", stationId: grill, publishedAt: null });
    const audit = await db.auditLog.findFirst({ where: { entityId: s.id, action: "schedule.shift.create" } });
    expect(audit?.actorId).toBe(here.staff.MANAGER.userId);
  });

  it("refuses bad input with field errors", async () => {
    const e = await expectAppError(
      createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(1, 17), endsAt: at(1, 9) }),
      "VALIDATION",
    );
    expect(e.fieldErrors?.endsAt).toEqual(["Ends before it starts"]);
    const e2 = await expectAppError(
      createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: "tomorrow", endsAt: at(1, 9) }),
      "VALIDATION",
    );
    expect(e2.fieldErrors?.startsAt).toBeDefined();
    const e3 = await expectAppError(
      createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(1, 1), endsAt: at(1, 23) }),
      "VALIDATION",
    );
    expect(e3.fieldErrors?.endsAt?.[0]).toMatch(/at most 16 hours/);
  });

  it("refuses a person or a station of another location as a field error", async () => {
    const e = await expectAppError(
      createShift(here.ctx.MANAGER, { userId: there.staff.SERVER.userId, startsAt: at(1, 9), endsAt: at(1, 17) }),
      "VALIDATION",
    );
    expect(e.fieldErrors?.userId).toBeDefined();
    const e2 = await expectAppError(
      createShift(there.ctx.MANAGER, {
        userId: there.staff.CHEF.userId,
        stationId: grill,
        startsAt: at(1, 9),
        endsAt: at(1, 17),
      }),
      "VALIDATION",
    );
    expect(e2.fieldErrors?.stationId).toBeDefined();
  });

  it("refuses other roles", async () => {
    for (const role of ["SERVER", "CHEF", "HOST", "CASHIER"] as const) {
      await expectAppError(
        createShift(here.ctx[role], { userId: here.staff[role].userId, startsAt: at(1, 9), endsAt: at(1, 17) }),
        "FORBIDDEN",
      );
      await expectAppError(publishWeek(here.ctx[role], { week: WEEK }), "FORBIDDEN");
      await expectAppError(getScheduleWeek(here.ctx[role], { week: WEEK }), "FORBIDDEN");
    }
  });

  it("answers 404 for another location's shift", async () => {
    const s = await createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(1, 9), endsAt: at(1, 17) });
    await expectAppError(updateShift(there.ctx.MANAGER, { id: s.id, endsAt: at(1, 18) }), "NOT_FOUND");
    await expectAppError(deleteShift(there.ctx.ADMIN, { id: s.id }), "NOT_FOUND");
    expect(await db.shift.count({ where: { id: s.id } })).toBe(1);
  });

  it("moves, resizes and deletes a shift", async () => {
    const s = await createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(1, 9), endsAt: at(1, 17) });
    const moved = await updateShift(here.ctx.MANAGER, { id: s.id, startsAt: at(2, 10), endsAt: at(2, 14) });
    expect(moved.startsAt.toISOString()).toBe(at(2, 10));
    const e = await expectAppError(updateShift(here.ctx.MANAGER, { id: s.id, endsAt: at(2, 8) }), "VALIDATION");
    expect(e.fieldErrors?.endsAt).toBeDefined();
    await deleteShift(here.ctx.MANAGER, { id: s.id });
    expect(await db.shift.count({ where: { id: s.id } })).toBe(0);
  });
});

describe("conflicts refused by the database", () => {
  it("refuses an overlapping shift (even at another location) as a field error, never a 500", async () => {
    await createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(1, 9), endsAt: at(1, 17) });
    const e = await expectAppError(
      createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(1, 16), endsAt: at(1, 20) }),
      "CONFLICT",
    );
    expect(e.fieldErrors?.startsAt).toEqual(["Overlaps another shift of this person"]);
    // Back to back is fine (half-open ranges).
    await createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(1, 17), endsAt: at(1, 20) });
  });

  it("refuses a move onto another shift", async () => {
    await createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(1, 9), endsAt: at(1, 12) });
    const b = await createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(1, 13), endsAt: at(1, 15) });
    await expectAppError(updateShift(here.ctx.MANAGER, { id: b.id, startsAt: at(1, 11) }), "CONFLICT");
  });

  it("refuses a shift over the weekly limit, counted in the location's business week", async () => {
    await db.location.update({ where: { id: here.id }, data: { maxWeeklyShiftMinutes: 600 } });
    await createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(1, 9), endsAt: at(1, 17) });
    const e = await expectAppError(
      createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(2, 9), endsAt: at(2, 13) }),
      "CONFLICT",
    );
    expect(e.fieldErrors?.endsAt?.[0]).toBe(
      "Over the weekly limit: 12 h scheduled in the week of 2027-03-01 (limit 10 h)",
    );
    // Exactly at the limit is allowed.
    await createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(2, 9), endsAt: at(2, 11) });
    // Monday 00:30–03:00 is still Sunday's business day (cut-off 04:00): this week, over the limit.
    await expectAppError(
      createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(8, 0.5), endsAt: at(8, 3) }),
      "CONFLICT",
    );
    // Monday from 05:00 is the next week.
    await createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(8, 5), endsAt: at(8, 13) });
  });

  it("splits a shift across the week's boundary (Monday 04:00) between the two weeks", async () => {
    await db.location.update({ where: { id: here.id }, data: { maxWeeklyShiftMinutes: 600 } });
    await createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(8, 9), endsAt: at(8, 17) });
    // Sunday 22:00 → Monday 08:00: 4 h fall in the next week (8 + 4 = 12 h > 10 h).
    await expectAppError(
      createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(7, 22), endsAt: at(8, 8) }),
      "CONFLICT",
    );
    // Sunday 22:00 → Monday 05:00: 1 h in the next week (9 h).
    await createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(7, 22), endsAt: at(8, 5) });
  });

  it("lets only one of two concurrent inserts that together pass the weekly limit commit", async () => {
    await db.location.update({ where: { id: here.id }, data: { maxWeeklyShiftMinutes: 600 } });
    const results = await Promise.allSettled([
      createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(3, 9), endsAt: at(3, 15) }),
      createShift(here.ctx.ADMIN, { userId: server().userId, startsAt: at(4, 9), endsAt: at(4, 15) }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT" });
    expect(refused.reason.fieldErrors.endsAt[0]).toMatch(/weekly limit/);
    expect(await db.shift.count({ where: { userId: server().userId } })).toBe(1);
  });

  it("makes a write wait for another transaction still counting the same person's week", async () => {
    await db.location.update({ where: { id: here.id }, data: { maxWeeklyShiftMinutes: 600 } });
    // T1 inserts 6 h and stays open; T2 (6 h on another day) must wait for it, then see it and be refused.
    const slow = testDb().$transaction(
      async (tx) => {
        await tx.shift.create({
          data: { locationId: here.id, userId: server().userId, role: "SERVER", startsAt: at(3, 9), endsAt: at(3, 15) },
        });
        await tx.$queryRaw`SELECT pg_sleep(1)::text`;
      },
      { timeout: 10_000 },
    );
    await new Promise((r) => setTimeout(r, 300));
    const fast = createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(4, 9), endsAt: at(4, 15) });
    const [a, b] = await Promise.allSettled([slow, fast]);
    expect(a.status).toBe("fulfilled");
    expect(b).toMatchObject({ status: "rejected", reason: { code: "CONFLICT" } });
    expect(await db.shift.count({ where: { userId: server().userId } })).toBe(1);
  });

  it("lets only one of two concurrent overlapping inserts commit", async () => {
    const results = await Promise.allSettled([
      createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(3, 9), endsAt: at(3, 15) }),
      createShift(here.ctx.ADMIN, { userId: server().userId, startsAt: at(3, 12), endsAt: at(3, 18) }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT" });
    expect(refused.reason.fieldErrors.startsAt).toBeDefined();
  });
});

describe("publishing and reading", () => {
  it("keeps drafts with the managers until the week is published", async () => {
    const s = await createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(2, 9), endsAt: at(2, 17) });
    await createShift(here.ctx.MANAGER, { userId: here.staff.CHEF.userId, startsAt: at(2, 9), endsAt: at(2, 17) });
    const range = { from: WEEK, to: "2027-03-08" };
    expect((await listShifts(server().ctx, range)).shifts).toEqual([]);
    expect((await listShifts(here.ctx.MANAGER, range)).shifts).toHaveLength(2);
    const week = await getScheduleWeek(here.ctx.MANAGER, { week: "2027-03-03" });
    expect(week).toMatchObject({ week: WEEK, drafts: 2, previousWeek: "2027-02-22", nextWeek: "2027-03-08" });
    expect(week.staff.find((p) => p.userId === server().userId)).toMatchObject({ minutes: 480, level: "ok" });

    expect(await publishWeek(here.ctx.MANAGER, { week: WEEK })).toMatchObject({ published: 2 });
    const mine = await listShifts(server().ctx, range);
    expect(mine.shifts.map((x) => x.id)).toEqual([s.id]);
    expect(mine.shifts[0]).toMatchObject({ status: "PUBLISHED", userName: server().name });
    // Publishing again publishes nothing new; another location's manager sees none of it.
    expect(await publishWeek(here.ctx.MANAGER, { week: WEEK })).toMatchObject({ published: 0 });
    expect((await listShifts(there.ctx.MANAGER, range)).shifts).toEqual([]);
  });

  it("lists one's own upcoming published shifts", async () => {
    const now = new Date(at(1, 12));
    await createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(1, 9), endsAt: at(1, 10) });
    const current = await createShift(here.ctx.MANAGER, {
      userId: server().userId,
      startsAt: at(1, 11),
      endsAt: at(1, 15),
    });
    await publishWeek(here.ctx.MANAGER, { week: WEEK });
    const draft = await createShift(here.ctx.MANAGER, {
      userId: server().userId,
      startsAt: at(2, 9),
      endsAt: at(2, 10),
    });
    const mine = await listMyShifts(server().ctx, now);
    expect(mine.shifts.map((x) => x.id)).toEqual([current.id]);
    expect(mine.shifts.some((x) => x.id === draft.id)).toBe(false);
  });

  it("refuses a range that is backwards or too long", async () => {
    await expectAppError(listShifts(here.ctx.MANAGER, { from: "2027-03-08", to: WEEK }), "VALIDATION");
    await expectAppError(listShifts(here.ctx.MANAGER, { from: "2027-01-01", to: "2027-06-01" }), "VALIDATION");
    await expectAppError(listShifts(here.ctx.MANAGER, { from: "yesterday" }), "VALIDATION");
  });
});

describe("copying last week", () => {
  it("copies at the same wall-clock time across a DST change, as drafts, once", async () => {
    // Europe/Paris moves to summer time on Sunday 2027-03-28.
    await createShift(here.ctx.MANAGER, {
      userId: server().userId,
      startsAt: "2027-03-24T08:00:00Z", // Wed 09:00 CET
      endsAt: "2027-03-24T16:00:00Z",
    });
    await publishWeek(here.ctx.MANAGER, { week: "2027-03-22" });
    expect(await copyWeek(here.ctx.MANAGER, { week: "2027-03-29" })).toMatchObject({ copied: 1, skipped: 0 });
    const copy = await db.shift.findFirstOrThrow({ where: { startsAt: { gte: new Date("2027-03-29T00:00:00Z") } } });
    expect(copy.startsAt.toISOString()).toBe("2027-03-31T07:00:00.000Z"); // Wed 09:00 CEST
    expect(copy.publishedAt).toBeNull();
    expect(await copyWeek(here.ctx.MANAGER, { week: "2027-03-29" })).toMatchObject({ copied: 0, skipped: 1 });
  });

  it("refuses a copy that overlaps a shift already drawn, naming the person", async () => {
    await createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(1, 9), endsAt: at(1, 17) });
    await createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(8, 12), endsAt: at(8, 14) });
    const e = await expectAppError(copyWeek(here.ctx.MANAGER, { week: "2027-03-08" }), "CONFLICT");
    expect(e.message).toContain(server().name);
    expect(await db.shift.count()).toBe(2);
  });

  it("refuses a copy over the weekly limit through the database", async () => {
    await db.location.update({ where: { id: here.id }, data: { maxWeeklyShiftMinutes: 600 } });
    await createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(1, 9), endsAt: at(1, 17) });
    await createShift(here.ctx.MANAGER, { userId: server().userId, startsAt: at(10, 9), endsAt: at(10, 13) });
    const e = await expectAppError(copyWeek(here.ctx.MANAGER, { week: "2027-03-08" }), "CONFLICT");
    expect(e.fieldErrors?.endsAt?.[0]).toMatch(/weekly limit/);
  });
});

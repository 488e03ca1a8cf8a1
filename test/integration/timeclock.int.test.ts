// Time clock: punches by PIN, the database's one-open-punch and no-overlap rules, corrections,
// timesheets and their CSV, tenancy and roles.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setMyPin } from "@/lib/staff/set-pin";
import { PIN_WRONG } from "@/lib/staff/verify-pin";
import { punchClock } from "@/lib/timeclock/punch-clock";
import { getTimeClock } from "@/lib/timeclock/get-time-clock";
import { addPunch, correctPunch } from "@/lib/timeclock/correct-punch";
import { getTimesheet } from "@/lib/timeclock/get-timesheet";
import { exportTimesheetCsv, TIMESHEET_CSV_COLUMNS } from "@/lib/timeclock/export-timesheet-csv";
import { parseCsvTable } from "@/lib/csv/parse";
import { addStaff, buildLocation, type BuiltLocation, type StaffMember } from "./builders/location";
import { expectAppError } from "./helpers";

let loc: BuiltLocation;
let other: BuiltLocation;
let server: StaffMember;

const MIN = 60_000;

beforeAll(async () => {
  loc = await buildLocation({ timezone: "America/New_York" });
  // A cut-off twelve hours away: "now" and "20 minutes ago" are always on one business day.
  const hour = Number(
    new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "numeric", hourCycle: "h23" }).format(
      new Date(),
    ),
  );
  await db.location.update({ where: { id: loc.id }, data: { businessDayCutoffHour: (hour + 12) % 24 } });
  other = await buildLocation();
  server = await addStaff(loc, "SERVER", { name: "Sam Server" });
  await setMyPin(server.ctx, { pin: "2749" });
});

describe("punchClock", () => {
  it("clocks in by PIN on someone else's screen, links today's shift and flags a late start", async () => {
    const startsAt = new Date(Date.now() - 20 * MIN);
    const shift = await db.shift.create({
      data: {
        locationId: loc.id,
        userId: server.userId,
        role: "SERVER",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 6 * 60 * MIN),
        publishedAt: new Date(),
      },
    });
    const r = await punchClock(loc.ctx.HOST, { action: "clock-in", userId: server.userId, pin: "2749" });
    expect(r.person).toEqual({ userId: server.userId, name: "Sam Server" });
    expect(r.punch.shift?.startsAt).toEqual(startsAt);
    expect(r.punch.flags).toEqual(["lateIn"]);
    const punch = await db.timePunch.findUniqueOrThrow({ where: { id: r.punch.punchId } });
    expect(punch).toMatchObject({ shiftId: shift.id, userId: server.userId, locationId: loc.id, role: "SERVER" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "timeclock.clock-in", entityId: punch.id } });
    expect(audit.actorId).toBe(server.userId);
    expect(audit.details).toMatchObject({ via: "pin", screenUserId: loc.staff.HOST.userId });

    const board = await getTimeClock(loc.ctx.CHEF);
    expect(board.onClock.map((p) => p.userId)).toEqual([server.userId]);
    expect(board.people.find((p) => p.userId === server.userId)?.punch?.punchId).toBe(punch.id);
  });

  it("refuses a second clock-in with a clear message", async () => {
    const e = await expectAppError(
      punchClock(loc.ctx.HOST, { action: "clock-in", userId: server.userId, pin: "2749" }),
      "CONFLICT",
    );
    expect(e.message).toBe("Sam Server is already clocked in");
  });

  it("takes a break, refuses a second one, ends it and clocks out (closing nothing twice)", async () => {
    const as = { userId: server.userId, pin: "2749" };
    const onBreak = await punchClock(loc.ctx.HOST, { action: "break-start", ...as });
    expect(onBreak.punch.onBreakSince).not.toBeNull();
    await expectAppError(punchClock(loc.ctx.HOST, { action: "break-start", ...as }), "CONFLICT");
    await new Promise((r) => setTimeout(r, 5));
    const back = await punchClock(loc.ctx.HOST, { action: "break-end", ...as });
    expect(back.punch.onBreakSince).toBeNull();
    await expectAppError(punchClock(loc.ctx.HOST, { action: "break-end", ...as }), "INVALID_STATE");
    await new Promise((r) => setTimeout(r, 5));
    const out = await punchClock(loc.ctx.HOST, { action: "clock-out", ...as });
    expect(out.punch.clockOutAt).not.toBeNull();
    const e = await expectAppError(punchClock(loc.ctx.HOST, { action: "clock-out", ...as }), "INVALID_STATE");
    expect(e.message).toBe("Sam Server is not clocked in here");
    expect((await getTimeClock(loc.ctx.HOST)).onClock).toEqual([]);
  });

  it("lets the signed-in user punch without a PIN, but nobody else", async () => {
    const r = await punchClock(loc.ctx.CHEF, { action: "clock-in", userId: loc.staff.CHEF.userId });
    expect(r.punch.flags).toEqual([]);
    const e = await expectAppError(
      punchClock(loc.ctx.CHEF, { action: "clock-in", userId: loc.staff.CASHIER.userId }),
      "VALIDATION",
    );
    expect(e.fieldErrors?.pin).toEqual(["Enter your PIN"]);
    await punchClock(loc.ctx.CHEF, { action: "clock-out", userId: loc.staff.CHEF.userId }).catch(async () => {
      // Same millisecond as the clock-in on a fast machine: the check constraint refuses; try again.
      await new Promise((r) => setTimeout(r, 5));
      await punchClock(loc.ctx.CHEF, { action: "clock-out", userId: loc.staff.CHEF.userId });
    });
  });

  it("answers a wrong PIN with the PIN pad's one message, and a bad action with a field error", async () => {
    const wrong = await expectAppError(
      punchClock(loc.ctx.HOST, { action: "clock-in", userId: server.userId, pin: "9999" }),
      "UNAUTHENTICATED",
    );
    expect(wrong.message).toBe(PIN_WRONG);
    expect(await db.timePunch.count({ where: { userId: server.userId, clockOutAt: null } })).toBe(0);
    const bad = await expectAppError(
      punchClock(loc.ctx.HOST, { action: "nap", userId: server.userId, pin: "2749" }),
      "VALIDATION",
    );
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(["action"]);
  });

  it("does not clock in another location's staff member here", async () => {
    await setMyPin(other.ctx.SERVER, { pin: "5802" });
    const e = await expectAppError(
      punchClock(loc.ctx.HOST, { action: "clock-in", userId: other.staff.SERVER.userId, pin: "5802" }),
      "UNAUTHENTICATED",
    );
    expect(e.message).toBe(PIN_WRONG);
  });

  it("keeps one open punch when two screens clock the same person in at once", async () => {
    const cashier = await addStaff(loc, "CASHIER", { name: "Cass" });
    await setMyPin(cashier.ctx, { pin: "7316" });
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        punchClock(loc.ctx.HOST, { action: "clock-in", userId: cashier.userId, pin: "7316" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: "CONFLICT",
        message: "Cass is already clocked in",
      });
    }
    expect(await db.timePunch.count({ where: { userId: cashier.userId } })).toBe(1);
  });
});

describe("corrections", () => {
  let person: StaffMember;
  let punchId: string;
  const hoursAgo = (h: number) => new Date(Date.now() - h * 60 * MIN).toISOString();

  beforeAll(async () => {
    person = await addStaff(loc, "SERVER", { name: "Pat" });
    const p = await addPunch(loc.ctx.MANAGER, {
      userId: person.userId,
      clockInAt: hoursAgo(10),
      clockOutAt: hoursAgo(6),
      reason: "Forgot to clock in",
    });
    punchId = p.punchId;
  });

  it("stores who, when and why on an added punch and audits it", async () => {
    const row = await db.timePunch.findUniqueOrThrow({ where: { id: punchId } });
    expect(row).toMatchObject({ correctedById: loc.staff.MANAGER.userId, correctionReason: "Forgot to clock in" });
    expect(await db.auditLog.count({ where: { action: "timeclock.punch.added", entityId: punchId } })).toBe(1);
  });

  it("corrects times with the before and after in the audit", async () => {
    const before = await db.timePunch.findUniqueOrThrow({ where: { id: punchId } });
    await correctPunch(loc.ctx.MANAGER, {
      id: punchId,
      clockInAt: hoursAgo(9),
      clockOutAt: before.clockOutAt!.toISOString(),
      reason: "Came in at nine",
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "timeclock.punch.corrected", entityId: punchId },
    });
    expect(audit.details).toMatchObject({
      reason: "Came in at nine",
      before: { clockInAt: before.clockInAt.toISOString() },
      after: { clockOutAt: before.clockOutAt!.toISOString() },
    });
  });

  it("refuses an overlapping punch through the database constraint, as a field error", async () => {
    const e = await expectAppError(
      addPunch(loc.ctx.MANAGER, {
        userId: person.userId,
        clockInAt: hoursAgo(7),
        clockOutAt: hoursAgo(5),
        reason: "Second shift",
      }),
      "CONFLICT",
    );
    expect(e.fieldErrors?.clockInAt).toEqual(["Overlaps another punch of Pat"]);
  });

  it("refuses bad times and a missing reason with field errors", async () => {
    const e = await expectAppError(
      correctPunch(loc.ctx.MANAGER, { id: punchId, clockInAt: hoursAgo(5), clockOutAt: hoursAgo(6), reason: "x" }),
      "VALIDATION",
    );
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["reason"]);
    const order = await expectAppError(
      correctPunch(loc.ctx.MANAGER, { id: punchId, clockInAt: hoursAgo(5), clockOutAt: hoursAgo(6), reason: "typo" }),
      "VALIDATION",
    );
    expect(order.fieldErrors?.clockOutAt).toEqual(["Must be after the clock-in"]);
    const garbage = await expectAppError(
      correctPunch(loc.ctx.MANAGER, { id: punchId, clockInAt: "yesterday", reason: "typo" }),
      "VALIDATION",
    );
    expect(garbage.fieldErrors?.clockInAt).toBeDefined();
    const reopen = await expectAppError(
      correctPunch(loc.ctx.MANAGER, { id: punchId, clockInAt: hoursAgo(9), clockOutAt: "", reason: "reopen" }),
      "VALIDATION",
    );
    expect(reopen.fieldErrors?.clockOutAt).toEqual(["Enter the clock-out time"]);
  });

  it("reads a wall-clock time in the location's zone", async () => {
    const r = await correctPunch(loc.ctx.MANAGER, {
      id: punchId,
      clockInAt: "2026-07-01T09:00",
      clockOutAt: "2026-07-01T13:30",
      reason: "Summer fix",
    });
    expect(r.since.toISOString()).toBe("2026-07-01T13:00:00.000Z"); // 09:00 EDT
    expect(r.workedMinutes).toBe(270);
  });

  it("is for managers only (403) and only for this location's punches (404)", async () => {
    await expectAppError(
      correctPunch(loc.ctx.SERVER, { id: punchId, clockInAt: hoursAgo(9), clockOutAt: hoursAgo(6), reason: "mine" }),
      "FORBIDDEN",
    );
    await expectAppError(
      correctPunch(other.ctx.MANAGER, {
        id: punchId,
        clockInAt: hoursAgo(9),
        clockOutAt: hoursAgo(6),
        reason: "theirs",
      }),
      "NOT_FOUND",
    );
    await expectAppError(
      addPunch(other.ctx.MANAGER, {
        userId: person.userId,
        clockInAt: hoursAgo(3),
        clockOutAt: hoursAgo(2),
        reason: "theirs",
      }),
      "NOT_FOUND",
    );
    await expectAppError(getTimesheet(loc.ctx.SERVER, {}), "FORBIDDEN");
  });
});

describe("timesheet", () => {
  it("sums a week per person with overtime, cost and flags, and exports the same to CSV", async () => {
    const t = await buildLocation({ timezone: "America/New_York" });
    await db.location.update({ where: { id: t.id }, data: { overtimeWeeklyMinutes: 600 } });
    const cook = await addStaff(t, "CHEF", { name: "Cory Cook" });
    await db.membership.updateMany({ where: { userId: cook.userId }, data: { hourlyRateCents: 2000 } });
    // Week of Monday 2026-11-23 (EST): two 6-hour days with a 30-minute unpaid break each.
    for (const day of ["2026-11-23", "2026-11-24"]) {
      const p = await addPunch(t.ctx.MANAGER, {
        userId: cook.userId,
        clockInAt: `${day}T10:00`,
        clockOutAt: `${day}T16:00`,
        reason: "Back-filled",
      });
      await db.timeBreak.create({
        data: {
          punchId: p.punchId,
          startedAt: new Date(`${day}T17:00:00Z`),
          endedAt: new Date(`${day}T17:30:00Z`),
        },
      });
    }
    const sheet = await getTimesheet(t.ctx.MANAGER, { week: "2026-11-26" });
    expect(sheet.period).toMatchObject({ from: "2026-11-23", to: "2026-11-29", weeks: 1, previous: "2026-11-16" });
    const row = sheet.rows.find((r) => r.userId === cook.userId)!;
    // 11 h worked, 10 h regular, 1 h overtime: 10 × $20 + 1 × $30.
    expect(row).toMatchObject({ workedMinutes: 660, regularMinutes: 600, overtimeMinutes: 60, costCents: 23000 });
    expect(sheet.totals).toMatchObject({ workedMinutes: 660, costCents: 23000, uncosted: 0 });
    expect(sheet.punches).toHaveLength(2);
    expect(sheet.punches[0].correction?.reason).toBe("Back-filled");

    const { csv } = await exportTimesheetCsv(t.ctx.MANAGER, { from: "2026-11-24", to: "2026-11-24" });
    const table = parseCsvTable(csv, { required: TIMESHEET_CSV_COLUMNS });
    expect(table.errors).toEqual([]);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0].values).toMatchObject({
      name: "Cory Cook",
      week_start: "2026-11-23",
      worked_hours: "11.00",
      overtime_hours: "1.00",
      labour_cost: "230.00",
    });

    const other = await getTimesheet(loc.ctx.MANAGER, { week: "2026-11-26" });
    expect(other.rows.find((r) => r.userId === cook.userId)).toBeUndefined();
  });

  it("refuses a half-given or too long period with field errors", async () => {
    const half = await expectAppError(getTimesheet(loc.ctx.MANAGER, { from: "2026-11-01" }), "VALIDATION");
    expect(half.fieldErrors?.to).toBeDefined();
    const long = await expectAppError(
      getTimesheet(loc.ctx.MANAGER, { from: "2025-01-01", to: "2026-11-01" }),
      "VALIDATION",
    );
    expect(long.fieldErrors?.to?.[0]).toMatch(/At most 26 weeks/);
  });
});

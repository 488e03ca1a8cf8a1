// Checklists handed to shifts (issue 10, "assigned per shift"): who sees and may tick which list on
// which business day, next to the role/station rules; bad input, wrong role, tenancy (also in the
// database), drafts, and two writes at once.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { floorChannel, kitchenChannel, TASK_EVENTS } from "@/lib/realtime/events";
import { flushPublishes } from "@/lib/realtime/publish";
import { copyWeek } from "@/lib/schedule/copy-week";
import { createShift } from "@/lib/schedule/create-shift";
import { deleteShift } from "@/lib/schedule/delete-shift";
import { getScheduleWeek } from "@/lib/schedule/get-schedule-week";
import { listMyShifts } from "@/lib/schedule/list-my-shifts";
import { listShifts } from "@/lib/schedule/list-shifts";
import { publishWeek } from "@/lib/schedule/publish-week";
import { updateShift } from "@/lib/schedule/update-shift";
import { archiveChecklist } from "@/lib/tasks/archive-checklist";
import { completeTask } from "@/lib/tasks/complete-task";
import { getTodayTasks } from "@/lib/tasks/get-today-tasks";
import { saveChecklist } from "@/lib/tasks/save-checklist";
import { uncompleteTask } from "@/lib/tasks/uncomplete-task";
import { addStaff, buildLocation, type BuiltLocation, type StaffMember } from "./builders/location";
import { buildStations } from "./builders/kitchen";
import { expectAppError } from "./helpers";

// The realtime hints go to a local receiver standing in for the Pusher HTTP API.
type Published = { channel: string; name: string; data: string };
const published: Published[] = [];
const receiver = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    published.push(...((JSON.parse(body).batch ?? []) as Published[]));
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});
await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
Object.assign(process.env, {
  PUSHER_HOST: "127.0.0.1",
  PUSHER_PORT: String((receiver.address() as AddressInfo).port),
  PUSHER_USE_TLS: "false",
});

// Wednesday 2027-06-09 in UTC (cut-off 04:00): the business day of NOW.
const WEEK = "2027-06-07";
const NOW = new Date("2027-06-09T12:00:00Z");
const TOMORROW = new Date("2027-06-10T12:00:00Z");
const at = (day: number, hour: number) => new Date(Date.UTC(2027, 5, day, hour)).toISOString();

let here: BuiltLocation;
let there: BuiltLocation;
let alice: StaffMember; // a server whose shift gets the list
let bob: StaffMember; // another server, no list
let grill: string;

beforeAll(async () => {
  here = await buildLocation({ names: { SERVER: "Alice" } });
  there = await buildLocation();
  alice = here.staff.SERVER;
  bob = await addStaff(here, "SERVER", { name: "Bob" });
  grill = (await buildStations(here.id, [{ slug: `grill-${here.slug}`, name: "Grill" }]))[`grill-${here.slug}`];
});

const list = async (name: string, extra: { role?: "CHEF" | "SERVER"; stationId?: string } = {}) =>
  (
    await saveChecklist(here.ctx.MANAGER, {
      name,
      kind: "CLOSING",
      role: extra.role ?? null,
      stationId: extra.stationId ?? null,
      dueTime: "11:00",
      tasks: [{ label: `${name}: first` }, { label: `${name}: second` }],
    })
  ).id;
const tasksOf = async (checklistId: string) =>
  db.checklistTask.findMany({ where: { checklistId }, orderBy: { sortOrder: "asc" }, select: { id: true } });
const visible = async (who: { role: string } & Parameters<typeof getTodayTasks>[0], when = NOW) =>
  (await getTodayTasks(who, {}, when)).checklists.map((c) => c.name);

describe("handing checklists to shifts", () => {
  it("the person on the shift sees and ticks a list for anyone; others of the role do not that day", async () => {
    const cellar = await list("Cellar count");
    const shift = await createShift(here.ctx.MANAGER, {
      userId: alice.userId,
      startsAt: at(9, 9),
      endsAt: at(9, 17),
      checklistIds: [cellar],
    });
    await createShift(here.ctx.MANAGER, { userId: bob.userId, startsAt: at(9, 10), endsAt: at(9, 18) });
    // A draft shift hands nothing to anyone yet: the list is still for anyone.
    expect(await visible(bob.ctx)).toContain("Cellar count");
    await publishWeek(here.ctx.MANAGER, { week: WEEK });

    const mine = (await getTodayTasks(alice.ctx, {}, NOW)).checklists.find((c) => c.name === "Cellar count");
    expect(mine?.assignees).toEqual([{ name: "Alice", startsAt: at(9, 9), endsAt: at(9, 17), me: true }]);
    expect(await visible(bob.ctx)).not.toContain("Cellar count");
    expect(await visible(here.ctx.HOST)).not.toContain("Cellar count");
    const managerView = (await getTodayTasks(here.ctx.MANAGER, {}, NOW)).checklists.find((c) => c.id === cellar);
    expect(managerView?.assignees.map((a) => a.name)).toEqual(["Alice"]);

    const [first] = await tasksOf(cellar);
    await expectAppError(completeTask(bob.ctx, { taskId: first.id }, NOW), "FORBIDDEN");
    await expect(completeTask(alice.ctx, { taskId: first.id }, NOW)).resolves.toMatchObject({ completedBy: "Alice" });
    await expectAppError(uncompleteTask(bob.ctx, { taskId: first.id }, NOW), "FORBIDDEN");
    // Another day without a shift list: back to "for anyone".
    expect(await visible(bob.ctx, TOMORROW)).toContain("Cellar count");
    // Her upcoming shifts name the list too.
    const upcoming = await listMyShifts(alice.ctx, NOW);
    expect(upcoming.shifts.find((s) => s.id === shift.id)?.checklistNames).toEqual(["Cellar count"]);
    await deleteShift(here.ctx.MANAGER, { id: shift.id });
    expect(await db.shiftChecklist.count({ where: { shiftId: shift.id } })).toBe(0);
  });

  it("adds to the role/station lists: a chef's list handed to a server's shift; chefs keep it", async () => {
    const prep = await list("Grill prep", { role: "CHEF", stationId: grill });
    const bar = await list("Bar close", { role: "SERVER" });
    await createShift(here.ctx.MANAGER, {
      userId: alice.userId,
      startsAt: at(9, 6),
      endsAt: at(9, 8),
      checklistIds: [prep],
    });
    await publishWeek(here.ctx.MANAGER, { week: WEEK });
    expect(await visible(alice.ctx)).toEqual(expect.arrayContaining(["Grill prep", "Bar close"]));
    expect(await visible(bob.ctx)).toContain("Bar close");
    expect(await visible(bob.ctx)).not.toContain("Grill prep");
    expect(await visible(here.ctx.CHEF)).toContain("Grill prep");
    // The kitchen drawer of another station still shows the server's own shift list.
    const drawer = await getTodayTasks(alice.ctx, { station: grill }, NOW);
    expect(drawer.checklists.map((c) => c.id)).toContain(prep);
    const [task] = await tasksOf(prep);
    await expect(completeTask(alice.ctx, { taskId: task.id }, NOW)).resolves.toMatchObject({ done: true });
    const [barTask] = await tasksOf(bar);
    await expectAppError(completeTask(here.ctx.CHEF, { taskId: barTask.id }, NOW), "FORBIDDEN");
  });

  it("the schedule shows each shift's lists; an update replaces them, one without the field keeps them", async () => {
    const a = await list("Opening A");
    const b = await list("Opening B");
    const shift = await createShift(here.ctx.MANAGER, {
      userId: here.staff.HOST.userId,
      startsAt: at(8, 9),
      endsAt: at(8, 12),
      checklistIds: [a, a, b],
    });
    const week = await getScheduleWeek(here.ctx.MANAGER, { week: WEEK });
    expect(week.checklists.map((c) => c.id)).toEqual(expect.arrayContaining([a, b]));
    expect(week.shifts.find((s) => s.id === shift.id)?.checklistIds.sort()).toEqual([a, b].sort());
    const listed = await listShifts(here.ctx.MANAGER, { from: "2027-06-07", to: "2027-06-14" });
    expect(
      listed.shifts
        .find((s) => s.id === shift.id)
        ?.checklists.map((c) => c.name)
        .sort(),
    ).toEqual(["Opening A", "Opening B"]);
    await updateShift(here.ctx.MANAGER, { id: shift.id, checklistIds: [b] });
    await updateShift(here.ctx.MANAGER, { id: shift.id, notes: "keeps lists" });
    const rows = await db.shiftChecklist.findMany({ where: { shiftId: shift.id } });
    expect(rows.map((r) => r.checklistId)).toEqual([b]);
    await updateShift(here.ctx.MANAGER, { id: shift.id, checklistIds: [] });
    expect(await db.shiftChecklist.count({ where: { shiftId: shift.id } })).toBe(0);
    const audit = await db.auditLog.findFirst({
      where: { entityId: shift.id, action: "schedule.shift.update" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.details).toMatchObject({ checklistIds: [] });
  });

  it("refuses another location's list, an archived list, junk ids and a server; the database refuses a mix too", async () => {
    const foreign = (await saveChecklist(there.ctx.MANAGER, { name: "Theirs", tasks: [{ label: "x" }] })).id;
    const archived = await list("Old list");
    await archiveChecklist(here.ctx.MANAGER, { id: archived });
    const base = { userId: here.staff.CASHIER.userId, startsAt: at(11, 9), endsAt: at(11, 12) };
    for (const ids of [[foreign], [archived], ["nope"]]) {
      const e = await expectAppError(createShift(here.ctx.MANAGER, { ...base, checklistIds: ids }), "VALIDATION");
      expect(e.fieldErrors?.checklistIds?.[0]).toMatch(/Choose checklists from the list/);
    }
    const tooMany = await expectAppError(
      createShift(here.ctx.MANAGER, { ...base, checklistIds: Array.from({ length: 21 }, (_, i) => `id${i}`) }),
      "VALIDATION",
    );
    expect(tooMany.fieldErrors?.checklistIds).toBeDefined();
    expect(await db.shift.count({ where: { userId: base.userId } })).toBe(0); // nothing half-written
    await expectAppError(createShift(here.ctx.SERVER, { ...base, checklistIds: [] }), "FORBIDDEN");

    const shift = await createShift(here.ctx.MANAGER, base);
    await expectAppError(updateShift(here.ctx.MANAGER, { id: shift.id, checklistIds: [foreign] }), "VALIDATION");
    await expect(db.shiftChecklist.create({ data: { shiftId: shift.id, checklistId: foreign } })).rejects.toThrow(
      /ShiftChecklist_same_location/,
    );
  });

  it("copying a week keeps each shift's live lists, not archived ones", async () => {
    const keep = await list("Copied list");
    const gone = await list("Archived before the copy");
    const chef = here.staff.CHEF.userId;
    await createShift(here.ctx.MANAGER, {
      userId: chef,
      startsAt: at(10, 9),
      endsAt: at(10, 12),
      checklistIds: [keep, gone],
    });
    await createShift(here.ctx.MANAGER, { userId: chef, startsAt: at(10, 14), endsAt: at(10, 16) });
    await archiveChecklist(here.ctx.MANAGER, { id: gone });
    expect((await copyWeek(here.ctx.MANAGER, { week: "2027-06-14" })).copied).toBeGreaterThanOrEqual(2);
    const copies = await db.shift.findMany({
      where: { userId: chef, startsAt: { gte: new Date(at(17, 0)), lt: new Date(at(18, 0)) } },
      select: { startsAt: true, checklists: { select: { checklistId: true } } },
      orderBy: { startsAt: "asc" },
    });
    expect(copies.map((c) => [c.startsAt.toISOString(), c.checklists.map((l) => l.checklistId)])).toEqual([
      [at(17, 9), [keep]],
      [at(17, 14), []],
    ]);
  });

  it("two managers handing lists to one shift at once: no error, one consistent set", async () => {
    const a = await list("Race A");
    const b = await list("Race B");
    const shift = await createShift(here.ctx.MANAGER, {
      userId: here.staff.CASHIER.userId,
      startsAt: at(12, 9),
      endsAt: at(12, 12),
    });
    const results = await Promise.allSettled([
      updateShift(here.ctx.MANAGER, { id: shift.id, checklistIds: [a, b] }),
      updateShift(here.ctx.ADMIN, { id: shift.id, checklistIds: [a, b] }),
      updateShift(here.ctx.MANAGER, { id: shift.id, checklistIds: [b, a] }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
    const rows = await db.shiftChecklist.findMany({ where: { shiftId: shift.id } });
    expect(rows.map((r) => r.checklistId).sort()).toEqual([a, b].sort());
  });

  it("screens hear of it when lists reach or leave a published shift; drafts stay quiet", async () => {
    const hinted = async () => {
      await flushPublishes();
      const ids = published
        .filter((m) => m.name === TASK_EVENTS.checklistChanged && m.channel === floorChannel(here.id))
        .map((m) => (JSON.parse(m.data) as { checklistId: string; businessDate: string }).checklistId);
      const kitchen = published.filter(
        (m) => m.name === TASK_EVENTS.checklistChanged && m.channel === kitchenChannel(here.id),
      );
      expect(kitchen).toHaveLength(ids.length);
      published.length = 0;
      return [...new Set(ids)];
    };
    const lists = [await list("Hint A"), await list("Hint B")];
    await hinted();
    const host = here.staff.HOST.userId;
    const shift = await createShift(here.ctx.MANAGER, {
      userId: host,
      startsAt: at(13, 9),
      endsAt: at(13, 11),
      checklistIds: [lists[0]],
    });
    await updateShift(here.ctx.MANAGER, { id: shift.id, checklistIds: [lists[1]] });
    expect(await hinted()).toEqual([]); // a draft: nobody sees it yet
    await publishWeek(here.ctx.MANAGER, { week: WEEK });
    expect(await hinted()).toContain(lists[1]);
    await updateShift(here.ctx.MANAGER, { id: shift.id, checklistIds: [lists[0]] });
    expect((await hinted()).sort()).toEqual([...lists].sort());
    await deleteShift(here.ctx.MANAGER, { id: shift.id });
    expect(await hinted()).toEqual([lists[0]]);
  });
});

// Checklists against the real database: CRUD with archiving, who sees which list, ticks per business
// day (idempotent, concurrent, audited unticks), overdue lists, roles and tenancy.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { archiveChecklist } from "@/lib/tasks/archive-checklist";
import { completeTask } from "@/lib/tasks/complete-task";
import { getChecklist } from "@/lib/tasks/get-checklist";
import { getTodayTasks } from "@/lib/tasks/get-today-tasks";
import { listChecklists } from "@/lib/tasks/list-checklists";
import { saveChecklist } from "@/lib/tasks/save-checklist";
import { uncompleteTask } from "@/lib/tasks/uncomplete-task";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildStations } from "./builders/kitchen";
import { expectAppError, resetDb } from "./helpers";

let here: BuiltLocation;
let there: BuiltLocation;
let grill: string;

beforeAll(async () => {
  await resetDb();
  here = await buildLocation({ timezone: "America/New_York" });
  there = await buildLocation();
  grill = (await buildStations(here.id, [{ slug: "grill", name: "Grill" }])).grill;
});

beforeEach(async () => {
  await db.checklist.deleteMany({});
});

async function grillOpening() {
  const { id } = await saveChecklist(here.ctx.MANAGER, {
    name: "Grill opening",
    kind: "OPENING",
    stationId: grill,
    dueTime: "11:00",
    tasks: [{ label: "Light the grill" }, { label: "Check fridge temps" }],
  });
  return getChecklist(here.ctx.MANAGER, { id });
}

describe("checklist editor", () => {
  it("creates, reorders, renames and archives tasks (keeping their ticks)", async () => {
    const list = await grillOpening();
    expect(list).toMatchObject({ name: "Grill opening", kind: "OPENING", stationName: "Grill", dueTime: "11:00" });
    const [light, fridge] = list.tasks;
    await completeTask(here.ctx.CHEF, { taskId: light.id });
    await saveChecklist(here.ctx.MANAGER, {
      id: list.id,
      name: "Grill opening",
      kind: "OPENING",
      stationId: grill,
      dueTime: "10:30",
      tasks: [
        { id: fridge.id, label: "Fridge temps ≤ 5 °C" },
        { id: light.id, label: "Light the grill" },
        { label: "Oil the grates" },
      ],
    });
    const after = await getChecklist(here.ctx.MANAGER, { id: list.id });
    expect(after.tasks.map((t) => t.label)).toEqual(["Fridge temps ≤ 5 °C", "Light the grill", "Oil the grates"]);
    expect(after.dueTime).toBe("10:30");
    const today = await getTodayTasks(here.ctx.CHEF, { station: "grill" });
    expect(today.checklists[0].tasks.find((t) => t.id === light.id)).toMatchObject({
      done: true,
      completedBy: "Test chef",
    });
    // Dropping a task archives it.
    await saveChecklist(here.ctx.MANAGER, {
      id: list.id,
      name: "Grill opening",
      tasks: [{ id: light.id, label: "Light" }],
    });
    expect(await db.checklistTask.count({ where: { checklistId: list.id, archivedAt: { not: null } } })).toBe(2);

    await archiveChecklist(here.ctx.MANAGER, { id: list.id });
    expect((await listChecklists(here.ctx.MANAGER)).checklists).toEqual([]);
    expect((await listChecklists(here.ctx.MANAGER, { archived: "true" })).checklists).toHaveLength(1);
    expect((await getTodayTasks(here.ctx.CHEF)).checklists).toEqual([]);
    await expectAppError(completeTask(here.ctx.CHEF, { taskId: light.id }), "NOT_FOUND");
  });

  it("refuses bad input with field errors", async () => {
    const e = await expectAppError(
      saveChecklist(here.ctx.MANAGER, { name: " ", kind: "LUNCH" as never, dueTime: "25:00", tasks: [] }),
      "VALIDATION",
    );
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["dueTime", "kind", "name", "tasks"]);
    const e2 = await expectAppError(
      saveChecklist(here.ctx.MANAGER, { name: "x", stationId: "nope", tasks: [{ label: "a" }] }),
      "VALIDATION",
    );
    expect(e2.fieldErrors?.stationId).toBeDefined();
  });

  it("refuses other roles and answers 404 for another location's list", async () => {
    const list = await grillOpening();
    for (const role of ["SERVER", "CHEF", "HOST", "CASHIER"] as const)
      await expectAppError(saveChecklist(here.ctx[role], { name: "x", tasks: [{ label: "a" }] }), "FORBIDDEN");
    await expectAppError(getChecklist(there.ctx.MANAGER, { id: list.id }), "NOT_FOUND");
    await expectAppError(archiveChecklist(there.ctx.ADMIN, { id: list.id }), "NOT_FOUND");
    await expectAppError(
      saveChecklist(there.ctx.MANAGER, { id: list.id, name: "Stolen", tasks: [{ label: "a" }] }),
      "NOT_FOUND",
    );
    await expectAppError(completeTask(there.ctx.MANAGER, { taskId: list.tasks[0].id }), "NOT_FOUND");
    // A task of another list cannot be smuggled into this one.
    const other = await saveChecklist(here.ctx.MANAGER, { name: "Other", tasks: [{ label: "b" }] });
    const otherTask = (await getChecklist(here.ctx.MANAGER, other)).tasks[0];
    const e = await expectAppError(
      saveChecklist(here.ctx.MANAGER, { id: list.id, name: "x", tasks: [{ id: otherTask.id, label: "b" }] }),
      "VALIDATION",
    );
    expect(e.fieldErrors?.["tasks.0.id"]).toBeDefined();
    // Nor into a new one (found by the route fuzz test: it was a 500).
    const e2 = await expectAppError(
      saveChecklist(here.ctx.MANAGER, { name: "New", tasks: [{ id: otherTask.id, label: "b" }] }),
      "VALIDATION",
    );
    expect(e2.fieldErrors?.["tasks.0.id"]).toBeDefined();
  });
});

describe("ticking", () => {
  it("records who and when, is idempotent, and survives two screens at once", async () => {
    const list = await grillOpening();
    const taskId = list.tasks[0].id;
    const [a, b] = await Promise.all([
      completeTask(here.ctx.CHEF, { taskId }),
      completeTask(here.ctx.MANAGER, { taskId }),
    ]);
    expect([a.alreadyDone, b.alreadyDone].sort()).toEqual([false, true]);
    expect(a.completedAt).toBe(b.completedAt);
    const again = await completeTask(here.ctx.CHEF, { taskId });
    expect(again).toMatchObject({ done: true, alreadyDone: true, completedAt: a.completedAt });
    expect(await db.taskCompletion.count({ where: { taskId } })).toBe(1);
  });

  it("ticks per business day: 02:00 belongs to the day before (cut-off 04:00)", async () => {
    const list = await grillOpening();
    const taskId = list.tasks[0].id;
    const late = await completeTask(here.ctx.CHEF, { taskId }, new Date("2026-12-02T07:00:00Z")); // 02:00 EST
    expect(late.businessDate).toBe("2026-12-01");
    const next = await completeTask(here.ctx.CHEF, { taskId }, new Date("2026-12-02T10:00:00Z")); // 05:00 EST
    expect(next).toMatchObject({ businessDate: "2026-12-02", alreadyDone: false });
  });

  it("unticks with an audit record; unticking an open task changes nothing", async () => {
    const list = await grillOpening();
    const taskId = list.tasks[0].id;
    await completeTask(here.ctx.CHEF, { taskId });
    await uncompleteTask(here.ctx.MANAGER, { taskId });
    await uncompleteTask(here.ctx.MANAGER, { taskId });
    expect(await db.taskCompletion.count({ where: { taskId } })).toBe(0);
    const audits = await db.auditLog.findMany({ where: { entityId: taskId, action: "tasks.task.untick" } });
    expect(audits).toHaveLength(1);
    expect(audits[0].details).toMatchObject({ tickedBy: here.staff.CHEF.userId });
  });

  it("lets each role tick only its lists", async () => {
    const list = await grillOpening();
    const servers = await saveChecklist(here.ctx.MANAGER, {
      name: "Server side work",
      role: "SERVER",
      tasks: [{ label: "Roll silverware" }],
    });
    const serverTask = (await getChecklist(here.ctx.MANAGER, servers)).tasks[0].id;
    await expectAppError(completeTask(here.ctx.SERVER, { taskId: list.tasks[0].id }), "FORBIDDEN");
    await expectAppError(completeTask(here.ctx.CHEF, { taskId: serverTask }), "FORBIDDEN");
    await completeTask(here.ctx.SERVER, { taskId: serverTask });
    expect((await getTodayTasks(here.ctx.SERVER)).checklists.map((c) => c.name)).toEqual(["Server side work"]);
    expect((await getTodayTasks(here.ctx.CHEF)).checklists.map((c) => c.name)).toEqual(["Grill opening"]);
    expect((await getTodayTasks(here.ctx.MANAGER)).checklists).toHaveLength(2);
    await expectAppError(getTodayTasks(here.ctx.CHEF, { station: "no-such" }), "NOT_FOUND");
  });

  it("shows a list overdue once its due time passed unfinished, and done when all are ticked", async () => {
    const list = await grillOpening(); // due 11:00 New York = 16:00Z
    const before = new Date("2026-12-01T15:00:00Z");
    const after = new Date("2026-12-01T16:30:00Z");
    expect((await getTodayTasks(here.ctx.MANAGER, {}, before)).checklists[0].status).toBe("OPEN");
    const late = await getTodayTasks(here.ctx.MANAGER, {}, after);
    expect(late).toMatchObject({ businessDate: "2026-12-01", overdue: 1 });
    for (const t of list.tasks) await completeTask(here.ctx.CHEF, { taskId: t.id }, after);
    const done = await getTodayTasks(here.ctx.MANAGER, {}, after);
    expect(done.checklists[0]).toMatchObject({ status: "DONE", done: 2, total: 2 });
    expect(done.overdue).toBe(0);
  });
});

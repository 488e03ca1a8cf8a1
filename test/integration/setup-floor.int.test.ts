// Areas, tables and the floor plan against the real database: archive rules, label uniqueness,
// grid limits, tenancy, roles, concurrency, and the layout hint every floor view refetches on.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { openOrder } from "@/lib/orders/open-order";
import { flushPublishes } from "@/lib/realtime/publish";
import { FLOOR_EVENTS, floorChannel } from "@/lib/realtime/events";
import { archiveArea } from "@/lib/tables/archive-area";
import { archiveTable } from "@/lib/tables/archive-table";
import { createTable } from "@/lib/tables/create-table";
import { GRID_COLS } from "@/lib/tables/floor-grid";
import { getAreaPlan } from "@/lib/tables/get-area-plan";
import { getTableSetup } from "@/lib/tables/get-table-setup";
import { listAreas } from "@/lib/tables/list-areas";
import { listFloor } from "@/lib/tables/list-floor";
import { listTables } from "@/lib/tables/list-tables";
import { moveArea } from "@/lib/tables/move-area";
import { saveArea } from "@/lib/tables/save-area";
import { updateTable } from "@/lib/tables/update-table";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildTables } from "./builders/tables";
import { tag } from "./builders/tag";
import { expectAppError, resetDb, testDb } from "./helpers";

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

let loc: BuiltLocation;
let other: BuiltLocation;

beforeAll(async () => {
  await resetDb();
  [loc, other] = await Promise.all([buildLocation(), buildLocation()]);
});

async function newArea(l = loc) {
  return saveArea(l.ctx.MANAGER, { name: `Room ${tag()}` });
}

describe("areas", () => {
  it("creates areas in order, renames, reorders and lists them with their active tables", async () => {
    const a = await newArea();
    const b = await newArea();
    await saveArea(loc.ctx.ADMIN, { id: a.id, name: "Terrace " + tag() });
    expect(await moveArea(loc.ctx.MANAGER, { id: b.id, direction: "up" })).toEqual({ moved: true });
    const ids = (await listAreas(loc.ctx.MANAGER)).map((x) => x.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    expect(await moveArea(loc.ctx.MANAGER, { id: ids[0], direction: "up" })).toEqual({ moved: false });
  });

  it("refuses an empty or duplicate name with field errors", async () => {
    const e1 = await expectAppError(saveArea(loc.ctx.MANAGER, { name: "  " }), "VALIDATION");
    expect(e1.fieldErrors?.name).toBeDefined();
    const name = `Bar ${tag()}`;
    await saveArea(loc.ctx.MANAGER, { name });
    const e2 = await expectAppError(saveArea(loc.ctx.MANAGER, { name }), "CONFLICT");
    expect(e2.fieldErrors?.name).toBeDefined();
  });

  it("refuses to archive an area while it has active tables, then archives and restores it", async () => {
    const area = await newArea();
    const t = await createTable(loc.ctx.MANAGER, { areaId: area.id, label: `A${tag()}` });
    await expectAppError(archiveArea(loc.ctx.MANAGER, { id: area.id }), "INVALID_STATE");
    await archiveTable(loc.ctx.MANAGER, { id: t.id });
    await archiveArea(loc.ctx.MANAGER, { id: area.id });
    expect((await listFloor(loc.ctx.SERVER)).some((a) => a.id === area.id)).toBe(false);
    // No new table goes into an archived area; restoring the table needs the area back.
    const e = await expectAppError(createTable(loc.ctx.MANAGER, { areaId: area.id, label: `B${tag()}` }), "VALIDATION");
    expect(e.fieldErrors?.areaId).toBeDefined();
    await expectAppError(archiveTable(loc.ctx.MANAGER, { id: t.id, archived: false }), "VALIDATION");
    await archiveArea(loc.ctx.MANAGER, { id: area.id, archived: false });
    await archiveTable(loc.ctx.MANAGER, { id: t.id, archived: false });
    expect((await listFloor(loc.ctx.SERVER)).find((a) => a.id === area.id)?.tables.map((x) => x.id)).toEqual([t.id]);
  });

  it("answers another location's area as not found and refuses floor staff", async () => {
    const theirs = await newArea(other);
    await expectAppError(saveArea(loc.ctx.MANAGER, { id: theirs.id, name: "Mine now" }), "NOT_FOUND");
    await expectAppError(archiveArea(loc.ctx.MANAGER, { id: theirs.id }), "NOT_FOUND");
    await expectAppError(moveArea(loc.ctx.MANAGER, { id: theirs.id, direction: "down" }), "NOT_FOUND");
    await expectAppError(getAreaPlan(loc.ctx.MANAGER, theirs.id), "NOT_FOUND");
    await expectAppError(saveArea(loc.ctx.SERVER, { name: "Nope" }), "FORBIDDEN");
    await expectAppError(listAreas(loc.ctx.HOST), "FORBIDDEN");
  });
});

describe("tables", () => {
  it("places a new table in the first free spot, or where asked, inside the room", async () => {
    const area = await newArea();
    const first = await createTable(loc.ctx.MANAGER, { areaId: area.id, label: `T${tag()}`, width: 2, height: 2 });
    const second = await createTable(loc.ctx.MANAGER, { areaId: area.id, label: `T${tag()}`, width: 2, height: 2 });
    expect([first.posX, first.posY, second.posX, second.posY]).toEqual([0, 0, 2, 0]);
    const edge = await createTable(loc.ctx.MANAGER, {
      areaId: area.id,
      label: `T${tag()}`,
      width: 4,
      height: 2,
      posX: GRID_COLS - 1,
      posY: 3,
      shape: "RECT",
      rotation: 90,
    });
    expect(edge.posX).toBe(GRID_COLS - 4);
    expect(await getTableSetup(loc.ctx.MANAGER, edge.id)).toMatchObject({ shape: "RECT", rotation: 90, width: 4 });
  });

  it("moves, turns and edits a table, audited with what changed", async () => {
    const area = await newArea();
    const t = await createTable(loc.ctx.MANAGER, { areaId: area.id, label: `M${tag()}` });
    const moved = await updateTable(loc.ctx.MANAGER, { id: t.id, changes: { posX: 7, posY: 5, rotation: 45 } });
    expect(moved).toMatchObject({ posX: 7, posY: 5, rotation: 45 });
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { entityId: t.id, action: "floor.table.update" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.details).toEqual({
      before: { posX: 0, posY: 0, rotation: 0 },
      after: { posX: 7, posY: 5, rotation: 45 },
    });
    const area2 = await newArea();
    await updateTable(loc.ctx.MANAGER, { id: t.id, changes: { areaId: area2.id, seats: 6, shape: "ROUND" } });
    expect((await getAreaPlan(loc.ctx.MANAGER, area2.id)).tables.map((x) => x.id)).toEqual([t.id]);
  });

  it("refuses bad input with field errors (never a 500)", async () => {
    const area = await newArea();
    const e = await expectAppError(
      createTable(loc.ctx.MANAGER, {
        areaId: area.id,
        label: "",
        seats: 0,
        // @ts-expect-error: a shape the enum does not have
        shape: "HEXAGON",
        width: 9,
        rotation: 10,
      }),
      "VALIDATION",
    );
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["label", "rotation", "seats", "shape", "width"]);
    const t = await createTable(loc.ctx.MANAGER, { areaId: area.id, label: `V${tag()}` });
    const e2 = await expectAppError(
      updateTable(loc.ctx.MANAGER, { id: t.id, changes: { posX: -1, rotation: 360 } }),
      "VALIDATION",
    );
    expect(Object.keys(e2.fieldErrors ?? {}).sort()).toEqual(["changes.posX", "changes.rotation"]);
    await expectAppError(
      // @ts-expect-error: status is not the editor's to change
      updateTable(loc.ctx.MANAGER, { id: t.id, changes: { status: "FREE" } }),
      "VALIDATION",
    );
  });

  it("keeps labels unique per location, archived tables included (restore instead)", async () => {
    const area = await newArea();
    const label = `L${tag()}`.slice(0, 8);
    const t = await createTable(loc.ctx.MANAGER, { areaId: area.id, label });
    const dup = await expectAppError(createTable(loc.ctx.MANAGER, { areaId: area.id, label }), "CONFLICT");
    expect(dup.fieldErrors?.label?.[0]).toMatch(/already exists/);
    await archiveTable(loc.ctx.MANAGER, { id: t.id });
    const archived = await expectAppError(createTable(loc.ctx.MANAGER, { areaId: area.id, label }), "CONFLICT");
    expect(archived.fieldErrors?.label?.[0]).toMatch(/archived: restore it/);
    // Another location may use the same label.
    const theirArea = await newArea(other);
    await createTable(other.ctx.MANAGER, { areaId: theirArea.id, label });
  });

  it("lets only one of two simultaneous creates take a label", async () => {
    const area = await newArea();
    const label = `C${tag()}`.slice(0, 8);
    const results = await Promise.allSettled([
      createTable(loc.ctx.MANAGER, { areaId: area.id, label }),
      createTable(loc.ctx.ADMIN, { areaId: area.id, label }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.code).toBe("CONFLICT");
  });

  it("refuses to archive a table with an open order; an archived table takes no orders and leaves the floor", async () => {
    const { [`O1`]: busy, [`O2`]: idle } = await buildTables(loc.id, ["O1", "O2"]);
    await openOrder(loc.ctx.SERVER, { tableId: busy, guestCount: 2 });
    const e = await expectAppError(archiveTable(loc.ctx.MANAGER, { id: busy }), "INVALID_STATE");
    expect(e.message).toMatch(/open order/);
    expect((await getTableSetup(loc.ctx.MANAGER, busy)).hasOpenOrder).toBe(true);
    await archiveTable(loc.ctx.MANAGER, { id: idle });
    await expectAppError(openOrder(loc.ctx.SERVER, { tableId: idle, guestCount: 2 }), "NOT_FOUND");
    const floorIds = (await listFloor(loc.ctx.SERVER)).flatMap((a) => a.tables.map((t) => t.id));
    expect(floorIds).toContain(busy);
    expect(floorIds).not.toContain(idle);
    expect((await listTables(loc.ctx.MANAGER)).map((t) => t.id)).not.toContain(idle);
    expect((await listTables(loc.ctx.MANAGER, { includeArchived: true })).map((t) => t.id)).toContain(idle);
  });

  it("serialises archive against open: one of them wins, never both", async () => {
    const { R1: id } = await buildTables(loc.id, ["R1"]);
    const [archived, opened] = await Promise.allSettled([
      archiveTable(loc.ctx.MANAGER, { id }),
      openOrder(loc.ctx.SERVER, { tableId: id, guestCount: 2 }),
    ]);
    expect([archived.status, opened.status].filter((s) => s === "fulfilled")).toHaveLength(1);
  });

  it("answers another location's table or area as not found, and refuses floor staff", async () => {
    const area = await newArea();
    const theirArea = await newArea(other);
    const theirs = await createTable(other.ctx.MANAGER, { areaId: theirArea.id, label: `X${tag()}` });
    await expectAppError(updateTable(loc.ctx.MANAGER, { id: theirs.id, changes: { posX: 1 } }), "NOT_FOUND");
    await expectAppError(archiveTable(loc.ctx.MANAGER, { id: theirs.id }), "NOT_FOUND");
    await expectAppError(getTableSetup(loc.ctx.MANAGER, theirs.id), "NOT_FOUND");
    const e = await expectAppError(
      createTable(loc.ctx.MANAGER, { areaId: theirArea.id, label: `Y${tag()}` }),
      "VALIDATION",
    );
    expect(e.fieldErrors?.areaId).toBeDefined();
    const mine = await createTable(loc.ctx.MANAGER, { areaId: area.id, label: `Z${tag()}` });
    await expectAppError(
      updateTable(loc.ctx.MANAGER, { id: mine.id, changes: { areaId: theirArea.id } }),
      "VALIDATION",
    );
    await expectAppError(createTable(loc.ctx.SERVER, { areaId: area.id, label: `S${tag()}` }), "FORBIDDEN");
    await expectAppError(updateTable(loc.ctx.CHEF, { id: mine.id, changes: { posX: 1 } }), "FORBIDDEN");
    await expectAppError(archiveTable(loc.ctx.HOST, { id: mine.id }), "FORBIDDEN");
  });
});

describe("live floor", () => {
  it("publishes a layout hint on the floor channel after each change", async () => {
    published.length = 0;
    const area = await newArea();
    const t = await createTable(loc.ctx.MANAGER, { areaId: area.id, label: `P${tag()}` });
    await updateTable(loc.ctx.MANAGER, { id: t.id, changes: { posX: 3 } });
    await archiveTable(loc.ctx.MANAGER, { id: t.id });
    await flushPublishes();
    const hints = published.filter((m) => m.channel === floorChannel(loc.id) && m.name === FLOOR_EVENTS.layoutChanged);
    expect(hints.map((m) => JSON.parse(m.data))).toEqual([
      { areaIds: [area.id], tableIds: [] },
      { areaIds: [area.id], tableIds: [t.id] },
      { areaIds: [area.id], tableIds: [t.id] },
      { areaIds: [area.id], tableIds: [t.id] },
    ]);
  });

  it("publishes nothing for a refused change or a no-op", async () => {
    const area = await newArea();
    const t = await createTable(loc.ctx.MANAGER, { areaId: area.id, label: `N${tag()}` });
    await flushPublishes();
    published.length = 0;
    await updateTable(loc.ctx.MANAGER, { id: t.id, changes: { posX: 0, posY: 0 } });
    await expectAppError(archiveArea(loc.ctx.MANAGER, { id: area.id }), "INVALID_STATE");
    await flushPublishes();
    expect(published).toEqual([]);
  });
});

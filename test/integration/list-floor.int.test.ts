// The floor as a tablet reads it (GET /api/v1/floor): areas in order, tables in natural label
// order, each tile's open order, guest-ordering badge and group — the whole shape, field by field.
import { beforeAll, describe, expect, it } from "vitest";
import { openOrder } from "@/lib/orders/open-order";
import { listFloor } from "@/lib/tables/list-floor";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildTables } from "./builders/tables";
import { resetDb, testDb } from "./helpers";

let loc: BuiltLocation;
let main: Record<string, string>;
let patio: Record<string, string>;

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation();
  main = await buildTables(loc.id, ["10", "2", "1"], { area: "Main" });
  patio = await buildTables(loc.id, ["P1"], { area: "Patio" });
  await buildTables(loc.id, [], { area: "Empty" });
  const db = testDb();
  // Patio first, an archived area and an archived table are not on the floor.
  await db.floorArea.update({
    where: { id: (await db.diningTable.findUniqueOrThrow({ where: { id: patio.P1 } })).areaId },
    data: { sortOrder: -1 },
  });
  const gone = await buildTables(loc.id, ["G1"], { area: "Gone" });
  await db.floorArea.updateMany({ where: { locationId: loc.id, name: "Gone" }, data: { archivedAt: new Date() } });
  await db.diningTable.update({ where: { id: gone.G1 }, data: { archivedAt: new Date() } });
  const old = (await buildTables(loc.id, ["X"], { area: "Old tables" })).X;
  await db.diningTable.update({ where: { id: old }, data: { archivedAt: new Date() } });
  // Table 2 is pushed against 1; a guest orders by QR at P1.
  await db.diningTable.update({ where: { id: main["2"] }, data: { mergedIntoId: main["1"] } });
  await db.guestSession.create({
    data: { locationId: loc.id, tableId: patio.P1, pin: "1234", expiresAt: new Date(Date.now() + 3600_000) },
  });
});

describe("listFloor", () => {
  it("answers areas, tables, open orders, badges and groups in the tablet's shape", async () => {
    const { orderId, number } = await openOrder(loc.ctx.SERVER, { tableId: main["1"], guestCount: 3 });
    const floor = await listFloor(loc.ctx.SERVER);
    expect(floor.map((a) => a.name)).toEqual(["Patio", "Empty", "Main", "Old tables"]);
    expect(floor[1].tables).toEqual([]);
    expect(floor[3].tables).toEqual([]);
    expect(floor[2].tables.map((t) => t.label)).toEqual(["1", "2", "10"]);

    const [one, two, ten] = floor[2].tables;
    const seated = await testDb().diningTable.findUniqueOrThrow({ where: { id: main["1"] } });
    const order = await testDb().order.findUniqueOrThrow({ where: { id: orderId } });
    const openOrderTile = {
      id: orderId,
      number,
      status: "OPEN",
      totalCents: 0,
      dueCents: 0,
      paidCents: 0,
      paymentState: "UNPAID",
      guestCount: 3,
      openedAt: order.openedAt,
      server: { name: loc.ctx.SERVER.name },
    };
    expect(one).toEqual({
      id: main["1"],
      label: "1",
      seats: 4,
      shape: "SQUARE",
      posX: 2,
      posY: 0,
      width: 1,
      height: 1,
      rotation: 0,
      status: "SEATED",
      statusAt: seated.statusAt,
      openOrder: openOrderTile,
      guestOrdering: false,
      group: { primaryId: main["1"], labels: ["1", "2"] },
    });
    // A joined table shows its primary's party and order.
    expect(two).toMatchObject({ id: main["2"], status: "SEATED", openOrder: openOrderTile });
    expect(two.group).toEqual({ primaryId: main["1"], labels: ["1", "2"] });
    expect(ten).toMatchObject({ status: "FREE", openOrder: null, guestOrdering: false, group: null });
    expect(floor[0].tables[0]).toMatchObject({ label: "P1", openOrder: null, guestOrdering: true, group: null });
  });

  it("shows no open order once the order is closed", async () => {
    await testDb().order.updateMany({ where: { locationId: loc.id }, data: { status: "CLOSED" } });
    const tiles = (await listFloor(loc.ctx.SERVER)).flatMap((a) => a.tables);
    expect(tiles.every((t) => t.openOrder === null)).toBe(true);
  });
});

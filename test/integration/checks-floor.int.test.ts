// What the floor's check surfaces read (issue 11, "Surfaces"): the tile's payment state, the order
// pad's Check button, the transfer dialog's staff, and the cashier's list — against PostgreSQL.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { openOrder } from "@/lib/orders/open-order";
import { sendOrder } from "@/lib/orders/send-order";
import { getOrder } from "@/lib/orders/get-order";
import { getOrderChecks } from "@/lib/checks/get-order-checks";
import { splitChecks } from "@/lib/checks/split-checks";
import { listOpenChecks } from "@/lib/checks/list-open-checks";
import { listTransferServers } from "@/lib/checks/list-transfer-servers";
import { recordPayment } from "@/lib/payments/record-payment";
import { listFloor } from "@/lib/tables/list-floor";
import { buildStations } from "./builders/kitchen";
import { addStaff, buildLocation, type BuiltLocation } from "./builders/location";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { buildTables } from "./builders/tables";
import { expectAppError, resetDb, testDb } from "./helpers";

let loc: BuiltLocation;
let server: Ctx, cashier: Ctx, host: Ctx, chef: Ctx;
let other: BuiltLocation;
let tables: Record<string, string>;
let burger: string;

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation({ taxRateBps: 875 });
  ({ SERVER: server, CASHIER: cashier, HOST: host, CHEF: chef } = loc.ctx);
  other = await buildLocation();
  const st = await buildStations(loc.id, [{ slug: "grill", name: "Grill" }]);
  const categoryId = (await buildCategory(loc.id, { name: "Food", defaultStationId: st.grill })).id;
  burger = (await buildMenuItem(loc.id, { categoryId, name: "Burger", stationId: st.grill, priceCents: 1650 })).id;
  tables = await buildTables(loc.id, ["1", "2", "3"]);
});

async function seated(label: string, seats: number[]) {
  const { orderId } = await openOrder(server, { tableId: tables[label]!, guestCount: seats.length });
  await sendOrder(server, {
    orderId,
    idempotencyKey: randomUUID(),
    items: seats.map((seat) => ({ menuItemId: burger, quantity: 1, seat })),
  });
  return orderId;
}

const tileOf = async (ctx: Ctx, label: string) =>
  (await listFloor(ctx)).flatMap((a) => a.tables).find((t) => t.label === label)!;

describe("payment state on the floor", () => {
  it("a tile and the order pad show unpaid, then part paid with what is owed, then paid", async () => {
    const orderId = await seated("1", [1, 2]);
    const unpaid = await tileOf(server, "1");
    expect(unpaid.openOrder).toMatchObject({ id: orderId, paymentState: "UNPAID", paidCents: 0 });
    expect(unpaid.openOrder!.dueCents).toBe(unpaid.openOrder!.totalCents);

    await splitChecks(server, { orderId, by: "seat" });
    const [first, second] = (await getOrderChecks(server, { orderId })).checks.filter((c) => c.lines.length > 0);
    await recordPayment(cashier, {
      checkId: first!.id,
      tender: "CASH",
      amountCents: first!.balanceCents,
      tenderedCents: 2000,
      idempotencyKey: randomUUID(),
    });
    const part = await tileOf(server, "1");
    expect(part.openOrder).toMatchObject({ paymentState: "PARTLY_PAID", paidCents: first!.totalCents });
    expect(part.openOrder!.dueCents - part.openOrder!.paidCents).toBe(second!.balanceCents);
    expect(await getOrder(server, { orderId })).toMatchObject({ paymentState: "PARTLY_PAID" });
    const row = (await listOpenChecks(cashier)).find((o) => o.id === orderId)!;
    expect(row).toMatchObject({ paymentState: "PARTLY_PAID", owedCents: second!.balanceCents, paidCheckCount: 1 });

    await recordPayment(cashier, {
      checkId: second!.id,
      tender: "CARD",
      amountCents: second!.balanceCents,
      tipCents: 300,
      cardBrand: "VISA",
      cardLast4: "4242",
      reference: "T-1",
      idempotencyKey: randomUUID(),
    });
    expect((await tileOf(server, "1")).openOrder).toMatchObject({ paymentState: "PAID" });
    expect(await getOrder(server, { orderId })).toMatchObject({ paymentState: "PAID" });
  });

  it("another location's floor shows none of it", async () => {
    await seated("2", [1]);
    const theirs = (await listFloor(other.ctx.SERVER)).flatMap((a) => a.tables);
    expect(theirs.some((t) => t.openOrder)).toBe(false);
  });
});

describe("the transfer dialog's staff", () => {
  it("lists active order takers here, not kitchen staff, deactivated people or another location's", async () => {
    const gone = await addStaff(loc, "SERVER", { name: "Gone server" });
    await testDb().user.update({ where: { id: gone.userId }, data: { active: false } });
    const names = (await listTransferServers(server)).map((s) => s.name);
    expect(names).toContain(loc.staff.SERVER.name);
    expect(names).toContain(loc.staff.MANAGER.name);
    expect(names).not.toContain("Gone server");
    const ids = (await listTransferServers(server)).map((s) => s.userId);
    expect(ids).not.toContain(loc.staff.CHEF.userId);
    expect(ids).not.toContain(other.staff.SERVER.userId);
  });

  it("refuses roles that may not move checks", async () => {
    await expectAppError(listTransferServers(host), "FORBIDDEN");
    await expectAppError(listTransferServers(chef), "FORBIDDEN");
  });
});

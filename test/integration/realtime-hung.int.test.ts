// A hung realtime server (the process stopped with SIGSTOP: connections accepted, never
// answered) must not slow down sends: the answer comes after commit, publishing happens after
// it with bounded retries (issue 7 #28).
import { createServer, type AddressInfo, type Socket } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { openOrder } from "@/lib/orders/open-order";
import { sendOrder } from "@/lib/orders/send-order";
import { buildLocation } from "./builders/location";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { buildTables } from "./builders/tables";
import { resetDb, testDb } from "./helpers";

const sockets: Socket[] = [];
const hung = createServer((s) => void sockets.push(s));
await new Promise<void>((r) => hung.listen(0, "127.0.0.1", r));
// Read by lib/env.ts on first use, which comes after this point.
Object.assign(process.env, {
  PUSHER_HOST: "127.0.0.1",
  PUSHER_PORT: String((hung.address() as AddressInfo).port),
  PUSHER_USE_TLS: "false",
});

let server: Ctx;
beforeAll(async () => {
  await resetDb();
  const location = await buildLocation();
  server = location.ctx.SERVER;
  const categoryId = (await buildCategory(location.id)).id;
  await buildMenuItem(location.id, { categoryId, name: "Soup of the Day", priceCents: 800 });
  await buildTables(location.id, ["1", "2", "3"]);
});
afterAll(() => {
  for (const s of sockets) s.destroy();
  hung.close();
});

describe("sending while the realtime server hangs", () => {
  it("answers at database speed, not after the SDK's 2 s timeout, and the order is saved", async () => {
    const db = testDb();
    const soup = await db.menuItem.findFirstOrThrow({
      where: { name: "Soup of the Day", locationId: server.locationId },
    });
    const tables = await db.diningTable.findMany({
      where: { locationId: server.locationId },
      orderBy: { label: "asc" },
      take: 3,
    });
    const timings: number[] = [];
    for (const table of tables) {
      const { orderId } = await openOrder(server, { tableId: table.id, guestCount: 2 });
      const started = performance.now();
      const sent = await sendOrder(server, {
        orderId,
        idempotencyKey: randomUUID(),
        items: [{ menuItemId: soup.id, quantity: 1 }],
      });
      timings.push(performance.now() - started);
      expect(sent.fireBatch).toBe(1);
      expect(await db.orderItem.count({ where: { orderId, status: "SENT" } })).toBe(1);
    }
    expect(Math.max(...timings)).toBeLessThan(1_000);
    expect(sockets.length).toBeGreaterThan(0); // the publisher did try the hung server
  }, 60_000);
});

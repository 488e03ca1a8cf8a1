// After commit a send publishes once: the kitchen events and the stock hints it caused (a dish
// auto-86'd by the last portion) leave in one batch_events request, in seq order (issue 8).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { openOrder } from "@/lib/orders/open-order";
import { sendOrder } from "@/lib/orders/send-order";
import { flushPublishes } from "@/lib/realtime/publish";
import { buildIngredient, buildRecipe } from "./builders/inventory";
import { buildLocation } from "./builders/location";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { buildTables } from "./builders/tables";
import { resetDb } from "./helpers";

type Batch = { path: string; events: { channel: string; name: string; data: string }[] };
const batches: Batch[] = [];
const receiver = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    batches.push({ path: req.url ?? "", events: JSON.parse(body).batch ?? [] });
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});
await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
// Read by lib/env.ts on first use, which comes after this point.
Object.assign(process.env, {
  PUSHER_HOST: "127.0.0.1",
  PUSHER_PORT: String((receiver.address() as AddressInfo).port),
  PUSHER_USE_TLS: "false",
});

let server: Ctx;
let categoryId: string;
let tableId: string;
beforeAll(async () => {
  await resetDb();
  const location = await buildLocation();
  server = location.ctx.SERVER;
  categoryId = (await buildCategory(location.id)).id;
  tableId = (await buildTables(location.id, ["1"]))["1"];
});
afterAll(() => receiver.close());

describe("publishing a send", () => {
  it("sends the fired event and the auto-86 it caused in one batch", async () => {
    const tag = randomUUID().slice(0, 8);
    const ingredient = await buildIngredient(server.locationId, {
      name: `Last portion ${tag}`,
      baseUnit: "G",
      purchaseUnit: "kg bag",
      purchaseUnitSize: "1000",
      costCentsPerPurchaseUnit: 1000,
      parLevel: "1000",
      reorderPoint: "0",
      stock: "100",
    });
    const dish = await buildMenuItem(server.locationId, { categoryId, name: `One left ${tag}`, priceCents: 900 });
    await buildRecipe(server.locationId, { menuItemId: dish.id }, [[ingredient.id, "100"]]);
    const { orderId } = await openOrder(server, { tableId, guestCount: 1 });
    await flushPublishes();
    batches.length = 0;

    await sendOrder(server, { orderId, idempotencyKey: randomUUID(), items: [{ menuItemId: dish.id, quantity: 1 }] });
    await flushPublishes();

    expect(batches).toHaveLength(1);
    expect(batches[0].path).toMatch(/\/batch_events(\?|$)/);
    const names = batches[0].events.map((e) => e.name);
    expect(names).toContain("items.fired");
    const menuChanged = batches[0].events.find((e) => e.name === "menu.changed");
    expect(menuChanged, `events: ${names.join(", ")}`).toBeDefined();
    expect(JSON.parse(menuChanged!.data).menuItemIds).toEqual([dish.id]);
    // Kitchen events first (seq order), stock hints after them.
    expect(names.indexOf("items.fired")).toBeLessThan(names.indexOf("menu.changed"));
    expect((await db.menuItem.findUniqueOrThrow({ where: { id: dish.id } })).is86d).toBe(true);
  });
});

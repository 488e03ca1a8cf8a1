// Issue #3 over HTTP: idempotent sends (replay / 422), channel authorisation by role and
// location, no prices on kitchen endpoints, errors as JSON with field messages.
import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test";
import { storageStateFor, type RoleName } from "./support/e2e-env";

async function api(
  playwright: { request: { newContext(o: object): Promise<APIRequestContext> } },
  role: RoleName,
  baseURL: string,
) {
  return playwright.request.newContext({ storageState: storageStateFor(role), baseURL });
}

test("send with Idempotency-Key: a retry replays, another body is refused, no key is a 400", async ({
  playwright,
  baseURL,
}) => {
  const server = await api(playwright, "server", baseURL!);
  const floor = await (await server.get("/api/v1/floor")).json();
  const table = floor.areas
    .flatMap((a: { tables: { id: string; label: string }[] }) => a.tables)
    .find((t: { label: string }) => t.label === "P3");
  const opened = await server.post("/api/v1/orders", { data: { tableId: table.id, guestCount: 2 } });
  expect(opened.status()).toBe(201);
  const { orderId } = await opened.json();
  const menu = await (await server.get("/api/v1/menu/order-pad")).json();
  const soup = menu.categories
    .flatMap((c: { items: { id: string; name: string }[] }) => c.items)
    .find((i: { name: string }) => i.name === "Soup of the Day");

  const noKey = await server.post(`/api/v1/orders/${orderId}/send`, {
    data: { items: [{ menuItemId: soup.id, quantity: 1 }] },
  });
  expect(noKey.status()).toBe(400);
  expect((await noKey.json()).error.fieldErrors["Idempotency-Key"]).toBeTruthy();

  const key = crypto.randomUUID();
  const body = { items: [{ menuItemId: soup.id, quantity: 2, course: "STARTERS" }] };
  const first = await server.post(`/api/v1/orders/${orderId}/send`, {
    data: body,
    headers: { "Idempotency-Key": key },
  });
  expect(first.status()).toBe(200);
  expect(first.headers()["idempotent-replayed"]).toBe("false");
  const again = await server.post(`/api/v1/orders/${orderId}/send`, {
    data: body,
    headers: { "Idempotency-Key": key },
  });
  expect(again.status()).toBe(200);
  expect(again.headers()["idempotent-replayed"]).toBe("true");
  expect(await again.text()).toBe(await first.text()); // byte-for-byte (docs/adr/0007)
  const other = await server.post(`/api/v1/orders/${orderId}/send`, {
    data: { items: [{ menuItemId: soup.id, quantity: 3 }] },
    headers: { "Idempotency-Key": key },
  });
  expect(other.status()).toBe(422);
  expect((await other.json()).error.code).toBe("IDEMPOTENCY_MISMATCH");

  const order = (await (await server.get(`/api/v1/orders/${orderId}`)).json()).order;
  expect(order.items).toHaveLength(1);
  expect(order.items[0]).toMatchObject({ quantity: 2, status: "SENT", fireBatch: 1 });

  const invalid = await server.post(`/api/v1/orders/${orderId}/items`, {
    data: { items: [{ menuItemId: soup.id, quantity: 0 }] },
  });
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).error.fieldErrors["items.0.quantity"]).toBeTruthy();
  expect((await server.get("/api/v1/orders/not-a-real-order")).status()).toBe(404);

  // A server may not void what the kitchen has; a manager may, with a reason.
  const itemId = order.items[0].id;
  expect(
    (await server.post(`/api/v1/orders/${orderId}/items/${itemId}/void`, { data: { reason: "guest left" } })).status(),
  ).toBe(403);
  const manager = await api(playwright, "manager", baseURL!);
  expect(
    (await manager.post(`/api/v1/orders/${orderId}/items/${itemId}/void`, { data: { reason: "" } })).status(),
  ).toBe(400);
  expect(
    (await manager.post(`/api/v1/orders/${orderId}/items/${itemId}/void`, { data: { reason: "guest left" } })).status(),
  ).toBe(200);
});

test("realtime channels are authorised by role and location; kitchen endpoints carry no prices", async ({
  playwright,
  baseURL,
}) => {
  const server = await api(playwright, "server", baseURL!);
  const chef = await api(playwright, "chef", baseURL!);
  const me = await (await chef.get("/api/v1/me")).json();
  const loc = me.user.locationId;
  const auth = (ctx: APIRequestContext, channel: string) =>
    ctx.post("/api/realtime/auth", { form: { socket_id: "123.456", channel_name: channel } });

  const kitchenOk = await auth(chef, `private-loc-${loc}-kitchen`);
  expect(kitchenOk.status()).toBe(200);
  expect((await kitchenOk.json()).auth).toMatch(/^[^:]+:[0-9a-f]{64}$/);
  expect((await auth(server, `private-loc-${loc}-floor`)).status()).toBe(200);
  expect((await auth(server, `private-loc-${loc}-kitchen`)).status()).toBe(403); // floor role, kitchen channel
  expect((await auth(chef, `private-loc-${loc}-floor`)).status()).toBe(403);
  expect((await auth(chef, "private-loc-someone-elses-location-kitchen")).status()).toBe(403); // other location
  expect((await auth(chef, "presence-anything")).status()).toBe(403);
  expect(
    (
      await chef.post("/api/realtime/auth", { form: { socket_id: "nope", channel_name: `private-loc-${loc}-kitchen` } })
    ).status(),
  ).toBe(400);

  const snapshot = await chef.get("/api/v1/kitchen/snapshot?station=saute");
  expect(snapshot.status()).toBe(200);
  const text = await snapshot.text();
  expect(JSON.parse(text).tickets.length).toBeGreaterThan(0); // the voided soup, until the cook acknowledges it
  expect(text).not.toMatch(/cents|price|subtotal|"tax/i);
  const events = await chef.get("/api/v1/kitchen/events?after=0");
  expect(await events.text()).not.toMatch(/cents|price|subtotal|"tax/i);
  expect((await chef.get("/api/v1/kitchen/events?after=-1")).status()).toBe(400);
  expect((await server.get("/api/v1/kitchen/snapshot?station=grill")).status()).toBe(403);
});

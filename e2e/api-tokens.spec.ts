// Issue 15 "Integration and mobile API" (ADR 0037): a client with no cookie gets a token, sends an
// order and reads the kitchen feed with it; a manager makes a personal token in the console and
// sees its secret once.
import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test";
import { E2E_CORS_ORIGIN, PASSWORD, ROLE_USERS, storageStateFor } from "./support/e2e-env";

type Floor = { areas: { tables: { id: string; label: string; status: string }[] }[] };
type PadMenu = { categories: { items: { id: string; name: string }[] }[] };

async function tokenFor(api: APIRequestContext, email: string, scope: string) {
  const res = await api.post("/api/v1/auth/token", {
    form: { grant_type: "password", email, password: PASSWORD, scope, device: "e2e" },
  });
  expect(res.status(), await res.text()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ token_type: "Bearer", scope });
  expect(body.expires_in).toBeLessThanOrEqual(900);
  return { authorization: `Bearer ${body.access_token}` };
}

test("a token client (no cookies) sends an order and reads the kitchen feed", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const server = await tokenFor(api, ROLE_USERS.server, "orders:write");
  const chef = await tokenFor(api, ROLE_USERS.chef, "kitchen:read");

  const before = await api.get("/api/v1/kitchen/snapshot?station=expo", { headers: chef });
  expect(before.status()).toBe(200);
  const { seq } = await before.json();

  const floor = (await (await api.get("/api/v1/floor", { headers: server })).json()) as Floor;
  const tables = floor.areas.flatMap((a) => a.tables);
  const table = tables.find((t) => t.label === "P6" && t.status === "FREE") ?? tables.find((t) => t.status === "FREE");
  expect(table, "a free table").toBeTruthy();
  const menu = (await (await api.get("/api/v1/menu/order-pad", { headers: server })).json()) as PadMenu;
  const soup = menu.categories.flatMap((c) => c.items).find((i) => i.name === "Soup of the Day")!;

  const opened = await api.post("/api/v1/orders", { headers: server, data: { tableId: table!.id, guestCount: 2 } });
  expect(opened.status()).toBe(201);
  const { orderId } = await opened.json();
  const sent = await api.post(`/api/v1/orders/${orderId}/send`, {
    headers: { ...server, "idempotency-key": randomUUID() },
    data: { items: [{ menuItemId: soup.id, quantity: 1 }] },
  });
  expect(sent.status(), await sent.text()).toBe(200);

  const feed = await api.get(`/api/v1/kitchen/events?after=${seq}`, { headers: chef });
  expect(feed.status()).toBe(200);
  expect(JSON.stringify(await feed.json())).toContain(orderId);
  // The chef's token cannot take orders (scope), and no token means 401.
  expect((await api.post("/api/v1/orders", { headers: chef, data: { tableId: table!.id } })).status()).toBe(403);
  expect((await api.get("/api/v1/orders")).status()).toBe(401);

  // Leave the table as found: a manager's token voids the order.
  const manager = await tokenFor(api, ROLE_USERS.manager, "orders:write");
  const voided = await api.patch(`/api/v1/orders/${orderId}`, {
    headers: manager,
    data: { status: "VOIDED", reason: "e2e token test" },
  });
  expect(voided.status(), await voided.text()).toBe(200);
  await api.dispose();
});

test("CORS: a listed origin's preflight and answers are allowed, another origin's are not", async ({
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const preflight = (origin: string) =>
    api.fetch("/api/v1/orders", {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization" },
    });
  const listed = await preflight(E2E_CORS_ORIGIN);
  expect(listed.status()).toBe(204);
  expect(listed.headers()["access-control-allow-origin"]).toBe(E2E_CORS_ORIGIN);
  expect(listed.headers()["access-control-allow-headers"]).toContain("authorization");
  expect(listed.headers()["access-control-allow-credentials"]).toBeUndefined();
  const other = await preflight("https://evil.example");
  expect(other.headers()["access-control-allow-origin"]).toBeUndefined();
  const answer = await api.get("/api/v1/orders", { headers: { origin: E2E_CORS_ORIGIN } });
  expect(answer.status()).toBe(401);
  expect(answer.headers()["access-control-allow-origin"]).toBe(E2E_CORS_ORIGIN);
  await api.dispose();
});

test.describe("as a manager", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("creates a personal token in the console: shown once, works, revoked", async ({ page, playwright, baseURL }) => {
    const name = `Bridge ${randomUUID().slice(0, 6)}`;
    await page.goto("/admin/settings/api-tokens");
    await page.getByLabel("Name").fill(name);
    await page
      .getByRole("group", { name: /Scopes/ })
      .getByRole("checkbox")
      .first()
      .check(); // orders:read
    await page.getByRole("button", { name: "Create token" }).click();
    const secret = (await page.getByTestId("api-token-secret").textContent())!.trim();
    expect(secret).toMatch(/^sbp_/);
    const row = page.locator(`[data-testid="api-token-row"][data-name="${name}"]`);
    await expect(row).toContainText("orders:read");
    await expect(row).toContainText("Never");

    const api = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    expect((await api.get("/api/v1/orders", { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(200);

    await page.reload();
    await expect(page.getByTestId("api-token-secret")).toHaveCount(0);
    await expect(page.getByText(secret)).toHaveCount(0);
    await expect(row.getByTestId("api-token-last-used")).not.toHaveText("Never");

    await row.getByRole("button", { name: `Revoke ${name}`, exact: true }).click();
    await row.getByRole("button", { name: `Revoke ${name} now` }).click();
    await expect(row).toHaveCount(0);
    expect((await api.get("/api/v1/orders", { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(401);
    await api.dispose();
  });
});

// Issue 15 (OpenAPI): the production build serves the document to anyone (cacheable) and the
// reference pages render it: every section listed, a link opens its endpoint, keyboard works.
// Read only; signed out.
import { expect, test } from "./support/test";

test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 1440, height: 900 } });

test("the OpenAPI document is public and the reference pages render it", async ({ page, request }) => {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toMatch(/^public/);
  const doc = await res.json();
  expect(doc.openapi).toMatch(/^3\.1\./);
  expect(doc.paths["/api/v1/orders/{orderId}/send"].post.requestBody).toBeTruthy();

  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1, name: doc.info.title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "kitchen" })).toBeVisible();
  await page.getByRole("link", { name: /\/orders\/\{orderId\}\/send/ }).click();
  await expect(page).toHaveURL(/\/api-docs\/orders\?op=postOrdersOrderIdSend/);
  const send = page.locator("details#postOrdersOrderIdSend");
  await expect(send).toHaveAttribute("open", "");
  await expect(send.getByRole("cell", { name: "Idempotency-Key" })).toBeVisible();

  // Keyboard: a closed endpoint opens with Enter on its summary.
  const list = page.locator("details#getOrders");
  await list.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(list).toHaveAttribute("open", "");
  await expect(list.getByText("Roles:")).toBeVisible();
});

// Issue 14 (kitchen): a manager opens Kitchen performance for last week, sees the load heat map and
// the ticket-times chart, downloads the CSV and finds the screen's totals in its TOTAL row; the
// kitchen display and the admin dashboard show the station load forecast; an order's history
// names who sent, bumped and passed it. The one order made here is bumped, passed and served.
import { request, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test";
import { E2E_BASE_URL, storageStateFor, type RoleName } from "./support/e2e-env";

async function api(role: RoleName): Promise<APIRequestContext> {
  return request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor(role),
    extraHTTPHeaders: { origin: E2E_BASE_URL },
  });
}

test("Kitchen performance for last week: heat map, chart, and a CSV whose totals match the screen", async ({
  browser,
}) => {
  const context = await browser.newContext({
    storageState: storageStateFor("manager"),
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await page.goto("/admin/reports");
  await page.getByRole("link", { name: /Kitchen performance/ }).click();
  await page.getByRole("navigation", { name: "Report period" }).getByRole("link", { name: "Last week" }).click();
  await expect(page).toHaveURL(/preset=last-week/);
  await expect(page.getByTestId("report-figures")).toBeVisible();
  await expect(page.getByTestId("heat-map")).toBeVisible();
  await expect(page.getByRole("img", { name: /Median and p90 minutes from fired to bumped by station/ })).toBeVisible();

  const total = page.locator("[data-testid=kitchen-rows] tr[data-row=total]");
  const cells = (await total.locator("td").allInnerTexts()).map((t) => t.trim());
  const [fired, bumped, , , late] = cells;
  expect(Number(fired)).toBeGreaterThan(0);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^kitchen-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (
    await download.createReadStream().then(async (s) => {
      const chunks: Buffer[] = [];
      for await (const c of s) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    })
  ).replace(/^\uFEFF/, "");
  const lines = csv
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(","));
  expect(lines[0]).toEqual([
    "group",
    "lines_fired",
    "lines_bumped",
    "median_seconds",
    "p90_seconds",
    "late",
    "late_percent",
  ]);
  const totalRow = lines.at(-1)!;
  expect(totalRow[0]).toBe("TOTAL");
  expect([totalRow[1], totalRow[2], totalRow[5]]).toEqual([fired, bumped, late]);
  const groups = lines.slice(1, -1);
  expect(groups.reduce((s, r) => s + Number(r[1]), 0)).toBe(Number(fired));
  expect(groups.reduce((s, r) => s + Number(r[5]), 0)).toBe(Number(late));

  // Another grouping keeps the period.
  await page.getByRole("navigation", { name: "Group by" }).getByRole("link", { name: "Hour fired" }).click();
  await expect(page).toHaveURL(/groupBy=hour/);
  await expect(page).toHaveURL(/preset=last-week/);
  await expect(page.locator("[data-testid=kitchen-rows] tr[data-row=total] td").first()).toHaveText(fired);

  // The dashboard draws the next hours' load.
  await page.goto("/admin");
  await expect(
    page.getByTestId("load-forecast").getByRole("img", { name: /Expected items per station and hour/ }),
  ).toBeVisible();
  await context.close();
});

test("the kitchen display shows the load forecast; an order's history names who did what", async ({ browser }) => {
  const chefPage = await (
    await browser.newContext({ storageState: storageStateFor("chef"), viewport: { width: 1920, height: 1080 } })
  ).newPage();
  await chefPage.goto("/kitchen/saute");
  const strip = chefPage.getByTestId("load-forecast");
  await expect(strip).toBeVisible();
  await expect(strip.getByTestId("forecast-bucket")).toHaveCount(4);
  await chefPage.goto("/kitchen/expo");
  await expect(chefPage.getByTestId("load-forecast").getByTestId("forecast-bucket")).toHaveCount(4);
  await chefPage.context().close();

  // One counter order: sent, bumped at sauté, passed at expo, served.
  const server = await api("server");
  const chef = await api("chef");
  let dish: string | undefined;
  JSON.stringify(await (await server.get("/api/v1/menu/order-pad")).json(), (_k, v: unknown) => {
    const o = v as { id?: string; name?: string; priceCents?: number } | null;
    if (o && typeof o === "object" && o.priceCents !== undefined && o.name === "Chicken Parmesan") dish ??= o.id;
    return v;
  });
  expect(dish).toBeTruthy();
  const { orderId } = await (await server.post("/api/v1/orders", { data: { guestCount: 1 } })).json();
  const sent = await server.post(`/api/v1/orders/${orderId}/send`, {
    data: { items: [{ menuItemId: dish, quantity: 1, course: "MAINS", modifierIds: [] }] },
    headers: { "idempotency-key": crypto.randomUUID() },
  });
  expect(sent.status(), await sent.text()).toBe(200);
  const { fireBatch, firedItemIds } = (await sent.json()) as { fireBatch: number; firedItemIds: string[] };
  expect(
    (
      await chef.post(`/api/v1/orders/${orderId}/bump`, { data: { station: "saute", orderItemIds: firedItemIds } })
    ).status(),
  ).toBe(200);
  expect((await chef.post(`/api/v1/orders/${orderId}/ready`, { data: { fireBatch } })).status()).toBe(200);
  await server.patch(`/api/v1/orders/${orderId}`, { data: { status: "SERVED" } });

  const manager = await (await browser.newContext({ storageState: storageStateFor("manager") })).newPage();
  await manager.goto(`/admin/orders/${orderId}`);
  const history = manager.getByTestId("order-history");
  await expect(history.locator("tr[data-type='items.fired']")).toContainText("Sent Chicken Parmesan to the kitchen");
  await expect(history.locator("tr[data-type='items.bumped']")).toContainText("finished Chicken Parmesan");
  await expect(history.locator("tr[data-type='ticket.ready']")).toContainText("Expo passed the ticket");
  // Not for a server: the API refuses.
  expect((await server.get(`/api/v1/orders/${orderId}/history`)).status()).toBe(403);
  await manager.context().close();
  await server.dispose();
  await chef.dispose();
});

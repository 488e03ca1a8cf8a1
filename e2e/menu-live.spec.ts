// Issue #4 end to end (menu side): a manager's console and a server's tablet side by side.
// Price changes and 86s reach the order pad live, without a reload; server-side validation
// answers with field-level messages; roles and locations are enforced.
import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { storageStateFor } from "./support/e2e-env";
import { openTabletAt } from "./support/tablet";

test.describe.configure({ mode: "serial" });

const tablet = openTabletAt;

async function console_(browser: Browser, path = "/admin/menu"): Promise<Page> {
  const ctx = await browser.newContext({
    storageState: storageStateFor("manager"),
    viewport: { width: 1400, height: 900 },
  });
  const page = await ctx.newPage();
  await page.goto(path);
  return page;
}

const padItem = (pad: Page, name: string) => pad.getByTestId("menu-item").filter({ hasText: name });
const row = (page: Page, name: string) => page.locator(`[data-testid=menu-row][data-name="${name}"]`);

test("a manager changes a price → the tablet shows the new price", async ({ browser }) => {
  const pad = await tablet(browser, "12");
  await pad.getByRole("button", { name: "Sides", exact: true }).click();
  await expect(padItem(pad, "Garlic Green Beans")).toContainText("$6.00");

  const admin = await console_(browser);
  await admin.getByRole("checkbox", { name: "Select Garlic Green Beans" }).check();
  await admin.getByRole("checkbox", { name: "Select Side Salad" }).check();
  await admin.getByTestId("bulk-price-open").click();
  const dialog = admin.getByTestId("bulk-price-dialog");
  await dialog.getByRole("radio", { name: "By amount" }).check();
  await dialog.getByTestId("bulk-value").fill("0.50");
  await expect(dialog.getByRole("table")).toContainText("$6.50"); // live preview before confirming
  await dialog.getByTestId("bulk-price-apply").click();
  await expect(dialog).toBeHidden();
  await expect(row(admin, "Garlic Green Beans").getByTestId("menu-price")).toHaveText("$6.50");

  // The tablet never reloads: the menu.changed event makes it refetch.
  await expect(padItem(pad, "Garlic Green Beans")).toContainText("$6.50", { timeout: 5_000 });
  await expect(padItem(pad, "Side Salad")).toContainText("$5.50");

  // Who changed it, when: the item's price history (from the audit log).
  await admin.getByRole("link", { name: "Garlic Green Beans" }).click();
  await expect(admin.getByTestId("price-history")).toContainText("$6.00 → $6.50");
  await expect(admin.getByTestId("price-history")).toContainText("Jordan Reyes");

  // Put the prices back for the other specs (same API the console uses).
  const items = (await (await admin.request.get("/api/v1/menu/items")).json()) as {
    items: { id: string; name: string }[];
  };
  const ids = items.items.filter((i) => ["Garlic Green Beans", "Side Salad"].includes(i.name)).map((i) => i.id);
  const back = await admin.request.post("/api/v1/menu/prices", {
    data: { itemIds: ids, change: { mode: "AMOUNT", deltaCents: -50 } },
  });
  expect(back.status()).toBe(200);
  await expect(padItem(pad, "Garlic Green Beans")).toContainText("$6.00", { timeout: 5_000 });
});

test("86 an item → a tablet can no longer add it within 2 s; un-86 brings it back", async ({ browser }) => {
  const pad = await tablet(browser, "12");
  await pad.getByRole("button", { name: "Desserts", exact: true }).click();
  const pie = padItem(pad, "Key Lime Pie");
  await expect(pie).toBeEnabled();

  const admin = await console_(browser);
  const toggle = row(admin, "Key Lime Pie").getByTestId("toggle-86");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(pie).toBeDisabled({ timeout: 2_000 });
  await expect(pie).toContainText("86'd");

  // The server refuses it too (the order pad API marks it, the send path re-checks is86d).
  const menu = (await (await pad.request.get("/api/v1/menu/order-pad")).json()) as {
    categories: { items: { name: string; is86d: boolean }[] }[];
  };
  expect(menu.categories.flatMap((c) => c.items).find((i) => i.name === "Key Lime Pie")?.is86d).toBe(true);

  // Bringing it back is not a safety matter (selling an 86'd dish is): it gets a looser budget.
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(pie).toBeEnabled({ timeout: 5_000 });
});

test("the item form validates on the server, shows field messages and keeps what was typed", async ({ browser }) => {
  const admin = await console_(browser, "/admin/menu/items/new");
  await admin.getByLabel("Name").fill("E2E Test Soup");
  await admin.getByLabel(/^Price/).fill("twelve");
  await admin.getByLabel("Energy (kcal)").fill("-5");
  await admin.getByLabel("Seasonal from").fill("2026-09-01");
  await admin.getByLabel("Seasonal until").fill("2026-06-01");
  await admin.getByTestId("item-save").click();
  await expect(admin.locator("#price-error")).toContainText("Enter a price like 12.50");
  await expect(admin.locator("#kcal-error")).toContainText("Cannot be negative");
  await expect(admin.locator("#seasonalTo-error")).toContainText("on or after");
  await expect(admin.getByLabel(/^Price/)).toHaveAttribute("aria-invalid", "true");
  await expect(admin.getByLabel("Name")).toHaveValue("E2E Test Soup"); // not wiped by the round trip
});

test("roles and locations are enforced on the server", async ({ browser, playwright }) => {
  const server = await browser.newContext({ storageState: storageStateFor("server") });
  const page = await server.newPage();
  const res = await page.goto("/admin/menu");
  expect(res?.status()).toBe(403);
  expect((await server.request.get("/api/v1/menu/items")).status()).toBe(403);
  const bulk = await server.request.post("/api/v1/menu/prices", {
    data: { itemIds: ["x"], change: { mode: "AMOUNT", deltaCents: 100 } },
  });
  expect(bulk.status()).toBe(403);

  // Field-level 400s, never a 500.
  const manager = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    storageState: storageStateFor("manager"),
  });
  const bad = await manager.post("/api/v1/menu/prices", { data: { itemIds: [], change: { mode: "PERCENT", bps: 0 } } });
  expect(bad.status()).toBe(400);
  const body = (await bad.json()) as { error: { code: string; fieldErrors: Record<string, string[]> } };
  expect(body.error.code).toBe("VALIDATION");
  expect(Object.keys(body.error.fieldErrors)).toEqual(expect.arrayContaining(["itemIds", "change.bps"]));

  // Another location's ids: 404, as if they did not exist. The admin works at both locations:
  // switch one session to Uptown, take an item id there, then ask for it from Harbor Street.
  const admin = await browser.newContext({ storageState: storageStateFor("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/admin/menu");
  const me = (await (await admin.request.get("/api/v1/me")).json()) as { locations: { id: string; name: string }[] };
  const uptownId = me.locations.find((l) => l.name.startsWith("Uptown"))!.id;
  await expect(adminPage.getByTestId("live-console")).toContainText("Live"); // hydrated
  await adminPage.getByLabel("Location").selectOption(uptownId);
  await expect
    .poll(
      async () =>
        ((await (await admin.request.get("/api/v1/me")).json()) as { user: { locationId: string } }).user.locationId,
    )
    .toBe(uptownId);
  const uptown = (await (await admin.request.get("/api/v1/menu/items")).json()) as {
    items: { id: string; name: string }[];
  };
  const foreignId = uptown.items[0].id;
  expect((await manager.get(`/api/v1/menu/items/${foreignId}`)).status()).toBe(404);
  expect((await manager.post(`/api/v1/menu/items/${foreignId}/86`)).status()).toBe(404);
  const foreignBulk = await manager.post("/api/v1/menu/prices", {
    data: { itemIds: [foreignId], change: { mode: "AMOUNT", deltaCents: 100 } },
  });
  expect(foreignBulk.status()).toBe(404);
  await manager.dispose();
});

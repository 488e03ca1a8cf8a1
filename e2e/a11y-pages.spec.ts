// Issue 7 item 22: no serious or critical axe violation on any page, for the role that uses it.
// The automatic gate in ./support/test.ts checks every page any spec visits; this spec makes sure
// every page is visited at least once, including the ones reached only through an id.
import { describeFindings, seriousViolations } from "./support/axe";
import { storageStateFor, type RoleName } from "./support/e2e-env";
import { expect, test } from "./support/test";
import type { Page } from "@playwright/test";

// Every test here runs axe itself on the page it opens: the automatic gate would only analyse the
// same final state a second time (it doubled this spec's minutes).
test.use({ axe: false });

async function expectClean(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(500);
  await page.waitForLoadState("load");
  const findings = await seriousViolations(page);
  expect(findings, describeFindings(path, findings)).toEqual([]);
}

/** The first link on a list page whose path matches, so pages behind an id are checked too. */
async function firstLink(page: Page, listPath: string, pattern: RegExp): Promise<string> {
  await page.goto(listPath);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${listPath}`).toBeTruthy();
  return href!;
}

test.describe("admin console", () => {
  test.use({ storageState: storageStateFor("admin"), viewport: { width: 1440, height: 900 } });
  const pages = [
    "/admin",
    "/admin/menu",
    "/admin/menu/categories",
    "/admin/menu/modifiers",
    "/admin/menu/availability",
    "/admin/menu/import",
    "/admin/menu/items/new",
    "/admin/inventory",
    "/admin/inventory/ingredients/new",
    "/admin/inventory/recipes",
    "/admin/inventory/counts",
    "/admin/inventory/purchase-orders",
    "/admin/inventory/purchase-orders/new",
    "/admin/inventory/suppliers",
    "/admin/inventory/reorder",
    "/admin/inventory/reports",
    "/admin/inventory/waste",
    "/admin/inventory/import",
    "/admin/staff",
    "/admin/staff/new",
    "/admin/staff/roles",
    "/admin/schedule",
    "/admin/tasks",
    "/admin/cash",
    "/admin/reports",
    "/admin/reports/sales",
    "/admin/reports/tables",
    "/admin/reports/product-mix",
    "/admin/reports/kitchen",
    "/admin/reports/inventory",
    "/admin/reports/labour",
    "/admin/reports/end-of-day",
    "/admin/reports/end-of-day?preset=yesterday",
    "/admin/reports/prep-times",
    "/admin/audit",
    "/admin/audit?preset=this-week",
    "/admin/settings/payments",
    "/admin/settings/webhooks",
    "/admin/settings/api-tokens",
    "/admin/guests",
    "/admin/setup/printers",
    "/admin/setup/qr-cards",
    "/account",
  ];
  for (const path of pages) {
    test(`${path} has no serious violations`, async ({ page }) => expectClean(page, path));
  }

  test("pages behind an id have no serious violations", async ({ page }) => {
    const item = await firstLink(page, "/admin/menu", /^\/admin\/menu\/items\/(?!new)[^/]+$/);
    await expectClean(page, item);
    const ingredient = await firstLink(page, "/admin/inventory", /^\/admin\/inventory\/ingredients\/(?!new)[^/]+$/);
    await expectClean(page, ingredient);
  });

  test("an order's history page has no serious violations", async ({ page }) => {
    // An order the demo has closed: its history has events, payments and audits to show.
    const res = await page.request.get("/api/v1/orders?status=CLOSED&limit=1");
    expect(res.status()).toBe(200);
    const { orders } = (await res.json()) as { orders: { id: string }[] };
    expect(orders.length, "the demo has a closed order").toBeGreaterThan(0);
    await expectClean(page, `/admin/orders/${orders[0].id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Order #");
  });
});

test.describe("admin console on a tablet (tables scroll sideways)", () => {
  test.use({ storageState: storageStateFor("admin"), viewport: { width: 768, height: 1024 } });
  test("wide tables are scroll regions a keyboard can reach", async ({ page }) => {
    test.slow(); // four of the largest admin pages, axe on each (~10 s apiece on 2 cores)
    for (const path of ["/admin/menu", "/admin/inventory/recipes", "/admin/staff", "/admin/inventory"])
      await expectClean(page, path);
    await page.goto("/admin/inventory/recipes");
    const region = page.getByRole("region", { name: "Dish recipes" });
    expect(await region.evaluate((e) => e.scrollWidth > e.clientWidth), "the recipe table overflows at 768 px").toBe(
      true,
    );
    await region.focus();
    await expect(region).toBeFocused();
  });
});

const floorAndKitchen: [RoleName, string, { width: number; height: number }][] = [
  ["server", "/floor", { width: 1024, height: 768 }],
  ["server", "/floor/tasks", { width: 1024, height: 768 }],
  ["server", "/floor/shifts", { width: 1024, height: 768 }],
  ["cashier", "/floor/checks", { width: 1024, height: 768 }],
  ["cashier", "/floor/cash", { width: 1024, height: 768 }],
  ["chef", "/kitchen/my-shifts", { width: 1920, height: 1080 }],
  ["chef", "/kitchen", { width: 1920, height: 1080 }],
  ["chef", "/kitchen/grill", { width: 1920, height: 1080 }],
  ["chef", "/kitchen/expo", { width: 1920, height: 1080 }],
  ["server", "/kitchen/grill", { width: 1024, height: 768 }], // the 403 page
  ["server", "/no-such-page", { width: 1024, height: 768 }], // the 404 page
];
for (const [role, path, viewport] of floorAndKitchen) {
  test.describe(`${role} ${path}`, () => {
    test.use({ storageState: storageStateFor(role), viewport });
    test(`${role}: ${path} has no serious violations`, async ({ page }) => expectClean(page, path));
  });
}

test.describe("order pad", () => {
  test.use({ storageState: storageStateFor("server"), viewport: { width: 1024, height: 768 } });
  test("a table's order pad has no serious violations", async ({ page }) => {
    const table = await firstLink(page, "/floor", /^\/floor\/tables\/[^/]+$/);
    await expectClean(page, table);
  });
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 390, height: 844 } });
  test("/login has no serious violations", async ({ page }) => expectClean(page, "/login"));
});

test("the gate fails on a serious violation (it can fail)", async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>t</title></head><body><main>
    <p style="color:#bbb;background:#fff">Faint text</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>`);
  const ids = (await seriousViolations(page)).map((f) => f.id).sort();
  expect(ids).toEqual(["color-contrast", "image-alt"]);
});

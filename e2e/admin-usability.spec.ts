// Issue 7 #21: admin console usability. The bulk-price dialog is a centred modal; long forms
// move focus to the first field in error under an error summary; CSV import lists format and
// reference errors in one pass; staff times are in the location's time zone.
import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { storageStateFor } from "./support/e2e-env";

async function manager(browser: Browser, path: string): Promise<Page> {
  const ctx = await browser.newContext({
    storageState: storageStateFor("manager"),
    viewport: { width: 1440, height: 900 },
  });
  const page = await ctx.newPage();
  await page.goto(path);
  return page;
}

test("the bulk-price dialog is a centred modal; Escape closes it and focus returns to the opener", async ({
  browser,
}) => {
  const admin = await manager(browser, "/admin/menu");
  await admin.getByRole("checkbox", { name: "Select Side Salad" }).check();
  const opener = admin.getByTestId("bulk-price-open");
  await opener.click();
  const dialog = admin.getByTestId("bulk-price-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleName("Change 1 price");
  expect(await dialog.evaluate((d) => d.matches(":modal"))).toBe(true);
  const box = (await dialog.boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - 720)).toBeLessThan(8);
  expect(Math.abs(box.y + box.height / 2 - 450)).toBeLessThan(8);
  await expect(dialog.getByTestId("bulk-value")).toBeFocused();
  await admin.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  // Cancel does the same.
  await opener.click();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test("staff sign-in times are shown in the location's time zone, with the zone", async ({ browser }) => {
  const admin = await manager(browser, "/admin/staff");
  await expect(admin.getByTestId("staff-time-zone")).toHaveText("(America/New_York)");
  const cell = admin
    .locator('[data-testid=staff-row][data-email="manager@demo.kitchen"]')
    .getByTestId("staff-last-login");
  const iso = (await cell.locator("time").getAttribute("datetime"))!;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: "America/New_York",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  await expect(cell).toHaveText(
    `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${parts.timeZoneName}`,
  );
  await expect(cell).not.toContainText("UTC");
});

test("a menu CSV lists format and reference errors of every row in one pass and imports nothing", async ({
  browser,
}) => {
  const admin = await manager(browser, "/admin/menu/import");
  const importer = admin.getByTestId("csv-import-menu");
  const stamp = Date.now();
  const header = "name,category,price,station,allergens";
  const bad = [
    header,
    `E2E soup ${stamp},Starters,7.00,,`,
    `E2E stew ${stamp},No Such Category,nine,,`, // format (price) and reference (category) in the same row
    `E2E pie ${stamp},Mains,12.00,nowhere,shellfish`, // reference (station) and format (allergen)
  ].join("\n");
  await importer
    .getByLabel("CSV file")
    .setInputFiles({ name: "menu.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  const report = importer.getByTestId("csv-import-errors");
  await expect(report).toContainText("2 row(s) need fixing");
  const rows = report.locator("tbody tr");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText("3");
  const text = (await rows.allTextContents()).map((t) => t.replace(/\s+/g, " "));
  expect(text).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^3price/),
      expect.stringMatching(/^3category.*No Such Category/),
      expect.stringMatching(/^4station.*nowhere/),
      expect.stringMatching(/^4allergens.*shellfish/),
    ]),
  );
  await expect(importer.getByTestId("csv-import-run")).toHaveCount(0);
  const items = await (await admin.request.get("/api/v1/menu/items")).text();
  expect(items).not.toContain(String(stamp));

  const good = [header, `E2E soup ${stamp},Starters,7.00,,`].join("\n");
  await importer
    .getByLabel("CSV file")
    .setInputFiles({ name: "menu.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await importer.getByTestId("csv-import-run").click();
  await expect(importer.getByTestId("csv-import-done")).toContainText("1 created");
});

test("a failed save of a long form lists every error at the top and moves focus to the first field in error", async ({
  browser,
}) => {
  const admin = await manager(browser, "/admin/menu/items/new");
  const form = admin.getByTestId("item-form");
  await form.locator("#price").fill("abc");
  await form.locator("#kcal").fill("99999");
  await form.getByTestId("item-save").click(); // at the bottom of the page
  const summary = admin.getByTestId("error-summary");
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: /^Name: / })).toBeVisible();
  await expect(summary.getByRole("link", { name: /^Price: / })).toBeVisible();
  await expect(summary.getByRole("link", { name: /^Energy \(kcal\): / })).toBeVisible();
  await expect(form.locator("#name")).toBeFocused();
  await expect(form.locator("#name")).toBeInViewport();
  // Each entry links to its field.
  await summary.getByRole("link", { name: /^Energy \(kcal\): / }).click();
  await expect(form.locator("#kcal")).toBeFocused();
  await expect(form.locator("#kcal")).toBeInViewport();

  // Only the last field wrong: focus and scroll go down to it.
  await form.locator("#name").fill(`E2E summary ${Date.now()}`);
  await form.locator("#price").fill("9.50");
  await form.locator("#kcal").fill("");
  await form.locator("#seasonalFrom").fill("2026-09-01");
  await form.locator("#seasonalTo").fill("2026-06-01");
  await admin.evaluate(() => window.scrollTo(0, 0));
  await form.getByTestId("item-save").click();
  await expect(summary.getByRole("link")).toHaveCount(1);
  await expect(summary.getByRole("link", { name: /^Seasonal until: / })).toBeVisible();
  await expect(form.locator("#seasonalTo")).toBeFocused();
  await expect(form.locator("#seasonalTo")).toBeInViewport();

  // The ingredient form works the same way.
  await admin.goto("/admin/inventory/ingredients/new");
  const ing = admin.getByTestId("ingredient-form");
  await ing.getByTestId("ingredient-save").click();
  await expect(admin.getByTestId("error-summary").getByRole("link", { name: /^Name: / })).toBeVisible();
  await expect(ing.locator("#name")).toBeFocused();
});

import { expect, test } from "./support/test";
import { storageStateFor } from "./support/e2e-env";

test("screens", async ({ browser }) => {
  test.setTimeout(150_000);
  const ctx = await browser.newContext({
    storageState: storageStateFor("admin"),
    viewport: { width: 1440, height: 900 },
  });
  const page = await ctx.newPage();
  for (const [path, name] of [
    ["/admin/settings", "settings"],
    ["/admin/setup/stations", "stations"],
    ["/admin/setup/floor", "areas"],
    ["/admin/locations/new", "new-location"],
  ] as const) {
    await page.goto(path);
    await expect(page.locator("h1")).toBeVisible();
    await page.screenshot({ path: `/tmp/shots-setup/${name}.png`, fullPage: true });
  }
  await page.goto("/admin/setup/floor");
  await page.getByRole("link", { name: "Edit plan" }).first().click();
  await expect(page.getByTestId("plan-canvas")).toBeVisible();
  await page.screenshot({ path: `/tmp/shots-setup/editor.png`, fullPage: true });
  await page.goto("/admin/settings");
  await page.getByLabel("Time zone").fill("Nowhere");
  await page.getByLabel("Default tax rate (%)").fill("abc");
  await page.getByRole("button", { name: "Add a rule" }).click();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Some fields are invalid")).toBeVisible();
  await page.screenshot({ path: `/tmp/shots-setup/settings-errors.png`, fullPage: true });
});

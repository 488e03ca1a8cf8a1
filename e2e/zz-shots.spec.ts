import { expect, test } from "./support/test";
import { storageStateFor, type RoleName } from "./support/e2e-env";

const shots: [RoleName, string, number, number, string][] = [
  ["manager", "/admin/schedule", 1440, 900, "schedule"],
  ["manager", "/admin/tasks", 1440, 900, "tasks"],
  ["manager", "/admin", 1440, 900, "dashboard"],
  ["server", "/floor/tasks", 1024, 768, "floor-tasks"],
  ["server", "/floor/shifts", 1024, 768, "floor-shifts"],
  ["server", "/floor/tasks", 390, 844, "phone-tasks"],
  ["chef", "/kitchen/my-shifts", 1920, 1080, "kitchen-shifts"],
];
for (const [role, path, width, height, name] of shots) {
  test(`shot ${name}`, async ({ browser }) => {
    const ctx = await browser.newContext({ storageState: storageStateFor(role), viewport: { width, height } });
    const page = await ctx.newPage();
    await page.goto(path);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: false });
    await ctx.close();
  });
}
test("shot kitchen drawer", async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: storageStateFor("chef"), viewport: { width: 1920, height: 1080 } });
  const page = await ctx.newPage();
  await page.goto("/kitchen/grill");
  await page.getByTestId("checklists-toggle").click();
  await expect(page.getByTestId("checklist-drawer")).toBeVisible();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: "/tmp/shots/kitchen-drawer.png" });
  await ctx.close();
});
test("shot dialog", async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: storageStateFor("manager"), viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await page.goto("/admin/schedule");
  await page.getByRole("button", { name: /Add a shift for Sam Carter/ }).first().click();
  await page.screenshot({ path: "/tmp/shots/dialog.png" });
  await page.keyboard.press("Escape");
  await page.goto("/admin/tasks");
  await page.getByRole("button", { name: "Edit" }).first().click();
  await page.screenshot({ path: "/tmp/shots/tasks-edit.png", fullPage: true });
  await ctx.close();
});

// Issue 10 (setup): a manager draws tables on the floor plan and a server's tablet shows them
// live, placed as drawn; location settings are saved, refused field by field, and reflected.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { storageStateFor, type RoleName } from "./support/e2e-env";

test.describe.configure({ mode: "serial" });

async function open(browser: Browser, role: RoleName, path: string, viewport: { width: number; height: number }) {
  const ctx = await browser.newContext({ storageState: storageStateFor(role), viewport, hasTouch: role === "server" });
  const page = await ctx.newPage();
  await page.goto(path);
  return page;
}
const ADMIN_VIEW = { width: 1440, height: 900 };
const TABLET = { width: 1024, height: 768 };
const tile = (page: Page, label: string) => page.locator(`[data-testid=table-tile][data-label="${label}"]`);
const planTable = (page: Page, label: string) => page.locator(`[data-testid=plan-table][data-label="${label}"]`);

test("a manager draws two tables; they appear live on a server's floor, placed as drawn", async ({ browser }) => {
  test.setTimeout(120_000);
  const run = randomUUID().slice(0, 4);
  const area = `Patio ${run}`;
  const [a, b] = [`P${run}a`, `P${run}b`];

  // The server's tablet is open on the floor before anything changes, and never reloads.
  const floor = await open(browser, "server", "/floor", TABLET);
  await expect(floor.getByTestId("table-tile").first()).toBeVisible();
  await expect(floor.getByTestId("realtime-health")).toHaveAttribute("data-state", "live", { timeout: 15_000 });

  const admin = await open(browser, "admin", "/admin/setup/floor", ADMIN_VIEW);
  await admin.getByLabel("Area name").fill(area);
  await admin.getByRole("button", { name: "Add area" }).click();
  await expect(floor.getByRole("heading", { name: area })).toBeVisible({ timeout: 5_000 });
  await admin.getByRole("link", { name: area, exact: true }).click();
  await expect(admin.getByRole("heading", { name: `Floor plan: ${area}` })).toBeVisible();

  // Bad input first: the server's field error shows under the field.
  const add = admin.getByRole("form", { name: "Add a table" });
  await add.getByLabel("Seats").fill("0");
  await add.getByLabel("Label").fill(a);
  await add.getByRole("button", { name: "Add table" }).click();
  await expect(add.getByText("At least 1")).toBeVisible();
  await add.getByLabel("Seats").fill("4");

  // Table A: click an empty spot of the plan, then add it there.
  const canvas = admin.getByTestId("plan-canvas");
  await canvas.click({ position: { x: 2 * 28 + 5, y: 1 * 28 + 5 } });
  await expect(add).toContainText("column 3, row 2");
  await add.getByRole("button", { name: "Add table" }).click();
  await expect(planTable(admin, a)).toHaveAttribute("data-pos", "2,1");
  await expect(tile(floor, a)).toBeVisible({ timeout: 5_000 });

  // Table B: round, for six, at another spot.
  await admin.getByRole("button", { name: "Done" }).click();
  await canvas.click({ position: { x: 8 * 28 + 5, y: 1 * 28 + 5 } });
  await add.getByLabel("Label").fill(b);
  await add.getByLabel("Seats").fill("6");
  await add.getByLabel("Shape").selectOption("ROUND");
  await add.getByRole("button", { name: "Add table" }).click();
  await expect(planTable(admin, b)).toHaveAttribute("data-pos", "8,1");
  await expect(tile(floor, b)).toBeVisible({ timeout: 5_000 });
  await expect(tile(floor, b)).toHaveAttribute("aria-label", new RegExp(`Table ${b}, Free`));

  // Drag B with the mouse: it snaps to the grid, saves, and the floor follows.
  const box = (await planTable(admin, b).boundingBox())!;
  await admin.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await admin.mouse.down();
  await admin.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 60, { steps: 6 });
  await admin.mouse.move(box.x + box.width / 2 + 3 * 28 + 4, box.y + box.height / 2 + 2 * 28 + 3, { steps: 6 });
  await admin.mouse.up();
  await expect(planTable(admin, b)).toHaveAttribute("data-pos", "11,3");

  // Keyboard: arrows move A, R turns it; all saved.
  await planTable(admin, a).focus();
  await admin.keyboard.press("ArrowRight");
  await admin.keyboard.press("ArrowDown");
  await admin.keyboard.press("r");
  await expect(planTable(admin, a)).toHaveAttribute("data-pos", "3,2");
  await expect(planTable(admin, a)).toHaveAttribute("data-rotation", "15");

  // The floor shows the room as drawn: B is right of A and lower (left/top percentages).
  await expect
    .poll(async () => {
      const [ba, bb] = await Promise.all([tile(floor, a).boundingBox(), tile(floor, b).boundingBox()]);
      return !!ba && !!bb && bb.x > ba.x && bb.y > ba.y;
    })
    .toBe(true);

  // Reloaded once every change is saved, the editor shows what was saved.
  await expect(admin.getByTestId("plan-save-state")).toHaveText("All changes saved");
  await admin.reload();
  await expect(planTable(admin, b)).toHaveAttribute("data-pos", "11,3");
  await expect(planTable(admin, a)).toHaveAttribute("data-rotation", "15");

  // Archive both (the editor's panel), then the area: they leave the floor live too.
  for (const label of [a, b]) {
    await planTable(admin, label).click();
    await admin.getByRole("button", { name: "Archive table" }).click();
    await expect(planTable(admin, label)).toHaveCount(0);
  }
  await expect(tile(floor, a)).toHaveCount(0, { timeout: 5_000 });
  await expect(admin.getByRole("button", { name: `Restore table ${a}` })).toBeVisible();
  await admin.getByRole("link", { name: "← All areas" }).click();
  await admin.getByRole("button", { name: `Archive ${area}` }).click();
  await expect(floor.getByRole("heading", { name: area })).toHaveCount(0, { timeout: 5_000 });
});

test("settings are saved, refused field by field, and reflected on the order pad", async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await open(browser, "manager", "/admin/settings", ADMIN_VIEW);
  const form = admin.getByRole("form", { name: "Location settings" });
  const taxId = form.getByLabel("Tax id");
  const before = await taxId.inputValue();

  await form.getByLabel("Time zone").fill("Mars/Olympus");
  await form.getByLabel("Ticket is late after (min)").fill("1");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByText("Not a time zone (use an IANA name such as Europe/London)")).toBeVisible();
  await expect(form.getByLabel("Time zone")).toHaveAttribute("aria-invalid", "true");
  await admin.reload();

  await taxId.fill("E2E-TAX-42");
  await form.getByRole("checkbox", { name: "Desserts" }).uncheck();
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("status")).toHaveText("Settings saved");
  await admin.reload();
  await expect(form.getByLabel("Tax id")).toHaveValue("E2E-TAX-42");
  await expect(form.getByRole("checkbox", { name: "Desserts" })).not.toBeChecked();

  // The order pad offers only the courses kept.
  const pad = await open(browser, "server", "/floor", TABLET);
  await tile(pad, "14").click();
  const seat = pad.getByRole("button", { name: /Seat \d+ and start order/ });
  await expect(seat.or(pad.getByTestId("order-pad"))).toBeVisible();
  if (await seat.isVisible()) await seat.click();
  const courses = pad.getByRole("radiogroup", { name: "Course for new items" });
  await expect(courses.getByRole("radio", { name: "Mains" })).toBeVisible();
  await expect(courses.getByRole("radio", { name: "Desserts" })).toHaveCount(0);

  // Put it back for the other specs.
  const restored = await admin.request.patch("/api/v1/location", {
    data: { taxId: before || null, coursesUsed: ["DRINKS", "STARTERS", "MAINS", "DESSERTS"] },
  });
  expect(restored.status()).toBe(200);
});

test("setup pages and APIs refuse floor staff; another location's ids are not found", async ({ browser }) => {
  const server = await open(browser, "server", "/floor", TABLET);
  for (const path of ["/api/v1/location", "/api/v1/stations", "/api/v1/areas", "/api/v1/tables"]) {
    expect((await server.request.get(path)).status(), path).toBe(403);
  }
  expect((await server.request.patch("/api/v1/location", { data: { name: "Mine" } })).status()).toBe(403);
  const page = await server.goto("/admin/settings");
  expect(page?.status()).toBe(403);

  const admin = await open(browser, "manager", "/admin/setup/stations", ADMIN_VIEW);
  await expect(admin.getByRole("heading", { name: "Routing defaults" })).toBeVisible();
  expect((await admin.request.get("/api/v1/tables/not-a-real-table")).status()).toBe(404);
  expect((await admin.request.patch("/api/v1/tables/not-a-real-table", { data: { posX: 1 } })).status()).toBe(404);
  const bad = await admin.request.patch("/api/v1/location", { data: { currency: "EURO", coursesUsed: [] } });
  expect(bad.status()).toBe(400);
  expect(Object.keys((await bad.json()).error.fieldErrors).sort()).toEqual(["coursesUsed", "currency"]);
});

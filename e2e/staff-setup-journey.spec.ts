import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { storageStateFor } from "./support/e2e-env";
import { readMail, resetPathIn } from "./support/mail";

// Issue 10's whole journey in one run: a manager adds a server and a cook; the server sets a
// password from the mailed link and a PIN, clocks in by PIN on the tablet; the manager draws two
// tables that appear live on that tablet; a checklist is ticked on the kitchen screen; the
// timesheet shows the punch.
test.describe.configure({ mode: "serial" });

const run = Math.random().toString(36).slice(2, 6);
const SERVER = {
  name: `Robin Rail ${run}`,
  email: `robin-${run}@e2e.test`,
  password: "brass rails at the pass",
  pin: "5092",
};
const COOK = { name: `Kit Cook ${run}`, email: `kit-${run}@e2e.test` };
const TABLET = { width: 1024, height: 768 };
const DESK = { width: 1440, height: 900 };

async function addStaff(page: Page, who: { name: string; email: string }, role: string) {
  await page.goto("/admin/staff/new");
  await page.getByLabel("Name").fill(who.name);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Role at this location").selectOption({ label: role });
  await page.getByRole("button", { name: "Add staff member" }).click();
  await expect(page.getByTestId("staff-created")).toContainText(who.email);
}

test("manager sets up a server and a cook; the server's first shift shows on the timesheet", async ({ browser }) => {
  test.setTimeout(180_000);
  const desk = await browser.newContext({ storageState: storageStateFor("admin"), viewport: DESK });
  const admin = await desk.newPage();
  await addStaff(admin, SERVER, "Server");
  await addStaff(admin, COOK, "Chef");

  // The server opens the mailed link on a tablet, sets a password, signs in.
  const tabletCtx = await browser.newContext({ viewport: TABLET, hasTouch: true });
  const tablet = await tabletCtx.newPage();
  const mail = await readMail(SERVER.email, { match: /reset-password/ });
  await tablet.goto(resetPathIn(mail));
  await expect(tablet.getByRole("button", { name: "Set password" })).toBeEnabled();
  await tablet.getByLabel("New password", { exact: true }).fill(SERVER.password);
  await tablet.getByLabel("Repeat new password").fill(SERVER.password);
  await tablet.getByRole("button", { name: "Set password" }).click();
  await expect(tablet.getByTestId("password-set")).toBeVisible();
  await tablet.getByLabel("Password").fill(SERVER.password);
  await tablet.getByRole("button", { name: "Sign in" }).click();
  await expect(tablet).toHaveURL(/\/floor$/);

  // A PIN: a common one is refused, a good one saved.
  await tablet.goto("/account");
  const pinForm = tablet.getByTestId("pin-form");
  await pinForm.locator("#new-pin").fill("1234");
  await expect(pinForm).toContainText("too easy to guess");
  await pinForm.locator("#new-pin").fill(SERVER.pin);
  await pinForm.locator("#repeat-pin").fill(SERVER.pin);
  await pinForm.getByRole("button", { name: "Set PIN" }).click();
  await expect(pinForm.getByRole("status")).toContainText("PIN saved");

  // Clock in by PIN on the tablet's time clock.
  await tablet.goto("/floor");
  await expect(tablet.getByTestId("realtime-health")).toHaveAttribute("data-state", "live", { timeout: 15_000 });
  await tablet.getByTestId("time-clock-open").click();
  await tablet.getByTestId("time-clock-person").filter({ hasText: SERVER.name }).click();
  const pad = tablet.getByRole("dialog", { name: SERVER.name });
  await pad.getByTestId("time-clock-pin").fill(SERVER.pin);
  await pad.getByTestId("time-clock-clock-in").click();
  await expect(tablet.getByTestId("time-clock-done")).toContainText(`${SERVER.name} clocked in`);
  await expect(tablet.getByTestId("time-clock-dialog")).toBeHidden({ timeout: 15_000 });

  // The manager draws two tables in a new area; the tablet shows them without a reload.
  const area = `Terrace ${run}`;
  await admin.goto("/admin/setup/floor");
  await admin.getByLabel("Area name").fill(area);
  await admin.getByRole("button", { name: "Add area" }).click();
  await expect(tablet.getByRole("heading", { name: area })).toBeVisible({ timeout: 10_000 });
  await admin.getByRole("link", { name: area, exact: true }).click();
  const add = admin.getByRole("form", { name: "Add a table" });
  const canvas = admin.getByTestId("plan-canvas");
  for (const [label, column] of [
    [`T${run}1`, 1],
    [`T${run}2`, 6],
  ] as const) {
    await canvas.click({ position: { x: column * 28 + 5, y: 28 + 5 } });
    await add.getByLabel("Label").fill(label);
    await add.getByLabel("Seats").fill("2");
    await add.getByRole("button", { name: "Add table" }).click();
    await expect(admin.locator(`[data-testid=plan-table][data-label="${label}"]`)).toHaveAttribute(
      "data-pos",
      `${column},1`,
    );
    await expect(tablet.locator(`[data-testid=table-tile][data-label="${label}"]`)).toBeVisible({ timeout: 10_000 });
    if (column === 1) await admin.getByRole("button", { name: "Done" }).click();
  }

  // A checklist ticked on the kitchen screen.
  const screen = await browser.newContext({
    storageState: storageStateFor("chef"),
    viewport: { width: 1920, height: 1080 },
  });
  const kitchen = await screen.newPage();
  await kitchen.goto("/kitchen/grill");
  await kitchen.getByTestId("checklists-toggle").click();
  const card = kitchen.getByTestId("checklist-drawer").locator('[data-testid="checklist"]').first();
  const box = card.getByRole("checkbox").first();
  if ((await box.getAttribute("aria-checked")) !== "true") await box.click();
  await expect(box).toHaveAttribute("aria-checked", "true");

  // The timesheet shows the server's punch, still open.
  await admin.goto("/admin/timesheets");
  await expect(admin.getByTestId("timesheet-row").filter({ hasText: SERVER.name })).toBeVisible();
  await expect(admin.getByTestId("punch-row").filter({ hasText: SERVER.name }).first()).toContainText("on the clock");

  // Clock out on the tablet: the run leaves nobody on the clock.
  await tablet.getByTestId("time-clock-open").click();
  await tablet.getByTestId("time-clock-person").filter({ hasText: SERVER.name }).click();
  await expect(pad.getByTestId("time-clock-state")).toHaveText(/On shift since/);
  await pad.getByTestId("time-clock-pin").fill(SERVER.pin);
  await pad.getByTestId("time-clock-clock-out").click();
  await expect(tablet.getByTestId("time-clock-done")).toContainText(`${SERVER.name} clocked out`);
  await screen.close();
  await tabletCtx.close();
  await desk.close();
});

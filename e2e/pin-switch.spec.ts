// Issue 10: a manager enrolls a shared tablet, signs out; a server switches in by PIN on the pad;
// the server voids a line the kitchen has with a manager's PIN typed on the same tablet; the
// kitchen screen switches cooks the same way. Every session here is signed in fresh through the
// form (never the saved per-role sessions: a switch ends the session it replaces).
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { PASSWORD, storageStateFor } from "./support/e2e-env";

// Fresh sign-ins, argon2 PIN checks and full reloads after each switch: more than the default 45 s on a busy CI box.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const TABLET = { width: 1024, height: 768 };
const KITCHEN = { width: 1920, height: 1080 };

async function signedInFresh(browser: Browser, email: string, viewport: typeof TABLET, to: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport, hasTouch: viewport === TABLET });
  const page = await ctx.newPage();
  await page.goto(`/login?callbackUrl=${encodeURIComponent(to)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === to);
  return page;
}

async function enroll(page: Page, name: string) {
  await page.getByTestId("enroll-device").click();
  const dialog = page.getByRole("dialog", { name: "Enroll this device" });
  await dialog.getByLabel("Device name").fill(name);
  await dialog.getByRole("button", { name: "Enroll" }).click();
  await expect(page.getByTestId("switch-user")).toBeVisible();
}

async function me(page: Page): Promise<{ name: string; role: string }> {
  const res = await page.request.get("/api/v1/me");
  expect(res.status()).toBe(200);
  return (await res.json()).user;
}

let tablet: Page;
let screen: Page;
// The tablet and the grill screen carry on from one test to the next.
test.use({ keepContexts: true });
test.afterAll(async () => {
  for (const page of [tablet, screen]) await page?.context().close();
});
// Unique per run: a reused server keeps the enrollments of earlier runs.
const SCREEN_NAME = `Grill screen ${Date.now().toString(36)}`;

test("a manager enrolls a tablet and signs out; a server switches in by PIN on the pad", async ({ browser }) => {
  tablet = await signedInFresh(browser, "manager@demo.kitchen", TABLET, "/floor");
  await enroll(tablet, "Bar tablet");

  // The admin console lists it, marked as this browser.
  await tablet.goto("/admin/devices");
  await expect(tablet.getByTestId("device-row").filter({ hasText: "Bar tablet" })).toContainText("this browser");

  await tablet.goto("/floor");
  await tablet.getByRole("button", { name: "Sign out" }).click();
  // Signed out, an enrolled device shows its PIN pad instead of the email form.
  await expect(tablet.getByRole("heading", { name: "Sign in with your PIN" })).toBeVisible();
  await expect(tablet.getByRole("link", { name: "Sign in with email and password" })).toBeVisible();
  await expect(tablet.getByLabel("Email")).toHaveCount(0);

  await tablet.getByRole("button", { name: /Sam Carter/ }).click();
  await expect(tablet.getByTestId("switch-chosen")).toHaveText("Sam Carter");
  // A wrong PIN, typed on a keyboard: refused, still signed out.
  await tablet.keyboard.type("9182");
  await tablet.keyboard.press("Enter");
  await expect(tablet.getByRole("alert").filter({ hasText: "Wrong PIN" })).toBeVisible();
  // The right one on the big keys.
  const pad = tablet.getByTestId("pin-pad");
  for (const d of "2749") await pad.getByRole("button", { name: d, exact: true }).tap();
  const key = await pad.getByRole("button", { name: "7", exact: true }).boundingBox();
  expect(key!.height).toBeGreaterThanOrEqual(64);
  await pad.getByRole("button", { name: "Enter" }).tap();
  await tablet.waitForURL((u) => u.pathname === "/floor");
  await expect(tablet.getByTestId("signed-in-as")).toContainText("Sam Carter");
  // The device stays enrolled: the header offers the next switch.
  await expect(tablet.getByTestId("switch-user")).toBeVisible();
  await tablet.getByTestId("switch-user").click();
  await tablet.getByRole("button", { name: "Cancel" }).click();
});

test("the server voids a line the kitchen has, with the manager's PIN typed in the void dialog", async () => {
  await tablet.locator(`[data-testid=table-tile][data-label="11"]`).click();
  const seat = tablet.getByRole("button", { name: /Seat \d+ and start order/ });
  await expect(seat.or(tablet.getByTestId("order-pad"))).toBeVisible();
  if (await seat.isVisible()) await seat.click();
  await tablet.getByRole("button", { name: "Sides", exact: true }).click();
  await tablet.getByRole("button", { name: "Hand-cut Fries", exact: true }).click();
  await tablet.getByTestId("send-order").click();
  await expect(tablet.getByTestId("pad-notice")).toContainText("Sent to kitchen");

  const line = tablet.getByTestId("order-line").filter({ hasText: "Hand-cut Fries" }).first();
  await line.getByRole("button", { name: "Void" }).tap();
  const dialog = tablet.getByRole("dialog");
  await expect(dialog.getByTestId("approval-needed")).toBeVisible();
  await dialog.getByRole("button", { name: "Guest changed mind" }).tap();
  await dialog.getByRole("button", { name: "Next: manager approval" }).tap();
  await dialog.getByRole("button", { name: "Jordan Reyes" }).tap();
  // A wrong PIN first: the pad says so and the line stays.
  await tablet.keyboard.type("1111");
  await tablet.keyboard.press("Enter");
  await expect(dialog.getByRole("alert").filter({ hasText: "Wrong PIN" })).toBeVisible();
  await tablet.keyboard.type("5820");
  await tablet.keyboard.press("Enter");
  await expect(tablet.getByRole("dialog")).toHaveCount(0);
  await expect(tablet.getByTestId("pad-notice")).toContainText("voided");
  await expect(line).toHaveAttribute("data-status", "VOIDED");
  // Still the server on this tablet: the approval did not switch who is signed in.
  expect(await me(tablet)).toMatchObject({ name: "Sam Carter", role: "SERVER" });
  await tablet.context().close();
});

test("the kitchen screen switches cooks by PIN", async ({ browser }) => {
  screen = await signedInFresh(browser, "manager@demo.kitchen", KITCHEN, "/kitchen/grill");
  await enroll(screen, SCREEN_NAME);
  await screen.getByTestId("switch-user").click();
  const overlay = screen.getByRole("dialog", { name: "Switch user" });
  await expect(overlay).toContainText(SCREEN_NAME);
  // Kitchen staff only: no server tile on the kitchen's pad.
  await expect(overlay.getByRole("button", { name: /Sam Carter/ })).toHaveCount(0);
  await overlay.getByRole("button", { name: /Priya Nair/ }).click();
  await screen.keyboard.type("6071");
  await screen.keyboard.press("Enter");
  // The switch loads the page again as the new person: the overlay is gone with the old page.
  await expect(overlay).toHaveCount(0, { timeout: 20_000 });
  await expect(screen.getByTestId("kitchen-display")).toBeVisible();
  expect(await me(screen)).toMatchObject({ name: "Priya Nair", role: "CHEF" });
  expect(new URL(screen.url()).pathname).toBe("/kitchen/grill");
});

test("revoking the kitchen screen signs out the cook on it; the manager elsewhere stays in", async ({ browser }) => {
  const desk = await browser.newContext({
    storageState: storageStateFor("manager"),
    viewport: { width: 1440, height: 900 },
  });
  const admin = await desk.newPage();
  await admin.goto("/admin/devices");
  const row = admin.locator(`[data-testid="device-row"][data-name="${SCREEN_NAME}"]`);
  await row.getByRole("button", { name: `Revoke ${SCREEN_NAME}`, exact: true }).click();
  await row.getByRole("button", { name: `Revoke ${SCREEN_NAME} now` }).click();
  await expect(row).toHaveCount(0);

  // The cook's session on that screen is over: the API refuses it and the screen lands on sign-in,
  // with the email form (no PIN pad: the device is no longer enrolled).
  expect((await screen.request.get("/api/v1/me")).status()).toBe(401);
  await screen.reload();
  await screen.waitForURL((u) => u.pathname === "/login");
  await expect(screen.getByLabel("Email")).toBeVisible();
  expect((await admin.request.get("/api/v1/me")).status()).toBe(200);
  await screen.context().close();
  await desk.close();
});

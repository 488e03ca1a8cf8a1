import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { storageStateFor } from "./support/e2e-env";
import { readMail, resetPathIn } from "./support/mail";

// Issue 10: a manager adds a server and a cook; the server's invite arrives at the test SMTP
// server, they choose a password from its link and sign in. Deactivating a signed-in person
// signs them out at once.

const NEW_PASSWORD = "copper pans on the pass";
const unique = () => Math.random().toString(36).slice(2, 8);

async function addStaff(page: Page, s: { name: string; email: string; role: string; rate?: string }) {
  await page.goto("/admin/staff");
  await page.getByRole("link", { name: "Add staff" }).click();
  await expect(page.getByRole("heading", { name: "Add staff" })).toBeVisible();
  await page.getByLabel("Name").fill(s.name);
  await page.getByLabel("Email").fill(s.email);
  await page.getByLabel("Role at this location").selectOption({ label: s.role });
  if (s.rate) await page.getByLabel("Hourly rate").fill(s.rate);
  await page.getByRole("button", { name: "Add staff member" }).click();
  await expect(page.getByTestId("staff-created")).toContainText(`invite to set a password was mailed to ${s.email}`);
  return page.url().split("/admin/staff/")[1].split("?")[0];
}

async function setPasswordAndSignIn(page: Page, path: string, email: string) {
  await page.goto(path);
  await expect(page.getByTestId("reset-email")).toHaveText(email);
  await expect(page.getByRole("button", { name: "Set password" })).toBeEnabled(); // hydrated
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Repeat new password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByTestId("password-set")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("staff administration", () => {
  test.use({ storageState: storageStateFor("manager"), viewport: { width: 1440, height: 900 } });

  test("a manager adds a server and a cook; the server sets a password from the invite and signs in", async ({
    page,
    browser,
  }) => {
    test.slow(); // two creations, a mail round trip and a sign-in
    const server = { name: `Sam Server ${unique()}`, email: `sam-${unique()}@e2e.test`, role: "Server", rate: "15.50" };
    const cook = { name: `Cleo Cook ${unique()}`, email: `cleo-${unique()}@e2e.test`, role: "Chef" };
    await addStaff(page, server);
    await addStaff(page, cook);

    await page.goto("/admin/staff");
    const row = page.locator(`[data-testid=staff-row][data-email="${server.email}"]`);
    await expect(row).toContainText("server");
    await expect(row).toContainText("$15.50");
    await expect(row).toContainText("invited");
    await expect(page.locator(`[data-testid=staff-row][data-email="${cook.email}"]`)).toContainText("chef");

    const mail = await readMail(server.email, { match: /reset-password/ });
    expect(mail.subject).toMatch(/added to/);
    const tablet = await (await browser.newContext({ storageState: undefined })).newPage();
    await setPasswordAndSignIn(tablet, resetPathIn(mail), server.email);
    await expect(tablet).toHaveURL(/\/floor$/);
    await expect(tablet.getByTestId("signed-in-as")).toContainText(server.name);

    await page.reload();
    await expect(row).toContainText("active");
    // The link worked once.
    await tablet.goto(resetPathIn(mail));
    await expect(tablet.getByTestId("reset-link-invalid")).toBeVisible();
    await tablet.context().close();
  });

  test("deactivating a signed-in person signs them out at once", async ({ page, browser }) => {
    test.slow();
    const host = { name: `Hal Host ${unique()}`, email: `hal-${unique()}@e2e.test`, role: "Host" };
    await addStaff(page, host);
    // The manager hands over a reset link instead of waiting for the mail.
    await page.getByRole("button", { name: "Issue reset link" }).click();
    const link = await page.getByLabel(/Reset link, shown only now/).inputValue();
    expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{22}$/);

    const tablet = await (await browser.newContext({ storageState: undefined })).newPage();
    await setPasswordAndSignIn(tablet, new URL(link).pathname, host.email);
    await expect(tablet).toHaveURL(/\/floor\/host$/);
    expect((await tablet.request.get("/api/v1/me")).status()).toBe(200);

    await page.getByRole("button", { name: "Deactivate" }).click();
    await page.getByRole("button", { name: "Yes, deactivate" }).click();
    await expect(page.getByTestId("staff-action-outcome")).toHaveText("Deactivated and signed out everywhere");

    expect((await tablet.request.get("/api/v1/me")).status()).toBe(401);
    await tablet.reload();
    await expect(tablet).toHaveURL(/\/login/);
    await tablet.context().close();
  });

  test("shows field errors, and the role table", async ({ page }) => {
    await page.goto("/admin/staff/new");
    await page.getByRole("button", { name: "Add staff member" }).click();
    await expect(page.locator("#name-error")).toContainText("Enter a name");
    await expect(page.locator("#email-error")).toBeVisible();
    await expect(page.locator("#role-error")).toBeVisible();
    await expect(page.getByLabel("Role at this location").locator("option", { hasText: "Admin" })).toHaveCount(0);

    await page.goto("/admin/staff/roles");
    const grant = page.locator('[data-testid=role-row][data-permission="staff.grantAdmin"]');
    await expect(grant.getByRole("img", { name: "yes" })).toHaveCount(1);
    await expect(
      page.locator('[data-testid=role-row][data-permission="tasks.tick"]').getByRole("img", { name: "yes" }),
    ).toHaveCount(7); // every role, drivers included
  });
});

test.describe("the staff API", () => {
  test.use({ storageState: storageStateFor("server") });

  test("refuses a server (403) and answers unknown ids with 404", async ({ page, browser }) => {
    expect((await page.request.get("/api/v1/staff")).status()).toBe(403);
    const manager = await browser.newContext({ storageState: storageStateFor("manager") });
    expect((await manager.request.get("/api/v1/staff/no-such-user")).status()).toBe(404);
    const bad = await manager.request.post("/api/v1/staff", { data: { name: "", email: "x", role: "ADMIN" } });
    expect(bad.status()).toBe(400);
    await manager.close();
  });
});

test("forgot password answers the same for any email", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("button", { name: "Send reset link" })).toBeEnabled(); // hydrated
  await page.getByLabel("Email").fill(`nobody-${unique()}@e2e.test`);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const answer = await page.getByTestId("reset-requested").textContent();
  await page.goto("/forgot-password");
  await expect(page.getByRole("button", { name: "Send reset link" })).toBeEnabled();
  await page.getByLabel("Email").fill("server@demo.kitchen");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByTestId("reset-requested")).toHaveText(answer!);
  const mail = await readMail("server@demo.kitchen", { match: /reset-password/ });
  expect(mail.subject).toBe("Reset your ServiceBell password");
});

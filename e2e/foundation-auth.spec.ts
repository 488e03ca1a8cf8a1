import { expect, test } from "./support/test";
import { LOCKOUT_USERS, PASSWORD, ROLE_USERS, storageStateFor, type RoleName } from "./support/e2e-env";

const HOME: Record<RoleName, RegExp> = {
  admin: /\/admin$/,
  manager: /\/admin$/,
  server: /\/floor$/,
  cashier: /\/floor\/checks$/,
  host: /\/floor\/host$/,
  chef: /\/kitchen$/,
  driver: /\/driver$/,
};

async function signIn(page: import("@playwright/test").Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  // Wait for the server's answer so a previous attempt's message is never mistaken for this one's.
  const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await answered;
}
const loginError = (page: import("@playwright/test").Page) => page.getByTestId("login-error");

test.describe("each role signs in and lands on its surface", () => {
  for (const role of Object.keys(ROLE_USERS) as RoleName[]) {
    test(role, async ({ page }) => {
      await page.goto("/login");
      await signIn(page, ROLE_USERS[role], PASSWORD);
      await expect(page).toHaveURL(HOME[role]);
      await expect(page.getByTestId("signed-in-as")).toContainText(role);
    });
  }
});

test.describe("surfaces show real data", () => {
  test("admin dashboard and staff list", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("manager") })).newPage();
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: /Today at Harbor Street Bistro/ })).toBeVisible();
    await expect(page.getByTestId("today-figures")).toContainText("Sales today");
    await page.goto("/admin/staff");
    const table = page.getByTestId("staff-table");
    for (const email of Object.values(ROLE_USERS)) await expect(table).toContainText(email);
  });

  test("floor shows tables by area", async ({ browser }) => {
    const page = await (
      await browser.newContext({ storageState: storageStateFor("server"), viewport: { width: 1024, height: 768 } })
    ).newPage();
    await page.goto("/floor");
    await expect(page.getByRole("heading", { name: "Main dining" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Patio" })).toBeVisible();
    expect(await page.getByTestId("table-tile").count()).toBeGreaterThanOrEqual(18);
  });

  test("kitchen lists its stations", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("chef") })).newPage();
    await page.goto("/kitchen");
    const list = page.getByTestId("station-list");
    for (const name of ["Grill", "Fryer", "Expo"]) await expect(list).toContainText(name);
  });
});

test.describe("role checks on the server", () => {
  test("a server opening /admin gets the 403 page", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("server") })).newPage();
    const res = await page.goto("/admin");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "This area is not for your role" })).toBeVisible();
  });

  test("a chef cannot open the floor, a host cannot open the kitchen", async ({ browser }) => {
    const chef = await (await browser.newContext({ storageState: storageStateFor("chef") })).newPage();
    expect((await chef.goto("/floor"))?.status()).toBe(403);
    const host = await (await browser.newContext({ storageState: storageStateFor("host") })).newPage();
    expect((await host.goto("/kitchen"))?.status()).toBe(403);
  });

  test("the API answers 401 signed out and 403 with JSON for the wrong role", async ({ browser, request }) => {
    const anon = await request.get("/api/health");
    expect(anon.status()).toBe(401);
    expect((await anon.json()).error.code).toBe("UNAUTHENTICATED");
    const ctx = await browser.newContext({ storageState: storageStateFor("server") });
    const res = await ctx.request.get("/api/health");
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
    const me = await ctx.request.get("/api/v1/me");
    expect(me.status()).toBe(200);
    expect((await me.json()).user.role).toBe("SERVER");
  });
});

test("a signed-out visit is redirected to sign-in and returns afterwards", async ({ page }) => {
  await page.goto("/admin/staff");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fstaff/);
  await signIn(page, ROLE_USERS.manager, PASSWORD);
  await expect(page).toHaveURL(/\/admin\/staff$/);
  await expect(page.getByTestId("staff-table")).toBeVisible();
});

test("an off-site callbackUrl is ignored", async ({ page }) => {
  await page.goto("/login?callbackUrl=//evil.example/steal");
  await signIn(page, ROLE_USERS.host, PASSWORD);
  await expect(page).toHaveURL(/localhost:\d+\/floor\/host$/);
});

test.describe("callbackUrl look-alikes never leave the site", () => {
  // Each was followed off-site (or answered 500) before: tab/CR/LF inside `//`, backslashes.
  const tricks = [
    "%2F%09%2Fevil.example",
    "%2F%0D%2Fevil.example",
    "%2F%0A%2Fevil.example",
    "%2F%5Cevil.example",
    "%5C%5Cevil.example",
    "https%3A%2F%2Fevil.example",
    "%2Ffloor%0A",
  ];

  test("signed in: /login answers a same-site redirect, never 500", async ({ browser }) => {
    const ctx = await browser.newContext({ storageState: storageStateFor("host") });
    for (const trick of tricks) {
      const res = await ctx.request.get(`/login?callbackUrl=${trick}`, { maxRedirects: 0 });
      expect(res.status(), trick).toBe(307);
      const location = res.headers()["location"];
      expect(new URL(location, "http://localhost").host, `${trick} → ${location}`).toBe("localhost");
      // Home (the host stand) or the trick's own same-site path, decoded: never off the site.
      expect(new URL(location, "http://localhost").pathname, trick).toMatch(/^\/floor(\/host)?$/);
    }
    await ctx.close();
  });

  test("through the form: lands on the role's home", async ({ page }) => {
    await page.goto(`/login?callbackUrl=${tricks[0]}`);
    await signIn(page, ROLE_USERS.host, PASSWORD);
    await expect(page).toHaveURL(/localhost:\d+\/floor\/host$/);
  });
});

test("the 6th bad password is refused with the account locked", async ({ page }) => {
  const email = LOCKOUT_USERS[0];
  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn(page, email, `wrong-password-${attempt}`);
    await expect(loginError(page)).toHaveText("Invalid email or password");
  }
  // Locked now: even the right password is refused, and the message says so.
  await signIn(page, email, PASSWORD);
  await expect(loginError(page)).toContainText("Too many failed attempts");
  await expect(page).toHaveURL(/\/login/);
});

test("an unknown email gets the same answers as a known one", async ({ page }) => {
  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn(page, "nobody-here@demo.kitchen", `wrong-password-${attempt}`);
    await expect(loginError(page)).toHaveText("Invalid email or password");
  }
  await signIn(page, "nobody-here@demo.kitchen", "another-guess-123");
  await expect(loginError(page)).toContainText("Too many failed attempts");
});

test("sign-out ends the session on the server: a copy of the old cookie no longer works", async ({ page, browser }) => {
  await page.goto("/login");
  await signIn(page, ROLE_USERS.cashier, PASSWORD);
  await expect(page).toHaveURL(/\/floor\/checks$/);
  const copied = await page.context().storageState();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/floor");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ffloor/);

  // Someone who kept the cookie (a shared tablet, a stolen copy) is signed out too.
  const thief = await browser.newContext({ storageState: copied });
  expect((await thief.request.get("/api/v1/me")).status()).toBe(401);
  const floor = await thief.request.get("/floor", { maxRedirects: 0 });
  expect(floor.status()).toBe(307);
  expect(floor.headers()["location"]).toContain("/login");
  await thief.close();
});

test("the sign-in address is the socket's, not a header the client wrote", async ({ browser }) => {
  const ctx = await browser.newContext({
    extraHTTPHeaders: { "x-real-ip": "203.0.113.7", "x-forwarded-for": "203.0.113.9", forwarded: "for=203.0.113.11" },
  });
  const page = await ctx.newPage();
  await page.goto("/login");
  await signIn(page, LOCKOUT_USERS[3], PASSWORD);
  await expect(page).toHaveURL(/\/floor$/);
  await page.goto("/account");
  const current = page.getByTestId("session-row").filter({ hasText: "this device" });
  await expect(current).toHaveCount(1);
  await expect(current).toContainText(/127\.0\.0\.1|::1/);
  await expect(page.getByTestId("session-list")).not.toContainText("203.0.113");
  await ctx.close();
});

test("sign out everywhere ends every session of the person, and drops their live updates", async ({ browser }) => {
  test.slow(); // two sign-ins and a realtime connection
  const email = LOCKOUT_USERS[3];
  const tablet = await (await browser.newContext()).newPage();
  await tablet.goto("/login");
  await signIn(tablet, email, PASSWORD);
  await expect(tablet).toHaveURL(/\/floor$/);
  await expect(tablet.getByTestId("realtime-health")).toHaveAttribute("data-state", "live", { timeout: 15_000 });

  const laptop = await (await browser.newContext()).newPage();
  await laptop.goto("/login");
  await signIn(laptop, email, PASSWORD);
  await laptop.goto("/account");
  // Both devices are listed (plus any session an earlier test left).
  await expect(laptop.getByTestId("session-row").filter({ hasText: "this device" })).toHaveCount(1);
  expect(await laptop.getByTestId("session-row").count()).toBeGreaterThanOrEqual(2);
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/login/, { timeout: 15_000 }); // an action, then next-auth's sign-out round trip

  // The tablet's socket is dropped by the realtime server, and its cookie no longer works.
  await expect(tablet.getByTestId("realtime-health")).toHaveAttribute("data-state", "offline", { timeout: 10_000 });
  expect((await tablet.request.get("/api/v1/me")).status()).toBe(401);
  await tablet.reload();
  await expect(tablet).toHaveURL(/\/login/);
});

test("a manager can switch to another of their locations", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, ROLE_USERS.manager, PASSWORD);
  await expect(page.getByRole("heading", { name: /Today at Harbor Street Bistro/ })).toBeVisible();
  const select = page.getByLabel("Location");
  const other = await select.locator("option", { hasNotText: "Harbor Street" }).first().getAttribute("value");
  await select.selectOption(other!);
  await expect(page.getByRole("heading", { name: /Today at (?!Harbor)/ })).toBeVisible();
});

test("changing the password applies the policy and signs out everywhere", async ({ page, browser }) => {
  test.slow(); // five sign-ins and two argon2 hashes
  const email = LOCKOUT_USERS[1];
  await page.goto("/login");
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/floor$/);
  // A second device signed in as the same person.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/login");
  await signIn(other, email, PASSWORD);
  await expect(other).toHaveURL(/\/floor$/);

  await page.getByTestId("signed-in-as").click();
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("password1234");
  await page.getByLabel("Repeat new password").fill("password1234");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This password is too common; choose another")).toBeVisible();

  await page.getByLabel("New password", { exact: true }).fill("harbor lights at midnight");
  await page.getByLabel("Repeat new password").fill("harbor lights at midnight");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login/);

  // The other device's session is revoked on its next request.
  await other.goto("/floor");
  await expect(other).toHaveURL(/\/login/);
  await signIn(page, email, PASSWORD);
  await expect(loginError(page)).toHaveText("Invalid email or password");
  await signIn(page, email, "harbor lights at midnight");
  await expect(page).toHaveURL(/\/floor$/);
});

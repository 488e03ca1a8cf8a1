// The API's transport guarantees, against the production build: CSRF refused for cookie
// sessions (issue 7 #6), 429 with Retry-After and RateLimit fields (#7), no caching (#12).
import { type APIResponse, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { E2E_BASE_URL, E2E_PORT, LOCKOUT_USERS, PASSWORD, storageStateFor } from "./support/e2e-env";

// Same host, another port: a different ORIGIN but the same SITE, so SameSite=Lax cookies go along.
const ATTACKER = `http://localhost:${E2E_PORT + 1}`;
const MARK = 97; // an unusual guest count, to find the order a forged request would open

async function forgedOrders(page: Page): Promise<number> {
  const res = await page.request.get("/api/v1/orders?status=ACTIVE&limit=200");
  expect(res.status()).toBe(200);
  const { orders } = (await res.json()) as { orders: { guestCount: number; table: unknown }[] };
  return orders.filter((o) => o.guestCount === MARK && o.table === null).length;
}

test.describe("CSRF: cookie-authenticated unsafe requests", () => {
  test("another origin's page cannot open an order with the victim's cookie (fetch or form, text/plain)", async ({
    browser,
  }) => {
    const ctx = await browser.newContext({ storageState: storageStateFor("server") });
    const victim = await ctx.newPage();
    await victim.goto("/floor");
    const before = await forgedOrders(victim);

    // The attacker's page, served at another origin of the same site.
    await ctx.route(`${ATTACKER}/**`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><form id="f" method="POST" enctype="text/plain" action="${E2E_BASE_URL}/api/v1/orders">
          <input name='{"guestCount":${MARK},"x":"' value='"}'></form>`,
      }),
    );
    const attacker = await ctx.newPage();
    await attacker.goto(`${ATTACKER}/evil`);
    // The browser hides the answer from the attacker (opaque, or blocked by ORB): what matters is
    // that the server acted on nothing.
    const sent = attacker.waitForRequest((r) => r.url().endsWith("/api/v1/orders") && r.method() === "POST");
    await attacker.evaluate(
      async ({ url, mark }) => {
        await fetch(url, {
          method: "POST",
          mode: "no-cors",
          credentials: "include",
          headers: { "content-type": "text/plain" },
          body: JSON.stringify({ guestCount: mark }),
        }).catch(() => null);
      },
      { url: `${E2E_BASE_URL}/api/v1/orders`, mark: MARK },
    );
    const fetchHeaders = await (await sent).allHeaders();
    expect(fetchHeaders["cookie"]).toContain("session-token"); // the cookie did go along
    expect(fetchHeaders["origin"]).toBe(ATTACKER);

    const posted = attacker.waitForResponse(
      (r) => r.url().endsWith("/api/v1/orders") && r.request().method() === "POST",
    );
    await attacker.evaluate(() => (document.getElementById("f") as HTMLFormElement).submit());
    expect((await posted).status()).toBe(403);

    expect(await forgedOrders(victim)).toBe(before);
    await ctx.close();
  });

  test("our own page still works: same-origin JSON is accepted, same-origin text/plain is not", async ({ browser }) => {
    const ctx = await browser.newContext({ storageState: storageStateFor("server") });
    const page = await ctx.newPage();
    await page.goto("/floor");
    const statuses = await page.evaluate(async () => {
      const post = (type: string) =>
        fetch("/api/v1/orders", {
          method: "POST",
          headers: { "content-type": type },
          body: JSON.stringify({ guestCount: 2, notes: "csrf control" }),
        }).then((r) => r.status);
      return { json: await post("application/json"), text: await post("text/plain") };
    });
    expect(statuses).toEqual({ json: 201, text: 415 });
    await ctx.close();
  });
});

test("API answers are never cached, errors included", async ({ browser, request }) => {
  const ctx = await browser.newContext({ storageState: storageStateFor("server") });
  for (const res of [
    await ctx.request.get("/api/v1/me"),
    await ctx.request.get("/api/health"),
    await request.get("/api/v1/me"),
  ]) {
    expect([200, 401, 403]).toContain(res.status());
    expect(res.headers()["cache-control"], `${res.url()} ${res.status()}`).toBe("no-store");
  }
  await ctx.close();
});

test("past the API limit: 429 with Retry-After, RateLimit-Policy and RateLimit", async ({ browser }) => {
  // A user of its own: its API budget (600 a minute) is spent here and nowhere else.
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(LOCKOUT_USERS[2]);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/floor$/);

  let limited: APIResponse | null = null;
  for (let batch = 0; batch < 40 && !limited; batch++) {
    const answers = await Promise.all(Array.from({ length: 20 }, () => ctx.request.get("/api/v1/me")));
    limited = answers.find((r) => r.status() === 429) ?? null;
  }
  expect(limited, "no 429 after 800 requests").not.toBeNull();
  const h = limited!.headers();
  const retryAfter = Number(h["retry-after"]);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(h["ratelimit-policy"]).toBe('"api";q=600;w=60');
  expect(h["ratelimit"]).toBe(`"api";r=0;t=${retryAfter}`);
  const body = (await limited!.json()) as { error: unknown };
  expect(body.error).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: retryAfter });
  await ctx.close();
});

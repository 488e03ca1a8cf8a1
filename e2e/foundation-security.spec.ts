import { expect, test } from "./support/test";
import { storageStateFor } from "./support/e2e-env";

test("pages carry a per-request nonce CSP and the usual security headers", async ({ page, request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const csp = first.headers()["content-security-policy"];
  expect(csp).toBeTruthy();
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(second.headers()["content-security-policy"]).not.toContain(nonce!);
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
    expect(csp).toContain(directive);

  const h = first.headers();
  expect(h["strict-transport-security"]).toMatch(/max-age=\d+/);
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBeTruthy();
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["x-powered-by"]).toBeUndefined();

  // Next's inline bootstrap scripts carry the nonce of this response.
  const html = await first.text();
  expect(html).toContain(`nonce="${nonce}"`);

  // And the page actually works under that policy (hydrated form, no CSP violations).
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  expect(violations).toEqual([]);
});

test("prefetch and RSC requests carry the security headers too", async ({ browser, request }) => {
  const ctx = await browser.newContext({ storageState: storageStateFor("server") });
  const prefetches: Record<string, string>[] = [
    { "next-router-prefetch": "1", rsc: "1" },
    { purpose: "prefetch" },
    { "sec-purpose": "prefetch" },
    { rsc: "1" },
  ];
  for (const headers of prefetches) {
    for (const res of [
      await ctx.request.get("/floor", { headers, maxRedirects: 0 }),
      await request.get("/admin", { headers, maxRedirects: 0 }),
    ]) {
      const h = res.headers();
      const what = `${res.url()} ${JSON.stringify(headers)} → ${res.status()}`;
      expect(h["x-content-type-options"], what).toBe("nosniff");
      expect(h["x-frame-options"], what).toBe("DENY");
      expect(h["strict-transport-security"], what).toMatch(/max-age=\d+/);
      expect(h["referrer-policy"], what).toBeTruthy();
      expect(h["permissions-policy"], what).toContain("camera=()");
      expect(h["content-security-policy"], what).toContain("frame-ancestors 'none'");
    }
  }
  await ctx.close();
});

test("health probes", async ({ request }) => {
  const live = await request.get("/api/health/live");
  expect(live.status()).toBe(200);
  expect(await live.json()).toEqual({ status: "ok" });
  const ready = await request.get("/api/health/ready");
  expect(ready.status()).toBe(200);
  const body = await ready.json();
  expect(body.status).toBe("ready");
  expect(body.checks.map((c: { name: string }) => c.name)).toEqual(["database", "migrations", "realtime"]);
});

test("the session cookie is HttpOnly", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("host@demo.kitchen");
  await page.getByLabel("Password").fill("servicebell-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/floor\/host$/);
  const cookie = (await page.context().cookies()).find((c) => c.name.includes("next-auth.session-token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
});

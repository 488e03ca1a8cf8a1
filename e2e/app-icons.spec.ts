// Issue 7 #23: the favicon, the app icons and the web app manifest are served to anyone (a
// browser asks for them before signing in, an install prompt without cookies), with the right
// types, and every page links the manifest, so the floor and the kitchen install full screen.
import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test";
import { storageStateFor } from "./support/e2e-env";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(body: Buffer) {
  expect(body.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

async function fetchOk(api: APIRequestContext, path: string, type: RegExp) {
  const res = await api.get(path, { maxRedirects: 0 });
  expect(res.status(), path).toBe(200);
  expect(res.headers()["content-type"], path).toMatch(type);
  return res;
}

test("favicon, icons and manifest answer 200 with their content types without a session", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const ico = await (await fetchOk(api, "/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)/)).body();
  expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0]); // ICO header: reserved 0, type 1 (icon)
  expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(2); // several sizes

  const res = await fetchOk(api, "/manifest.webmanifest", /^application\/manifest\+json/);
  const manifest = (await res.json()) as {
    display: string;
    start_url: string;
    theme_color: string;
    background_color: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(["fullscreen", "standalone"]).toContain(manifest.display);
  expect(manifest.start_url).toBe("/floor");
  expect(manifest.theme_color).toBe("#111827");
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
  for (const icon of manifest.icons) {
    const body = await (await fetchOk(api, icon.src, /^image\/png/)).body();
    const [w, h] = icon.sizes.split("x").map(Number);
    expect(pngSize(body)).toEqual({ width: w, height: h });
  }
  expect(pngSize(await (await fetchOk(api, "/apple-icon.png", /^image\/png/)).body())).toEqual({
    width: 180,
    height: 180,
  });
  await fetchOk(api, "/icon.svg", /^image\/svg\+xml/);
  await api.dispose();
});

test("pages link the manifest and icons, and the CSP lets the browser load them", async ({ browser }) => {
  for (const [role, path] of [
    [null, "/login"],
    ["server", "/floor"],
    ["chef", "/kitchen"],
  ] as const) {
    const ctx = await browser.newContext(role ? { storageState: storageStateFor(role) } : {});
    const page = await ctx.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", /^\/apple-icon\.png/);
    // The browser fetches the manifest itself (manifest-src 'self'): no CSP complaint.
    const manifest = await page.evaluate(async () => (await fetch("/manifest.webmanifest")).status);
    expect(manifest).toBe(200);
    expect(violations).toEqual([]);
    await ctx.close();
  }
});

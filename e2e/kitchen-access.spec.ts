// Issue 7 item 8: a refused page answers 403 on the wire, not a 200 that streams the 403 page.
// Checked on the document response of a real navigation, for every floor role on the kitchen
// screens and for the chef on a table's order pad; the allowed roles still get 200.
import { type Browser } from "@playwright/test";
import { expect, test } from "./support/test";
import { storageStateFor, type RoleName } from "./support/e2e-env";

async function as(browser: Browser, role: RoleName) {
  const ctx = await browser.newContext({ storageState: storageStateFor(role) });
  return { ctx, page: await ctx.newPage() };
}

async function statusOf(browser: Browser, role: RoleName, path: string) {
  const { ctx, page } = await as(browser, role);
  const res = await page.goto(path);
  const status = res?.status();
  // A streamed page can reach "load" before React has revealed its content (seen once on a
  // loaded CI machine): wait for visible text before reading it.
  await page.locator("body").filter({ hasText: /\S/ }).waitFor();
  const body = await page.locator("body").innerText();
  await ctx.close();
  return { status, body };
}

async function aTableId(browser: Browser): Promise<string> {
  const { ctx } = await as(browser, "server");
  const floor = (await (await ctx.request.get("/api/v1/floor")).json()) as {
    areas: { tables: { id: string; label: string }[] }[];
  };
  await ctx.close();
  return floor.areas.flatMap((a) => a.tables).find((t) => t.label === "14")!.id;
}

for (const role of ["server", "cashier", "host"] as const) {
  test(`${role}: kitchen screens answer 403 with the 403 page`, async ({ browser }) => {
    for (const path of ["/kitchen/grill", "/kitchen/expo", "/kitchen/no-such-station"]) {
      const { status, body } = await statusOf(browser, role, path);
      expect(status, `${role} ${path}`).toBe(403);
      expect(body).toContain("This area is not for your role");
      expect(body).not.toContain("Loading tickets");
    }
  });
}

test("chef: a table's order pad answers 403; the chef's own screens answer 200 (404 for an unknown station)", async ({
  browser,
}) => {
  const tableId = await aTableId(browser);
  const pad = await statusOf(browser, "chef", `/floor/tables/${tableId}`);
  expect(pad.status).toBe(403);
  expect(pad.body).toContain("This area is not for your role");
  expect((await statusOf(browser, "chef", "/kitchen/grill")).status).toBe(200);
  expect((await statusOf(browser, "chef", "/kitchen/expo")).status).toBe(200);
  expect((await statusOf(browser, "chef", "/kitchen/no-such-station")).status).toBe(404);
});

test("server: the order pad still answers 200, an unknown table 404", async ({ browser }) => {
  const tableId = await aTableId(browser);
  expect((await statusOf(browser, "server", `/floor/tables/${tableId}`)).status).toBe(200);
  expect((await statusOf(browser, "server", "/floor/tables/not-a-table")).status).toBe(404);
});

// Issue #4 end to end (inventory side): stock drives the menu. Lobster runs out (waste logged in
// the console) → the dishes that need it are 86'd on the tablet; a purchase order is created,
// sent and received → stock goes up through RECEIPT movements and the dishes come back live.
import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { storageStateFor } from "./support/e2e-env";
import { openTabletAt } from "./support/tablet";

test.describe.configure({ mode: "serial" });

const tablet = openTabletAt;

async function manager(browser: Browser, path: string): Promise<Page> {
  const ctx = await browser.newContext({
    storageState: storageStateFor("manager"),
    viewport: { width: 1400, height: 900 },
  });
  const page = await ctx.newPage();
  await page.goto(path);
  return page;
}

const padItem = (pad: Page, name: string) => pad.getByTestId("menu-item").filter({ hasText: name });

test("receiving a purchase order raises stock and un-86s the item", async ({ browser }) => {
  // A console and a tablet, waste, a purchase order made, sent and received, the ledger, and an axe
  // check of every page it opened: ~45 s on a busy CI machine, over the default timeout.
  test.slow();
  const admin = await manager(browser, "/admin/inventory/waste");

  // 1. Whatever lobster is left spoils: log it as waste (all of it).
  const ingredients = (await (await admin.request.get("/api/v1/inventory/ingredients")).json()) as {
    ingredients: { id: string; name: string; onHand: string }[];
  };
  const lobster = ingredients.ingredients.find((i) => i.name === "Lobster meat")!;
  if (Number(lobster.onHand) > 0) {
    const form = admin.getByTestId("waste-form");
    await form.getByLabel("Ingredient").selectOption({ label: "Lobster meat" });
    await form.getByLabel("Quantity").fill(lobster.onHand);
    await form.getByLabel("Unit").selectOption("g");
    await form.getByLabel("Reason").selectOption("SPOILED");
    await form.getByLabel("Note (optional)").fill("walk-in door left open");
    await form.getByTestId("waste-submit").click();
    await expect(form.getByRole("status")).toContainText("86'd: ");
    await expect(form.getByRole("status")).toContainText("Lobster Roll");
  }

  // 2. The tablet cannot add a Lobster Roll any more.
  const pad = await tablet(browser, "13");
  await pad.getByRole("button", { name: "Burgers & Sandwiches", exact: true }).click();
  const roll = padItem(pad, "Lobster Roll");
  await expect(roll).toBeDisabled();

  // 3. Order two 1 kg tubs, mark the PO sent.
  await admin.goto("/admin/inventory/purchase-orders/new");
  const editor = admin.getByTestId("po-editor");
  await editor.getByLabel("Supplier").selectOption({ label: "Atlantic Meat & Seafood" });
  await editor.getByRole("button", { name: "Add line" }).click();
  await editor.getByLabel("Line 1 ingredient").selectOption({ label: "Lobster meat" });
  await editor.getByLabel("Line 1 quantity").fill("2");
  await editor.getByTestId("po-save").click();
  await expect(admin).toHaveURL(/\/admin\/inventory\/purchase-orders\/[^/]+$/);
  await expect(admin.getByTestId("po-status")).toHaveAttribute("data-status", "DRAFT");
  await admin.getByTestId("po-send").click();
  await expect(admin.getByTestId("po-status")).toHaveAttribute("data-status", "SENT");

  // 4. The delivery arrives: receive what was ordered (2 × 1 kg tub = 2000 g).
  const receive = admin.getByTestId("receive-form");
  await expect(receive.getByTestId("receive-qty")).toHaveValue("2");
  await expect(receive).toContainText("adds 2 kg");
  await receive.getByTestId("receive-submit").click();
  const flash = admin.getByTestId("po-flash");
  await expect(flash).toContainText("Back on the menu");
  await expect(flash).toContainText("Lobster Roll");
  await expect(admin.getByTestId("po-status")).toHaveAttribute("data-status", "RECEIVED");

  // 5. The tablet shows the dish again, live.
  await expect(roll).toBeEnabled({ timeout: 5_000 });

  // 6. Stock went up and the ledger explains it.
  await admin.goto(`/admin/inventory/ingredients/${lobster.id}`);
  await expect(admin.getByTestId("ingredient-on-hand")).toHaveText("2 kg");
  const latest = admin.getByTestId("ledger-row").first();
  await expect(latest).toHaveAttribute("data-type", "RECEIPT");
  await expect(latest).toContainText("+2 kg");
  await expect(admin.getByTestId("ledger-row").filter({ hasText: "Waste" }).first()).toContainText(
    "walk-in door left open",
  );

  // 7. A received order cannot be cancelled any more.
  const pos = (await (await admin.request.get("/api/v1/inventory/purchase-orders")).json()) as {
    purchaseOrders: { id: string; status: string }[];
  };
  const received = pos.purchaseOrders.find((p) => p.status === "RECEIVED")!;
  const cancel = await admin.request.post(`/api/v1/inventory/purchase-orders/${received.id}/cancel`, { data: {} });
  expect(cancel.status()).toBe(409);
  expect(((await cancel.json()) as { error: { code: string } }).error.code).toBe("INVALID_STATE");
});

test("a CSV with bad rows imports nothing and says which rows and why; a clean one imports", async ({ browser }) => {
  const admin = await manager(browser, "/admin/inventory/import");
  const importer = admin.getByTestId("csv-import-ingredients");
  const header =
    "name,base_unit,purchase_unit,purchase_unit_size,cost_per_purchase_unit,par_level,reorder_point,supplier,on_hand";
  const stamp = Date.now();
  const bad = [
    header,
    `E2E saffron ${stamp},g,1 g jar,1,9.00,10,2,,5`,
    `E2E vanilla ${stamp},pods,jar,10,abc,10,2,,`,
    `E2E yuzu ${stamp},ml,bottle,100,4.00,5,10,Nobody Ltd,`,
  ].join("\n");
  await importer
    .getByLabel("CSV file")
    .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  const report = importer.getByTestId("csv-import-errors");
  await expect(report).toContainText("2 row(s) need fixing");
  await expect(report.getByRole("row").filter({ hasText: "base_unit" })).toContainText("3");
  await expect(report).toContainText("cost_per_purchase_unit");
  await expect(report).toContainText("Must not be above par_level");
  // One pass: the server's reference check (unknown supplier) is in the same report (issue 7 #21c).
  await expect(report.getByRole("row").filter({ hasText: "supplier" })).toContainText('No supplier named "Nobody Ltd"');

  // The server applies the same rules (and the database ones, e.g. unknown supplier): nothing is written.
  const res = await admin.request.post("/api/v1/inventory/import", {
    headers: { "content-type": "text/csv" },
    data: bad,
  });
  expect(res.status()).toBe(400);
  const lines = (
    (await res.json()) as { error: { rowErrors: { line: number; column: string }[] } }
  ).error.rowErrors.map((e) => `${e.line}:${e.column}`);
  expect(lines).toEqual(
    expect.arrayContaining(["3:base_unit", "3:cost_per_purchase_unit", "4:reorder_point", "4:supplier"]),
  );
  const list = (await (await admin.request.get("/api/v1/inventory/ingredients")).json()) as {
    ingredients: { name: string }[];
  };
  expect(list.ingredients.some((i) => i.name.includes(String(stamp)))).toBe(false);

  const good = [header, `E2E saffron ${stamp},g,1 g jar,1,9.00,10,2,,5`].join("\n");
  await importer
    .getByLabel("CSV file")
    .setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await importer.getByTestId("csv-import-run").click();
  await expect(importer.getByTestId("csv-import-done")).toContainText("1 created");
  await admin.goto("/admin/inventory");
  await expect(
    admin.locator(`[data-testid=ingredient-row][data-name="E2E saffron ${stamp}"]`).getByTestId("on-hand"),
  ).toHaveText("5 g");
});

test("a stock count shows the variance and posts corrections", async ({ browser }) => {
  const admin = await manager(browser, "/admin/inventory/counts");
  await admin.getByLabel("Note").fill("E2E spot check");
  await admin.getByTestId("count-start").click();
  await expect(admin).toHaveURL(/\/admin\/inventory\/counts\/[^/]+$/);
  const row = admin.locator('[data-testid=count-row][data-name="Lemons"]');
  const expected = Number((await row.locator("td").nth(1).textContent())!.replace(/[^\d.]/g, ""));
  await row.getByTestId("count-input").fill(String(expected - 3));
  await expect(row.locator("td").nth(3)).toHaveText("-3 each");
  await admin.getByTestId("count-post").click();
  await admin.getByTestId("count-post-confirm").click(); // in the review dialog (nothing to flag)
  await expect(admin.getByRole("status").filter({ hasText: "Posted" })).toContainText("1 correction");
  await admin.goto("/admin/inventory");
  await expect(admin.locator('[data-testid=ingredient-row][data-name="Lemons"]').getByTestId("on-hand")).toHaveText(
    `${expected - 3} each`,
  );
});

test("an ingredient falling to its reorder point pops a live alert in the console", async ({ browser }) => {
  const watcher = await manager(browser, "/admin/inventory");
  await expect(watcher.getByTestId("live-console")).toContainText("Live");
  const list = (await (await watcher.request.get("/api/v1/inventory/ingredients")).json()) as {
    ingredients: { id: string; name: string; onHand: string; reorderPoint: string }[];
  };
  const lemons = list.ingredients.find((i) => i.name === "Lemons")!;
  const toWaste = Number(lemons.onHand) - Number(lemons.reorderPoint) + 1; // ends one below the reorder point
  // The e2e server seeds a fresh database every run, so Lemons start above their reorder point.
  expect(toWaste).toBeGreaterThan(0);

  // A chef logs the waste from the kitchen (API); the manager's console hears about it.
  const chef = await browser.newContext({ storageState: storageStateFor("chef") });
  const res = await chef.request.post("/api/v1/inventory/waste", {
    data: { ingredientId: lemons.id, quantity: String(toWaste), reason: "SPOILED", note: "mouldy crate" },
  });
  expect(res.status()).toBe(201);
  const alert = watcher.getByTestId("low-stock-alert");
  await expect(alert).toContainText("Lemons", { timeout: 5_000 });
  await expect(alert).toContainText(`reorder at ${lemons.reorderPoint} each`);
  await expect(watcher.getByTestId("low-stock-count")).toBeVisible();
  await watcher.getByRole("link", { name: "Reorder list" }).click();
  await expect(watcher.locator('[data-testid=reorder-row][data-name="Lemons"]')).toBeVisible();
});

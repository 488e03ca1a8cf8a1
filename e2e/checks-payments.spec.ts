// Issue 11 on the floor: a server seats 4 guests, sends one dish per seat, splits by seat, comps
// the dessert with the manager's PIN typed on the same tablet, takes cash with change, a card with
// a tip and the rest, closes the table and the tile turns free. The cashier lands on the open
// checks, which update live.
import { request, type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { E2E_BASE_URL, storageStateFor, type RoleName } from "./support/e2e-env";
import { readPrinter } from "./support/printer";

test.describe.configure({ mode: "serial" });

async function tablet(browser: Browser, role: RoleName = "server"): Promise<Page> {
  const ctx = await browser.newContext({
    storageState: storageStateFor(role),
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
  });
  return ctx.newPage();
}

async function openTable(page: Page, label: string, guests: number) {
  await page.goto("/floor");
  await page.locator(`[data-testid=table-tile][data-label="${label}"]`).click();
  await page.getByRole("radio", { name: String(guests), exact: true }).click();
  await page.getByRole("button", { name: new RegExp(`Seat ${guests} and start order`) }).click();
  await expect(page.getByTestId("order-pad")).toBeVisible();
}

async function addOnSeat(page: Page, seat: number, category: string, item: string) {
  await page
    .getByRole("radiogroup", { name: "Seat for new items" })
    .getByRole("radio", { name: String(seat) })
    .click();
  await page.getByRole("button", { name: category, exact: true }).click();
  await page.getByRole("button", { name: item, exact: true }).click();
}

/** Every station bumps table `label`'s items, then the pass sends the tickets: the food can be served. */
async function kitchenFinishes(label: string, stations: string[]) {
  const chef = await request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor("chef"),
    extraHTTPHeaders: { origin: E2E_BASE_URL },
  });
  try {
    const batches = new Map<string, { orderId: string; fireBatch: number }>();
    for (const station of stations) {
      const snapshot = (await (await chef.get(`/api/v1/kitchen/snapshot?station=${station}`)).json()) as {
        tickets: { tableLabel: string | null; orderId: string; fireBatch: number; items: { id: string }[] }[];
      };
      for (const t of snapshot.tickets.filter((x) => x.tableLabel === label)) {
        const bumped = await chef.post(`/api/v1/orders/${t.orderId}/bump`, {
          data: { station, orderItemIds: t.items.map((i) => i.id) },
        });
        expect(bumped.status()).toBe(200);
        batches.set(`${t.orderId}:${t.fireBatch}`, { orderId: t.orderId, fireBatch: t.fireBatch });
      }
    }
    expect(batches.size, `no tickets of table ${label} at ${stations.join(", ")}`).toBeGreaterThan(0);
    for (const b of batches.values()) {
      const ready = await chef.post(`/api/v1/orders/${b.orderId}/ready`, { data: { fireBatch: b.fireBatch } });
      expect(ready.status()).toBe(200);
    }
  } finally {
    await chef.dispose();
  }
}

/** A screenshot at the tablet's real size, kept with the test's results (looked at by hand). */
async function shot(page: Page, name: string) {
  const path = test.info().outputPath(`${name.replace(/[^a-z0-9]+/gi, "-")}.png`);
  await page.screenshot({ path });
  await test.info().attach(name, { path, contentType: "image/png" });
}

const cents = (text: string | null) => Math.round(Number((text ?? "").replace(/[^0-9.]/g, "")) * 100);
const dollars = (c: number) => `$${(c / 100).toFixed(2)}`;

/** A signed-in API client for one of the demo roles. */
const api = (role: RoleName) =>
  request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor(role),
    extraHTTPHeaders: { origin: E2E_BASE_URL },
  });

type Totals = {
  grossCents: number;
  compCents: number;
  discountCents: number;
  taxCents: number;
  netSalesCents: number;
  tipsCents: number;
  checks: number;
  tenders: Record<"CASH" | "CARD", { count: number; amountCents: number; tipCents: number }>;
};
/** Today's end-of-day (Z) report totals, as the manager's console reads them. */
async function zReport(): Promise<Totals> {
  const manager = await api("manager");
  try {
    const res = await manager.get("/api/v1/reports/end-of-day");
    expect(res.status()).toBe(200);
    return ((await res.json()) as { total: Totals }).total;
  } finally {
    await manager.dispose();
  }
}

test("split by seat, comp with the manager's PIN, cash with change, card with tip, receipt printed, close: the table is free and the Z report adds up", async ({
  browser,
}) => {
  test.slow(); // a whole table's meal and four payments
  // The receipt printer: the e2e server's pretend ESC/POS printer on TCP (named to sort first).
  const { port } = await readPrinter();
  const manager = await api("manager");
  const added = await manager.post("/api/v1/printers", {
    data: { name: `A checks ${Date.now()}`, host: "127.0.0.1", port, kind: "RECEIPT", lineWidth: 48 },
  });
  expect(added.status()).toBe(201);
  await manager.dispose();
  const zBefore = await zReport();
  const pad = await tablet(browser);
  await openTable(pad, "10", 4);
  await addOnSeat(pad, 1, "Drinks", "Iced Tea");
  await addOnSeat(pad, 2, "Sides", "Hand-cut Fries");
  await addOnSeat(pad, 3, "Sides", "Sweet Potato Fries");
  // Two cakes for seat 4: $20.00, above the server's $10.00 comp limit (demo settings).
  await addOnSeat(pad, 4, "Desserts", "Chocolate Lava Cake");
  await pad.getByRole("button", { name: "Chocolate Lava Cake", exact: true }).click();
  await expect(pad.getByTestId("draft-line")).toHaveCount(4);
  await pad.getByTestId("send-order").click();
  await expect(pad.getByTestId("pad-notice")).toContainText("Sent to kitchen");

  // One check for the table, then one per seat.
  await pad.getByTestId("open-checks").click();
  const panel = pad.getByTestId("check-panel");
  const tabs = panel.getByTestId("check-tab");
  await expect(tabs).toHaveCount(1);
  await expect(panel.getByTestId("check-line")).toHaveCount(4);
  await panel.getByRole("button", { name: "Split by seat" }).click();
  await expect(tabs).toHaveCount(4);
  await shot(pad, "check panel (1024×768)");

  // Seat 4's desserts are comped ("Kitchen error", demo reasons): above the server's limit, so the
  // manager approves on this tablet.
  await tabs.nth(3).click();
  await expect(panel.getByTestId("check-line")).toHaveText([/2× Chocolate Lava Cake/]);
  await panel.getByTestId("check-line").click();
  await panel.getByRole("button", { name: "Discount / comp item" }).click();
  const discount = pad.getByTestId("discount-dialog");
  await discount.getByRole("button", { name: /Kitchen error/ }).click();
  await expect(discount.getByLabel("Percent off")).toHaveValue("100");
  await discount.getByTestId("discount-apply").click();
  await expect(discount.getByTestId("approval-needed")).toBeVisible();
  await discount.getByRole("button", { name: "Jordan Reyes" }).click();
  await pad.keyboard.type("1111");
  await pad.keyboard.press("Enter");
  await expect(discount.getByRole("alert").filter({ hasText: "Wrong PIN" })).toBeVisible();
  await pad.keyboard.type("5820");
  await pad.keyboard.press("Enter");
  await expect(discount).toHaveCount(0);
  await expect(panel.getByTestId("check-discount")).toContainText("approved by Jordan Reyes");
  await expect(panel.getByTestId("check-balance")).toHaveText("$0.00");

  // Seat 1 pays cash with a $5 note: the change is shown big.
  await tabs.nth(0).click();
  const due1 = cents(await panel.getByTestId("check-balance").textContent());
  expect(due1).toBeGreaterThan(0);
  await panel.getByTestId("check-pay").click();
  const pay = pad.getByTestId("payment-dialog");
  await pay.getByRole("radio", { name: "Cash" }).click();
  await pay.getByRole("button", { name: "$5.00", exact: true }).click();
  await expect(pay.getByTestId("change-preview")).toHaveText(dollars(500 - due1));
  await shot(pad, "payment dialog, cash (1024×768)");
  await pay.getByTestId("pay-submit").click();
  await expect(pay.getByTestId("change-due")).toHaveText(dollars(500 - due1));
  await expect(pay.getByTestId("remaining-balance")).toHaveText(/is paid/);
  await pay.getByRole("button", { name: "Done" }).click();
  await expect(tabs.nth(0)).toHaveAttribute("data-status", "PAID");

  // Seat 2 pays by card on the terminal with an 18 % tip.
  await tabs.nth(1).click();
  const total2 = cents(await panel.getByTestId("check-total").textContent());
  await panel.getByTestId("check-pay").click();
  await pay.getByRole("radio", { name: "Card" }).click();
  const tip = Math.floor((total2 * 1800 + 5000) / 10000);
  await pay.getByRole("button", { name: `18 % · ${dollars(tip)}` }).click();
  await pay.getByLabel("Last four").fill("4242");
  await pay.getByLabel("Terminal reference").fill("A-10442");
  await shot(pad, "payment dialog, card (1024×768)");
  await pay.getByTestId("pay-submit").click();
  await expect(pay.getByTestId("payment-result")).toContainText(`${dollars(tip)} tip`);
  await pay.getByRole("button", { name: "Done" }).click();
  await expect(panel.getByTestId("check-payment")).toContainText("VISA ····4242");

  // Seat 3: the rest, cash exact.
  await tabs.nth(2).click();
  await panel.getByTestId("check-pay").click();
  await pay.getByRole("radio", { name: "Cash" }).click();
  await pay.getByRole("button", { name: /^Exact/ }).click();
  await expect(pay.getByTestId("change-preview")).toHaveText("$0.00");
  await pay.getByTestId("pay-submit").click();
  await pay.getByRole("button", { name: "Done" }).click();
  await expect(panel.getByTestId("order-owed")).toHaveText("All paid");

  // The card check's receipt goes to the receipt printer (a real TCP listener decoding ESC/POS).
  const server = await api("server");
  const floor = (await (await server.get("/api/v1/floor")).json()) as {
    areas: { tables: { label: string; openOrder: { id: string } | null }[] }[];
  };
  const orderId = floor.areas.flatMap((a) => a.tables).find((t) => t.label === "10")!.openOrder!.id;
  const view = (await (await server.get(`/api/v1/orders/${orderId}/checks`)).json()) as {
    checks: {
      id: string;
      status: string;
      subtotalCents: number;
      compCents: number;
      discountCents: number;
      taxCents: number;
      totalCents: number;
      payments: { tender: "CASH" | "CARD"; amountCents: number; tipCents: number }[];
    }[];
  };
  await server.dispose();
  const cardCheck = view.checks.find((c) => c.payments.some((p) => p.tender === "CARD"))!;
  const { jobs: printedBefore } = await readPrinter();
  const receipt = await pad.context().newPage();
  await receipt.goto(`/floor/checks/${cardCheck.id}/receipt`);
  await expect(receipt.locator("[data-receipt]")).toContainText("RECEIPT");
  await receipt.getByRole("button", { name: "Send to receipt printer" }).click();
  await expect(receipt.getByRole("status")).toContainText("Sent to");
  let printed = printedBefore;
  for (let i = 0; i < 100 && printed.length <= printedBefore.length; i++) {
    await new Promise((r) => setTimeout(r, 100));
    printed = (await readPrinter()).jobs;
  }
  const slip = printed.at(-1)!.lines.join("\n");
  expect(slip).toContain("RECEIPT");
  expect(slip).toContain("4242");
  expect(slip).toContain(dollars(cardCheck.totalCents));
  expect(slip).not.toContain("Suggested tip");
  expect(printed.at(-1)!.cuts).toBe(1);
  await receipt.close();

  // Every check is paid, but the food is not out yet: closing says so.
  await panel.getByRole("button", { name: "Close table" }).click();
  await expect(pad.getByTestId("close-kitchen-busy")).toBeVisible();
  await expect(pad.getByTestId("close-confirm")).toBeDisabled();
  await pad.getByTestId("close-table-dialog").getByRole("button", { name: "Cancel" }).click();
  await kitchenFinishes("10", ["bar", "fry", "saute"]);
  await expect(pad.getByTestId("food-ready")).toBeVisible();
  await pad.getByRole("button", { name: "Mark served" }).click();
  await expect(pad.getByTestId("order-status")).toHaveAttribute("data-status", "SERVED");

  // Now the table closes with one tap and the tile is free again.
  await pad.getByRole("button", { name: "Close table" }).click();
  const close = pad.getByTestId("close-table-dialog");
  await expect(close.getByTestId("close-paid")).toBeVisible();
  await close.getByTestId("close-confirm").click();
  await expect(pad).toHaveURL(/\/floor$/);
  await expect(pad.locator(`[data-testid=table-tile][data-label="10"]`)).toHaveAttribute("data-status", "FREE");

  // The day's Z report moved by exactly this table's checks and payments, to the cent (the comped
  // check, owing nothing, was settled with the table and counts too).
  const zAfter = await zReport();
  const reader = await api("server");
  const final = (await (await reader.get(`/api/v1/orders/${orderId}/checks`)).json()) as typeof view;
  await reader.dispose();
  const paid = final.checks.filter((c) => c.status === "PAID");
  expect(paid).toHaveLength(final.checks.length);
  const sum = (f: (c: (typeof paid)[number]) => number) => paid.reduce((a, c) => a + f(c), 0);
  const byTender = (t: "CASH" | "CARD", k: "amountCents" | "tipCents") =>
    paid
      .flatMap((c) => c.payments)
      .filter((p) => p.tender === t)
      .reduce((a, p) => a + p[k], 0);
  expect(zAfter.checks - zBefore.checks).toBe(paid.length);
  expect(zAfter.grossCents - zBefore.grossCents).toBe(sum((c) => c.subtotalCents));
  expect(zAfter.compCents - zBefore.compCents).toBe(2 * 1000);
  expect(zAfter.compCents - zBefore.compCents).toBe(sum((c) => c.compCents));
  expect(zAfter.taxCents - zBefore.taxCents).toBe(sum((c) => c.taxCents));
  expect(zAfter.netSalesCents - zBefore.netSalesCents).toBe(
    sum((c) => c.subtotalCents - c.compCents - c.discountCents),
  );
  expect(zAfter.tenders.CASH.amountCents - zBefore.tenders.CASH.amountCents).toBe(byTender("CASH", "amountCents"));
  expect(zAfter.tenders.CARD.amountCents - zBefore.tenders.CARD.amountCents).toBe(byTender("CARD", "amountCents"));
  expect(zAfter.tipsCents - zBefore.tipsCents).toBe(byTender("CARD", "tipCents"));
  expect(byTender("CASH", "amountCents") + byTender("CARD", "amountCents")).toBe(sum((c) => c.totalCents));
});

test("the cashier's list is live; a part-paid table shows it; a manager closes it with money owed by PIN", async ({
  browser,
}) => {
  test.slow();
  const cashier = await tablet(browser, "cashier");
  await cashier.goto("/");
  await expect(cashier).toHaveURL(/\/floor\/checks$/);
  await expect(cashier.getByRole("heading", { name: "Open checks" })).toBeVisible();
  await expect(cashier.getByTestId("realtime-health")).toHaveAttribute("data-state", "live", { timeout: 15_000 });

  const pad = await tablet(browser);
  await openTable(pad, "P5", 2);
  await addOnSeat(pad, 1, "Sides", "Mac & Cheese");
  await addOnSeat(pad, 2, "Sides", "Garlic Green Beans");
  await pad.getByTestId("send-order").click();
  await expect(pad.getByTestId("pad-notice")).toContainText("Sent to kitchen");

  // The cashier's list shows the new table without a reload.
  const row = cashier.getByTestId("open-check-row").filter({ hasText: "P5" });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Unpaid");
  await shot(cashier, "open checks (1024×768)");

  // Split evenly and pay half: the cashier's row says part paid (live), shares read "½".
  await pad.getByTestId("open-checks").click();
  const panel = pad.getByTestId("check-panel");
  await panel.getByRole("button", { name: "Split evenly…" }).click();
  await pad.getByTestId("split-even-dialog").getByRole("button", { name: "2 ways" }).click();
  await expect(panel.getByTestId("check-tab")).toHaveCount(2);
  await expect(panel.getByTestId("check-line").first()).toContainText("½");
  await panel.getByTestId("check-pay").click();
  const pay = pad.getByTestId("payment-dialog");
  await pay.getByRole("radio", { name: "Cash" }).click();
  await pay.getByRole("button", { name: /^Exact/ }).click();
  await pay.getByTestId("pay-submit").click();
  await expect(pay.getByTestId("remaining-balance")).toHaveText(/is paid/);
  await pay.getByRole("button", { name: "Done" }).click();
  await expect(row).toContainText("Part paid");
  await panel.getByRole("button", { name: "Close", exact: true }).click();

  // The cashier taps the row: the table's pad opens with its check panel; the floor tile says part paid.
  await row.getByRole("link", { name: "P5" }).click();
  await expect(cashier.getByTestId("check-panel")).toBeVisible();
  await expect(cashier.getByTestId("check-tab")).toHaveCount(2);
  await cashier.goto("/floor");
  await expect(cashier.locator(`[data-testid=table-tile][data-label="P5"]`).getByTestId("tile-payment")).toHaveText(
    "Part paid",
  );

  // The guests leave without paying the rest: a manager closes the table with a reason, by PIN on this tablet.
  await kitchenFinishes("P5", ["saute"]);
  await pad.getByRole("button", { name: "Mark served" }).click();
  await expect(pad.getByTestId("order-status")).toHaveAttribute("data-status", "SERVED");
  await pad.getByRole("button", { name: "Close table" }).click();
  const close = pad.getByTestId("close-table-dialog");
  await expect(close.getByTestId("close-owed")).toContainText("Still owed");
  await close.getByRole("button", { name: "Manager close…" }).click();
  const owed = pad.getByTestId("close-owed-dialog");
  await owed.getByRole("button", { name: "Walk-out" }).click();
  await owed.getByRole("button", { name: "Next: manager approval" }).click();
  await owed.getByRole("button", { name: "Jordan Reyes" }).click();
  await pad.keyboard.type("5820");
  await pad.keyboard.press("Enter");
  await expect(pad).toHaveURL(/\/floor$/);
  await expect(pad.locator(`[data-testid=table-tile][data-label="P5"]`)).toHaveAttribute("data-status", "FREE");
  await cashier.goto("/floor/checks");
  await expect(cashier.getByRole("heading", { name: "Open checks" })).toBeVisible();
  await expect(row).toHaveCount(0);
});

// Issue 14 (inventory report): the manager opens Inventory for last week from the reports hub (the
// demo seed's stock ledger: deliveries, service usage, waste, a close count), sees the turnover
// chart, then waste by reason and the purchase-price history; for each view the CSV's TOTAL row
// equals the on-screen total and the JSON API. Read only: the spec changes no data.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { downloadReportCsv, openReportLastWeek, plain } from "./support/reports";

/** The text of a table's total row in the column headed `heading`. */
async function totalIn(page: Page, table: string, heading: string): Promise<string> {
  const t = page.getByTestId(table);
  const headings = (await t.locator("thead th").allTextContents()).map((h) => h.trim().toLowerCase());
  const column = headings.indexOf(heading.toLowerCase());
  expect(column, `${table} has a "${heading}" column`).toBeGreaterThan(0);
  // The row's cells line up with the headings, counting each cell's colspan.
  const text = await t.getByTestId("total-row").evaluate((row, col) => {
    let at = 0;
    for (const cell of Array.from((row as HTMLTableRowElement).cells)) {
      if (at === col) return cell.textContent;
      at += cell.colSpan;
    }
    return null;
  }, column);
  return plain(text);
}

/** Downloads the view's CSV; its header and TOTAL row. */
async function csvTotal(page: Page, view: string): Promise<{ columns: string[]; total: string[]; rows: number }> {
  const csv = await downloadReportCsv(page);
  expect(csv.filename).toMatch(new RegExp(`^inventory-${view}-\\d{4}-\\d{2}-\\d{2}-to-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  return { columns: csv.columns, total: csv.total, rows: csv.rows.length };
}

test("the manager reads last week's stock turnover, waste and prices, and each CSV total is the screen's", async ({
  browser,
}) => {
  const { context, page } = await openReportLastWeek(browser, /^Inventory/);
  await expect(page).toHaveURL(/\/admin\/reports\/inventory\?.*preset=last-week/);

  // Turnover: usage cost in the table's total = the "Actual usage" figure = CSV = API.
  await expect(page.getByRole("img", { name: /^Stock turnover in the period/ })).toBeVisible();
  const usage = await totalIn(page, "inventory-table", "Usage cost");
  expect(Number(usage), "the demo ledger used stock last week").toBeGreaterThan(0);
  expect(plain(await page.locator('[data-figure="Actual usage"] [data-testid=figure-value]').textContent())).toBe(
    usage,
  );
  const turnoverCsv = await csvTotal(page, "turnover");
  expect(turnoverCsv.total[turnoverCsv.columns.indexOf("usage_cost")]).toBe(usage);
  expect(turnoverCsv.rows).toBeGreaterThanOrEqual(40);
  const turnoverApi = (await (
    await page.request.get("/api/v1/reports/inventory?preset=last-week&view=turnover")
  ).json()) as { turnover: { totals: { usageCents: number; closingValueCents: number } } };
  expect((turnoverApi.turnover.totals.usageCents / 100).toFixed(2)).toBe(usage);
  expect((turnoverApi.turnover.totals.closingValueCents / 100).toFixed(2)).toBe(
    turnoverCsv.total[turnoverCsv.columns.indexOf("closing_value")],
  );

  // Waste by reason: the reasons' total = the "Waste" figure = CSV = API.
  await page.getByRole("navigation", { name: "Inventory views" }).getByRole("link", { name: "Waste" }).click();
  await expect(page).toHaveURL(/view=waste/);
  await expect(page.getByRole("img", { name: /^Waste by reason/ })).toBeVisible();
  // Several reasons (spoiled, expired, dropped, …) and the total row.
  expect(await page.getByTestId("waste-reasons").locator("tbody tr").count()).toBeGreaterThanOrEqual(5);
  const waste = await totalIn(page, "waste-reasons", "Value");
  expect(Number(waste)).toBeGreaterThan(0);
  expect(plain(await page.locator('[data-figure="Waste"] [data-testid=figure-value]').textContent())).toBe(waste);
  const wasteCsv = await csvTotal(page, "waste");
  expect(wasteCsv.total[wasteCsv.columns.indexOf("value")]).toBe(waste);
  const wasteApi = (await (await page.request.get("/api/v1/reports/inventory?preset=last-week&view=waste")).json()) as {
    waste: { totalCents: number; lines: { entries: number }[] };
  };
  expect((wasteApi.waste.totalCents / 100).toFixed(2)).toBe(waste);
  expect(String(wasteApi.waste.lines.reduce((s, l) => s + l.entries, 0))).toBe(
    wasteCsv.total[wasteCsv.columns.indexOf("entries")],
  );

  // Purchase prices: salmon's price line per supplier; received total = figure = CSV = API.
  await page
    .getByRole("navigation", { name: "Inventory views" })
    .getByRole("link", { name: "Purchase prices" })
    .click();
  await expect(page).toHaveURL(/view=prices/);
  const chart = page.getByRole("img", { name: /^Unit cost paid for Salmon fillet by supplier/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute(
    "aria-label",
    /Atlantic Meat & Seafood.*Casco Bay Provisions|Casco Bay Provisions.*Atlantic Meat & Seafood/,
  );
  const received = await totalIn(page, "inventory-table", "Received");
  expect(plain(await page.locator('[data-figure="Purchases received"] [data-testid=figure-value]').textContent())).toBe(
    received,
  );
  const pricesCsv = await csvTotal(page, "prices");
  expect(pricesCsv.total[pricesCsv.columns.indexOf("value")]).toBe(received);
  const pricesApi = (await (
    await page.request.get("/api/v1/reports/inventory?preset=last-week&view=prices")
  ).json()) as {
    totals: { purchasesCents: number };
  };
  expect((pricesApi.totals.purchasesCents / 100).toFixed(2)).toBe(received);
  await context.close();
});

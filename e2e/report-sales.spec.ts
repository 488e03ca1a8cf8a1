// Issue 14 (sales and tables reports): the manager opens Sales for last week from the reports
// hub (the demo seed's paid dine-in history), sees the chart, groups by server, downloads the CSV
// and finds its TOTAL row equal to the on-screen net sales and to the JSON API; then opens Tables
// and sees turns per table, its CSV TOTAL equal to the screen and the API. Read only: the spec changes no data.
import { expect, test } from "./support/test";
import { downloadReportCsv, openReportLastWeek, plain } from "./support/reports";

test("the manager reads last week's sales by server, and the CSV total is the screen's", async ({ browser }) => {
  const { context, page } = await openReportLastWeek(browser, /^Sales/);
  await expect(page).toHaveURL(/\/admin\/reports\/sales/);
  await expect(page.getByRole("img", { name: /Net sales by day, this period and the previous one/ })).toBeVisible();

  const net = page.locator('[data-figure="Net sales"] [data-testid=figure-value]');
  const shownNet = plain((await net.textContent()) ?? "");
  expect(Number(shownNet), "the demo has paid checks last week").toBeGreaterThan(0);

  await page.getByTestId("group-server").click();
  await expect(page).toHaveURL(/groupBy=server/);
  await expect(page.getByRole("img", { name: /Net sales by server/ })).toBeVisible();
  await expect(page.getByTestId("sales-rows").locator("tbody tr").first()).toBeVisible();
  await expect(net).toHaveText(/\$/);
  expect(plain((await net.textContent()) ?? "")).toBe(shownNet);

  const { filename, columns, total } = await downloadReportCsv(page);
  expect(filename).toMatch(/^sales-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(total[columns.indexOf("net_sales")]).toBe(shownNet);

  const api = (await (await page.request.get("/api/v1/reports/sales?preset=last-week&groupBy=server")).json()) as {
    total: { netSalesCents: number };
    rows: { netSalesCents: number }[];
  };
  expect((api.total.netSalesCents / 100).toFixed(2)).toBe(shownNet);
  expect(api.rows.reduce((s, r) => s + r.netSalesCents, 0)).toBe(api.total.netSalesCents);
  await expect(page.getByTestId("sales-total")).toContainText((await net.textContent())!);
  await context.close();
});

test("the manager reads last week's turns per table, and the CSV total is the screen's", async ({ browser }) => {
  const { context, page } = await openReportLastWeek(browser, /^Tables/);
  await expect(page).toHaveURL(/\/admin\/reports\/tables\?preset=last-week/);
  await expect(page.getByRole("img", { name: /^Turns per table/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Average seated minutes by party size/ })).toBeVisible();

  const figure = async (label: string) =>
    plain((await page.locator(`[data-figure="${label}"] [data-testid=figure-value]`).textContent()) ?? "");
  const turns = await figure("Turns");
  const covers = await figure("Covers");
  expect(Number(turns), "the demo seated tables last week").toBeGreaterThan(0);
  const tables = await downloadReportCsv(page);
  expect(tables.total[tables.columns.indexOf("turns")]).toBe(turns);
  expect(tables.total[tables.columns.indexOf("covers")]).toBe(covers);
  const perTable = tables.rows.map((r) => Number(r[tables.columns.indexOf("turns")]));
  expect(perTable.reduce((a, b) => a + b, 0)).toBe(Number(turns));
  const tablesApi = (await (await page.request.get("/api/v1/reports/tables?preset=last-week")).json()) as {
    total: { turns: number; covers: number };
  };
  expect(String(tablesApi.total.turns)).toBe(turns);
  expect(String(tablesApi.total.covers)).toBe(covers);
  await context.close();
});

// Issue 14 (labour report): the manager opens Labour for last week from the reports hub (the demo
// seed's rota of worked shifts), sees the cost-and-sales chart, groups by role, downloads the CSV
// and finds its TOTAL row equal to the on-screen labour cost and to the JSON API, its roles' hours
// adding up to the total. Read only: the spec changes no data.
import { expect, test } from "./support/test";
import { downloadReportCsv, openReportLastWeek, plain } from "./support/reports";

test("the manager reads last week's labour by role, and the CSV total is the screen's", async ({ browser }) => {
  const { context, page } = await openReportLastWeek(browser, /^Labour/);
  await expect(page).toHaveURL(/\/admin\/reports\/labour\?.*preset=last-week/);
  await expect(page.getByRole("img", { name: /Labour cost and net sales by day/ })).toBeVisible();

  const cost = page.locator('[data-figure="Labour cost"] [data-testid=figure-value]');
  const shownCost = plain((await cost.textContent()) ?? "");
  expect(Number(shownCost), "the demo rota worked last week").toBeGreaterThan(0);

  await page.getByRole("navigation", { name: "Group labour by" }).getByRole("link", { name: "By role" }).click();
  await expect(page).toHaveURL(/groupBy=role/);
  await expect(page.getByTestId("labour-table").getByTestId("total-row")).toBeVisible();
  expect(plain((await cost.textContent()) ?? "")).toBe(shownCost);

  const { filename, columns, rows, total } = await downloadReportCsv(page);
  expect(filename).toMatch(/^labour-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(total[columns.indexOf("labour_cost")]).toBe(shownCost);
  // One row per role worked, and the hours add up to the total.
  const roleHours = rows.map((r) => Number(r[columns.indexOf("worked_hours")]));
  expect(roleHours.length).toBeGreaterThanOrEqual(4);
  expect(roleHours.reduce((a, b) => a + b, 0)).toBeCloseTo(Number(total[columns.indexOf("worked_hours")]), 1);

  const api = (await (await page.request.get("/api/v1/reports/labour?preset=last-week&groupBy=role")).json()) as {
    totals: { costCents: number; workedMinutes: number };
  };
  expect((api.totals.costCents / 100).toFixed(2)).toBe(shownCost);
  expect((api.totals.workedMinutes / 60).toFixed(2)).toBe(total[columns.indexOf("worked_hours")]);
  await context.close();
});

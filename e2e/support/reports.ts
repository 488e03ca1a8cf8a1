// What every report spec does: a manager's console at the admin viewport, the report opened from
// the reports hub for last week, figures read as plain numbers, and the CSV download's TOTAL row.
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect } from "./test";
import { storageStateFor } from "./e2e-env";

/** "$1,234.56" → "1234.56" */
export const plain = (shown: string | null) => (shown ?? "").replace(/[^0-9.-]/g, "");

/** A manager's console (1440×900, downloads on) showing `report` from the hub, for last week. */
export async function openReportLastWeek(
  browser: Browser,
  report: RegExp,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    storageState: storageStateFor("manager"),
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto("/admin/reports");
  await page.getByRole("list", { name: "Reports" }).getByRole("link", { name: report }).click();
  await page.getByRole("navigation", { name: "Report period" }).getByRole("link", { name: "Last week" }).click();
  await expect(page).toHaveURL(/preset=last-week/);
  return { context, page };
}

/** Clicks the page's CSV link: its file name, columns, data rows and TOTAL row (asserted). */
export async function downloadReportCsv(page: Page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-csv").click()]);
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const total = lines.at(-1)!.split(",");
  expect(total[0]).toBe("TOTAL");
  return {
    filename: download.suggestedFilename(),
    columns: header.split(","),
    rows: lines.slice(0, -1).map((l) => l.split(",")),
    total,
  };
}

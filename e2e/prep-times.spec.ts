// Issue 14 (learned prep times): a manager sees each dish's real cook time from the demo's bumps,
// the chart and a CSV that matches the screen, accepts one suggestion in one click, and the
// dish's target (what kitchen tickets colour against) is the accepted one. The spec puts it back.
import { expect, test } from "./support/test";
import { E2E_BASE_URL, storageStateFor } from "./support/e2e-env";

type Item = {
  menuItemId: string;
  name: string;
  samples: number;
  prepMinutes: number | null;
  suggestedMinutes: number | null;
  differs: boolean;
};

test("a manager accepts a learned prep time in one click; the CSV matches the screen", async ({ browser }) => {
  test.slow(); // a dozen report and audit pages, two CSVs
  const context = await browser.newContext({
    storageState: storageStateFor("manager"),
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  const report = (await (await page.request.get("/api/v1/reports/prep-times?preset=last-28-days")).json()) as {
    items: Item[];
  };
  // A dish with a target already, so the spec can put it back afterwards.
  const candidate = report.items.find((i) => i.differs && i.suggestedMinutes !== null && i.prepMinutes !== null);
  expect(candidate, "the demo history proposes at least one new target").toBeTruthy();
  const dish = candidate!;

  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Reports" }).click();
  await page.getByRole("link", { name: /Learned prep times/ }).click();
  // The shared period presets: last week, then back to the last 28 days (the default).
  await expect(page.getByRole("link", { name: "Last 28 days" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Last week" }).click();
  await expect(page).toHaveURL(/preset=last-week/);
  await expect(page.getByTestId("report-period")).toContainText("Last week");
  await page.getByRole("link", { name: "Last 28 days" }).click();
  await expect(page).toHaveURL(/preset=last-28-days/);
  await expect(page.getByRole("img", { name: /Prep target now and learned/ })).toBeVisible();
  const rows = page.getByTestId("prep-time-row");
  await expect(rows).toHaveCount(report.items.length);

  await page.screenshot({ path: test.info().outputPath("admin-prep-times.png"), fullPage: true });
  const csvDownload = page.waitForEvent("download");
  await page.getByTestId("report-csv").click();
  expect((await csvDownload).suggestedFilename()).toMatch(/^prep-times-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);

  // The CSV has the screen's rows and numbers.
  const csv = await (
    await page.request.get("/api/v1/reports/prep-times?preset=last-28-days", { headers: { accept: "text/csv" } })
  ).text();
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toBe(
    "item,station,samples,discarded,median_seconds,p90_seconds,current_target_minutes,suggested_minutes",
  );
  expect(lines).toHaveLength(report.items.length + 1);
  const csvRow = lines.find((l) => l.startsWith(`${dish.name},`) || l.startsWith(`"${dish.name}",`))!;
  expect(csvRow.split(",").at(-1)).toBe(String(dish.suggestedMinutes));

  // One click: the target is the learned one, the row says so, and the menu item carries it.
  const row = page.locator(`[data-testid=prep-time-row][data-name="${dish.name}"]`);
  await row
    .getByRole("button", { name: `Use ${dish.suggestedMinutes} min as the prep target for ${dish.name}` })
    .click();
  await expect(row.getByTestId("current-target")).toHaveText(`${dish.suggestedMinutes} min`);
  await expect(row).toContainText(`✓ ${dish.suggestedMinutes} min`);
  const after = (await (await page.request.get("/api/v1/reports/prep-times?preset=last-28-days")).json()) as {
    items: Item[];
  };
  expect(after.items.find((i) => i.menuItemId === dish.menuItemId)).toMatchObject({
    prepMinutes: dish.suggestedMinutes,
    differs: false,
  });

  // The audit log viewer shows who accepted it, with before and after.
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Reports" }).click();
  await page.getByRole("link", { name: /Audit log/ }).click();
  await page.getByLabel("Action").selectOption("menu_item.prep_time_accepted");
  await page.getByRole("button", { name: "Filter" }).click();
  const entry = page.getByTestId("audit-row").first();
  await expect(entry).toHaveAttribute("data-action", "menu_item.prep_time_accepted");
  await expect(entry).toContainText("Jordan Reyes");
  await expect(entry).toContainText(`${dish.prepMinutes} → ${dish.suggestedMinutes}`);
  // The time filter is the shared presets; the other filters stay when it changes.
  await page.getByRole("navigation", { name: "Report period" }).getByRole("link", { name: "Today" }).click();
  await expect(page).toHaveURL(/preset=today/);
  await expect(page).toHaveURL(/action=menu_item.prep_time_accepted/);
  await expect(page.getByTestId("audit-row").first()).toHaveAttribute("data-action", "menu_item.prep_time_accepted");
  await page.getByRole("navigation", { name: "Report period" }).getByRole("link", { name: "Yesterday" }).click();
  await expect(page.locator(`[data-testid=audit-row][data-action="menu_item.prep_time_accepted"]`)).toHaveCount(0);
  await page.getByRole("navigation", { name: "Report period" }).getByRole("link", { name: "Today" }).click();
  await expect(page.getByTestId("audit-row").first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("admin-audit.png"), fullPage: true });
  // The manager's CSV is the filtered log: the accepted time, with its before and after.
  const download = page.waitForEvent("download");
  await page.getByTestId("report-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const auditCsv = (
    await (await page.request.get(`/api/v1/audit?${new URL(page.url()).searchParams}&format=csv`)).text()
  )
    .trim()
    .split(/\r?\n/);
  expect(auditCsv.length).toBeGreaterThan(1);
  expect(auditCsv.slice(1).every((l) => l.includes("menu_item.prep_time_accepted"))).toBe(true);
  expect(auditCsv[1]).toContain(`""before"":${dish.prepMinutes}`);

  // A cook may not change targets; then the spec puts the dish's target back.
  const chef = await browser.newContext({ storageState: storageStateFor("chef") });
  const refused = await chef.request.put(`/api/v1/menu/items/${dish.menuItemId}/prep-time`, {
    data: { minutes: 3 },
    headers: { origin: E2E_BASE_URL },
  });
  expect(refused.status()).toBe(403);
  await chef.close();
  if (dish.prepMinutes !== null) {
    const back = await page.request.put(`/api/v1/menu/items/${dish.menuItemId}/prep-time`, {
      data: { minutes: dish.prepMinutes },
      headers: { origin: E2E_BASE_URL },
    });
    expect(back.status(), await back.text()).toBe(200);
  }
  await context.close();
});

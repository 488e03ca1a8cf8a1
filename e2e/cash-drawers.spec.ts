import { test, expect } from "./support/test";
import { storageStateFor } from "./support/e2e-env";

// Issue 11, cash-up and end of day: a cashier opens a drawer on the floor tablet, pays in, counts
// with the denomination counter and sees the variance; a manager opens the Z report of a seeded
// day (the demo's paid checks), whose figures match the API to the cent, and downloads its CSV.

/** The business date before today in the demo's zone (America/New_York, day ends at 04:00). */
function previousBusinessDate(): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/New_York",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date());
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const day = new Date(Date.UTC(get("year"), get("month") - 1, get("day")));
  day.setUTCDate(day.getUTCDate() - (get("hour") < 4 ? 2 : 1));
  return day.toISOString().slice(0, 10);
}

test("a cashier opens a drawer, pays in, counts it and sees the variance", async ({ browser }) => {
  const context = await browser.newContext({
    storageState: storageStateFor("cashier"),
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
  });
  const page = await context.newPage();
  const name = `E2E till ${Date.now().toString(36)}`;
  await page.goto("/floor");
  await page.getByRole("navigation", { name: "Floor", exact: true }).getByRole("link", { name: "Cash" }).click();
  await expect(page.getByRole("heading", { name: "Cash drawers" })).toBeVisible();
  if (await page.getByTestId("open-another-drawer").isVisible()) await page.getByTestId("open-another-drawer").click();

  const open = page.getByRole("form", { name: "Open a drawer" });
  await open.getByLabel("Drawer").fill(name);
  await open.getByLabel("Opening float ($)").fill("abc");
  await open.getByTestId("open-drawer").click();
  await expect(open.getByRole("alert").first()).toBeVisible();
  await open.getByLabel("Opening float ($)").fill("150.00");
  await open.getByTestId("open-drawer").click();

  const card = page.getByTestId("drawer-card").filter({ has: page.getByRole("heading", { name }) });
  await expect(card).toContainText("Opened");
  await expect(card).toContainText("by you");
  await expect(card).toContainText("Count blind");
  await card.getByRole("button", { name: "Pay in" }).click();
  await card.getByLabel("Amount ($)").fill("20");
  await card.getByLabel("Reason").fill("Change from the bank");
  await card.getByTestId("save-movement").click();
  await expect(card.getByTestId("drawer-movements")).toContainText("Change from the bank");
  await expect(card).toContainText("$20.00");
  await page.screenshot({ path: test.info().outputPath("floor-cash-open.png") });

  // Count $169 against $170 expected (150 float + 20 pay-in): one dollar short.
  await card.getByTestId("count-drawer").click();
  const counter = card.getByTestId("denomination-counter");
  for (const label of ["$100", "$50", "$10", "$5", "$2", "$1"]) {
    await counter.getByRole("button", { name: `One more ${label}`, exact: true }).click();
  }
  await counter.getByLabel("$1", { exact: true }).fill("2");
  await expect(card.getByTestId("count-total")).toHaveText("Counted $169.00");
  await page.screenshot({ path: test.info().outputPath("floor-cash-count.png"), fullPage: true });
  await card.getByTestId("close-drawer").click();

  const closed = page.getByTestId("drawer-closed");
  await expect(closed).toContainText(`${name} is closed`);
  await expect(closed.getByTestId("drawer-variance")).toHaveText("$1.00 short");
  await expect(closed).toContainText("$170.00");
  await page.screenshot({ path: test.info().outputPath("floor-cash-closed.png") });
  await context.close();

  // The manager's history shows the same count.
  const admin = await browser.newContext({
    storageState: storageStateFor("manager"),
    viewport: { width: 1440, height: 900 },
  });
  const console = await admin.newPage();
  await console.goto("/admin/cash");
  const row = console.getByTestId("drawer-history").getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("$170.00");
  await expect(row).toContainText("$169.00");
  await expect(row).toContainText("$1.00 short");
  await console.screenshot({ path: test.info().outputPath("admin-cash.png"), fullPage: true });
  await admin.close();
});

test.describe("manager", () => {
  test.use({ storageState: storageStateFor("manager"), viewport: { width: 1440, height: 900 } });

  test("opens the Z report of a seeded day; it matches the API to the cent and downloads as CSV", async ({ page }) => {
    const date = previousBusinessDate();
    await page.goto("/admin");
    // The dashboard's sales are paid checks; open checks are shown apart.
    await expect(page.getByTestId("today-figures")).toContainText("Open checks");
    await expect(page.getByTestId("today-figures")).toContainText(/Net of \d+ paid checks? since 04:00/);
    await page.screenshot({ path: test.info().outputPath("admin-dashboard.png"), fullPage: true });
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Reports" }).click();
    await page.getByRole("link", { name: /End of day/ }).click();
    await page.getByLabel("Business day", { exact: true }).fill(date);
    await page.getByRole("button", { name: "Show day", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`date=${date}`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(date);

    const api = await page.request.get(`/api/v1/reports/end-of-day?date=${date}`);
    expect(api.status()).toBe(200);
    const report = await api.json();
    expect(report.total.checks).toBe(4);
    const usd = (c: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(c / 100);
    const figure = (label: string) => page.locator(`[data-figure="${label}"] [data-testid=figure-value]`);
    await expect(figure("Paid checks")).toHaveText("4");
    await expect(figure("Net sales")).toHaveText(usd(report.total.netSalesCents));
    await expect(figure("Gross sales")).toHaveText(usd(report.total.grossCents));
    await expect(figure("Tax")).toHaveText(usd(report.total.taxCents));
    await expect(figure("Tips")).toHaveText(usd(report.total.tipsCents));
    await expect(figure("Covers")).toHaveText(String(report.total.covers));
    await expect(page.getByTestId("z-tenders")).toContainText(usd(report.total.paymentsCents));
    await expect(page.getByTestId("z-tips")).toContainText("Sam Carter");
    await expect(page.getByTestId("z-drawers")).toContainText("Front till");
    await page.screenshot({ path: test.info().outputPath("admin-end-of-day.png"), fullPage: true });

    const csv = await page.request.get(`/api/v1/reports/end-of-day?date=${date}`, { headers: { accept: "text/csv" } });
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split(/\r\n/);
    expect(lines[0]).toContain("business_date,checks,covers,gross_sales");
    expect(lines[1].startsWith(`${date},4,`)).toBe(true);
    const download = page.waitForEvent("download");
    await page.getByTestId("report-csv").click();
    expect((await download).suggestedFilename()).toBe(`end-of-day-${date}.csv`);

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Admin" })).toBeHidden();
    await page.screenshot({ path: test.info().outputPath("admin-end-of-day-print.png"), fullPage: true });
    await page.emulateMedia({ media: "screen" });

    // Three seeded days: one row per day.
    const first = new Date(`${date}T12:00:00Z`);
    first.setUTCDate(first.getUTCDate() - 2);
    await page.goto(`/admin/reports/end-of-day?from=${first.toISOString().slice(0, 10)}&to=${date}`);
    await expect(page.getByTestId("z-days").locator("tbody tr")).toHaveCount(3);
    await page.screenshot({ path: test.info().outputPath("admin-end-of-day-range.png"), fullPage: true });
    await page.goto("/admin/settings/payments");
    await expect(page.getByTestId("discount-reason")).toHaveCount(5);
    await page.screenshot({ path: test.info().outputPath("admin-settings-payments.png"), fullPage: true });
  });

  test("a cashier cannot open the Z report", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("cashier") });
    const res = await context.request.get("/api/v1/reports/end-of-day");
    expect(res.status()).toBe(403);
    await context.close();
  });
});

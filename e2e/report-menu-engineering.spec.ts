// Issue 14 (menu engineering): a manager opens the product mix for last week, narrows it to the
// demo's Autumn Specials, sees the matrix drawn as a scatter plot, and finds each special in the
// quadrant the demo seed puts it in (prisma/demo-menu-mix.ts), on screen and in the CSV, whose
// totals are the screen's. Read only: the spec changes no data.
import { expect, test } from "./support/test";
import { storageStateFor } from "./support/e2e-env";
import { DEMO_SPECIALS, DEMO_SPECIALS_CATEGORY } from "../prisma/demo-menu-mix";

const LABEL = { STAR: "Star", PLOWHORSE: "Plowhorse", PUZZLE: "Puzzle", DOG: "Dog" } as const;

/** CSV rows as objects keyed by the header (the report's cells hold no commas or quotes here). */
function csvRows(text: string): Record<string, string>[] {
  const [head, ...body] = text
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(","));
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

test("the menu-engineering matrix places the seeded specials in their quadrants; the CSV matches", async ({
  browser,
}) => {
  const context = await browser.newContext({
    storageState: storageStateFor("manager"),
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await page.goto("/admin/reports");
  await page.getByRole("link", { name: /Product mix & menu engineering/ }).click();
  await expect(page).toHaveURL(/\/admin\/reports\/product-mix/);
  await page.getByRole("navigation", { name: "Report period" }).getByRole("link", { name: "Last week" }).click();
  await expect(page).toHaveURL(/preset=last-week/);
  await expect(page.getByRole("img", { name: /Menu engineering matrix/ })).toBeVisible();

  await page.getByLabel("Menu category").selectOption({ label: DEMO_SPECIALS_CATEGORY });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/categoryId=/);
  await expect(page).toHaveURL(/preset=last-week/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Product mix · ${DEMO_SPECIALS_CATEGORY}`);
  const matrix = page.getByRole("img", { name: /Menu engineering matrix/ });
  await expect(matrix).toBeVisible();
  await expect(matrix.locator(".recharts-scatter-symbol")).toHaveCount(DEMO_SPECIALS.length);
  for (const d of DEMO_SPECIALS) {
    const row = page.getByTestId("mix-row").filter({ has: page.getByRole("rowheader", { name: d.name, exact: true }) });
    await expect(row, d.name).toHaveAttribute("data-class", d.menuClass);
    await expect(row.getByTestId("mix-class")).toHaveText(LABEL[d.menuClass]);
    await expect(page.getByTestId(`quadrant-${d.menuClass.toLowerCase()}`)).toContainText(d.name);
    await expect(matrix).toHaveAttribute("aria-label", new RegExp(`${LABEL[d.menuClass]}s: [^;]*${d.name}`));
  }
  await expect(page.getByTestId("mix-row")).toHaveCount(DEMO_SPECIALS.length);
  await page.screenshot({ path: test.info().outputPath("product-mix-specials.png"), fullPage: true });

  // The CSV: the same classes, and a TOTAL row equal to the screen's figures and total row.
  const href = await page.getByTestId("report-csv").getAttribute("href");
  expect(href).toMatch(/categoryId=.*format=csv|format=csv.*categoryId=/);
  const res = await page.request.get(href!);
  expect(res.headers()["content-type"]).toMatch(/^text\/csv/);
  const rows = csvRows(await res.text());
  for (const d of DEMO_SPECIALS) expect(rows.find((r) => r.item === d.name)?.class, d.name).toBe(LABEL[d.menuClass]);
  const total = rows.find((r) => r.item === "TOTAL")!;
  const usd = (major: string) =>
    new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(Number(major));
  const figure = (label: string) => page.locator(`[data-figure="${label}"]`).getByTestId("figure-value");
  await expect(figure("Revenue")).toHaveText(usd(total.revenue));
  await expect(figure("Food cost")).toHaveText(usd(total.food_cost));
  await expect(figure("Contribution margin")).toHaveText(usd(total.margin));
  await expect(figure("Portions sold")).toHaveText(total.quantity);
  await expect(page.getByTestId("total-row")).toContainText(usd(total.revenue));
  await context.close();
});

// Issue 7 #14: a count is typed in the unit Expected is shown in (kg for flour, not g), and
// posting goes through a review of the large variances and the dishes it would 86.
import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { storageStateFor } from "./support/e2e-env";

async function manager(browser: Browser, path: string): Promise<Page> {
  const ctx = await browser.newContext({
    storageState: storageStateFor("manager"),
    viewport: { width: 1440, height: 900 },
  });
  const page = await ctx.newPage();
  await page.goto(path);
  return page;
}

test("flour is counted in kg; the review shows the variance and the dishes a slip would 86, then posts", async ({
  browser,
}) => {
  const admin = await manager(browser, "/admin/inventory/counts");
  await admin.getByLabel("Note").fill("E2E flour count");
  await admin.getByTestId("count-start").click();
  await expect(admin).toHaveURL(/\/admin\/inventory\/counts\/[^/]+$/);

  const row = admin.locator('[data-testid=count-row][data-name="All-purpose flour"]');
  const expectedText = (await row.getByTestId("count-expected").textContent())!;
  expect(expectedText).toMatch(/ kg$/);
  const expectedKg = Number(expectedText.replace(/[^\d.]/g, ""));
  const unit = row.getByTestId("count-unit");
  await expect(unit).toHaveValue("kg");
  const input = row.getByTestId("count-input");
  await expect(input).toHaveAccessibleName("All-purpose flour counted (kg)");

  // 5 typed beside "kg" is 5 kg; switching the unit keeps the quantity.
  await input.fill("5");
  const varianceKg = Math.round((5 - expectedKg) * 1000) / 1000;
  await expect(row.locator("td").nth(3)).toHaveText(`${varianceKg} kg`);
  await unit.selectOption("g");
  await expect(input).toHaveValue("5000");
  await unit.selectOption("kg");
  await expect(input).toHaveValue("5");

  // The old trap, typed on purpose: 5 g. The review names the variance and the dishes it would 86.
  await unit.selectOption("g");
  await input.fill("5");
  const opener = admin.getByTestId("count-post");
  await opener.click();
  const review = admin.getByTestId("count-review");
  await expect(review).toBeVisible();
  await expect(review.getByRole("heading", { name: "Review the count before posting" })).toBeVisible();
  const flagged = review.locator('[data-testid=count-review-variance][data-name="All-purpose flour"]');
  await expect(flagged).toContainText("5 g");
  await expect(review.getByTestId("count-review-86")).toContainText("Fish & Chips");
  await expect(review.getByTestId("count-review-86")).toContainText("Chocolate Lava Cake");
  await expect(review.getByTestId("count-post-confirm")).toHaveText("Post anyway");
  // Escape goes back to counting, nothing posted, focus back on the button.
  await admin.keyboard.press("Escape");
  await expect(review).toBeHidden();
  await expect(opener).toBeFocused();

  // Fix it: 5 kg. Still a large variance, but no dish is 86'd. Confirm.
  await unit.selectOption("kg");
  await input.fill("5");
  await opener.click();
  await expect(flagged).toContainText("5 kg");
  await expect(flagged).toContainText(`${varianceKg} kg`);
  await expect(review.getByTestId("count-review-86")).toHaveCount(0);
  // Tablets and integrations get the same review from the API.
  const countId = admin.url().split("/").pop()!;
  const api = await admin.request.get(`/api/v1/inventory/counts/${countId}/preview`);
  expect(api.status()).toBe(200);
  expect(await api.json()).toMatchObject({
    counted: 1,
    corrections: 1,
    eightySixed: [],
    largeVariances: [{ name: "All-purpose flour", counted: "5000" }],
  });
  await review.getByTestId("count-post-confirm").click();
  await expect(review).toBeHidden();
  const panel = admin.getByTestId("count-panel");
  await expect(panel.getByRole("status").filter({ hasText: "Posted" })).toContainText("1 correction");
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("(posted)");
  // No stale error once the page has refreshed to the posted count (the low-stock toast is not ours).
  await expect(panel.getByRole("alert")).toHaveCount(0);
  expect((await admin.request.get(`/api/v1/inventory/counts/${countId}/preview`)).status()).toBe(409);

  await admin.goto("/admin/inventory");
  await expect(
    admin.locator('[data-testid=ingredient-row][data-name="All-purpose flour"]').getByTestId("on-hand"),
  ).toHaveText("5 kg");
});

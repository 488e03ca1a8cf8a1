import { expect, type Browser, type Page } from "@playwright/test";
import { storageStateFor } from "./e2e-env";

/** A server's tablet (1024×768, touch) with the order pad of `table` open (seating it if free) and live. */
export async function openTabletAt(browser: Browser, table: string): Promise<Page> {
  const ctx = await browser.newContext({
    storageState: storageStateFor("server"),
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
  });
  const page = await ctx.newPage();
  await page.goto("/floor");
  await page.locator(`[data-testid=table-tile][data-label="${table}"]`).click();
  const seat = page.getByRole("button", { name: /Seat \d+ and start order/ });
  // A table left seated by an earlier run opens straight on its order pad.
  await expect(seat.or(page.getByTestId("order-pad"))).toBeVisible();
  if (await seat.isVisible()) await seat.click();
  await expect(page.getByTestId("order-pad")).toBeVisible();
  // Specs change things elsewhere and expect this pad to hear it: wait until its channel is joined.
  await expect(page.getByTestId("realtime-health")).toHaveAttribute("data-state", "live", { timeout: 15_000 });
  return page;
}

// Issue #3 end to end: a server's tablet (1024×768) and kitchen displays in two browser contexts.
// Ticket appears live, bump → expo → "food ready" on the tablet, a retried send fires once,
// and a realtime outage neither loses an order nor leaves the display behind.
import { request, type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { E2E_BASE_URL, storageStateFor } from "./support/e2e-env";
import { startRealtime, stopRealtime } from "./support/realtime-control";

test.describe.configure({ mode: "serial" });

async function tablet(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({
    storageState: storageStateFor("server"),
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
  });
  return ctx.newPage();
}

async function kitchen(browser: Browser, path: string): Promise<Page> {
  const ctx = await browser.newContext({
    storageState: storageStateFor("chef"),
    viewport: { width: 1280, height: 800 },
  });
  const page = await ctx.newPage();
  await page.goto(path);
  await expect(page.getByTestId("realtime-health")).toHaveAttribute("data-state", "live", { timeout: 15_000 });
  return page;
}

/** Seat a table and return on its order pad. */
async function openTable(page: Page, label: string, guests = 2) {
  await page.goto("/floor");
  await page.locator(`[data-testid=table-tile][data-label="${label}"]`).click();
  await page.getByRole("radio", { name: String(guests), exact: true }).click();
  await page.getByRole("button", { name: new RegExp(`Seat ${guests} and start order`) }).click();
  await expect(page.getByTestId("order-pad")).toBeVisible();
}

async function addBurger(page: Page) {
  await page.getByRole("button", { name: "Burgers & Sandwiches" }).click();
  await page.getByRole("button", { name: "Classic Burger", exact: true }).click();
  const sheet = page.getByTestId("item-sheet");
  // Required group: the add button refuses until a side is chosen (min 1), on the tablet too.
  await sheet.getByTestId("sheet-save").click();
  await expect(sheet.getByRole("alert")).toContainText("Choose Side choice");
  await sheet.getByRole("radio", { name: /Hand-cut fries/ }).click();
  await sheet.getByRole("checkbox", { name: /Applewood bacon/ }).click();
  await sheet.getByRole("button", { name: "Peanuts" }).click();
  await sheet.getByTestId("sheet-save").click();
  await expect(sheet).toBeHidden();
}

function ticketFor(page: Page, tableLabel: string) {
  return page.getByTestId("kds-ticket").filter({ hasText: new RegExp(`T${tableLabel}\\b`) });
}

test("a sent order reaches the grill live; bump → expo ready → the tablet shows food ready", async ({ browser }) => {
  test.slow(); // a tablet and two kitchen screens, start to finish
  const grill = await kitchen(browser, "/kitchen/grill");
  const pad = await tablet(browser);
  await openTable(pad, "7");
  await addBurger(pad);
  await expect(pad.getByTestId("draft-line")).toHaveCount(1);
  await expect(pad.getByTestId("order-total")).toHaveText("$20.66"); // (16.50 + 2.50) + 8.75 % tax
  await pad.getByTestId("send-order").click();
  await expect(pad.getByTestId("pad-notice")).toContainText("Sent to kitchen");
  await expect(pad.getByTestId("order-line")).toHaveCount(1);

  // The grill display shows it without a reload, with modifiers, notes and the allergy banner.
  const ticket = ticketFor(grill, "7");
  await expect(ticket).toBeVisible();
  await expect(ticket).toContainText("1× Classic Burger");
  await expect(ticket).toContainText("Hand-cut fries");
  await expect(ticket.getByTestId("kds-routed")).toHaveText("→ Fryer");
  await expect(ticket.getByTestId("allergy-banner")).toContainText("peanuts");
  await expect(grill.getByTestId("kitchen-display")).not.toContainText("$");

  // Keyboard bump: select the ticket by its number, Enter.
  const index = await grill
    .getByTestId("kds-ticket")
    .evaluateAll((els) => els.findIndex((e) => /T7\b/.test(e.textContent ?? "")));
  await grill.keyboard.press(String(index + 1));
  await grill.keyboard.press("Enter");
  await expect(ticket).toHaveCount(0);
  // R recalls the last bumped ticket; bump it again by touch.
  await grill.keyboard.press("r");
  await expect(ticket).toBeVisible();
  await ticket.getByTestId("ticket-bump").click();
  await expect(ticket).toHaveCount(0);

  // The burger's side of fries is made at the Fryer, and the pass waits for it.
  const expo = await kitchen(browser, "/kitchen/expo");
  const expoTicket = ticketFor(expo, "7");
  await expect(expoTicket.getByTestId("ticket-ready")).toHaveText("Waiting: 1");
  // The fry cook bumps it (the Fryer's screen itself is covered in kitchen-board.spec.ts).
  const chef = await request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor("chef"),
    extraHTTPHeaders: { origin: E2E_BASE_URL },
  });
  const fry = await (await chef.get("/api/v1/kitchen/snapshot?station=fry")).json();
  const friesTicket = fry.tickets.find((t: { tableLabel: string | null }) => t.tableLabel === "7");
  expect(friesTicket.items).toMatchObject([{ kind: "component", name: "Hand-cut Fries", forItem: "Classic Burger" }]);
  expect(friesTicket.allergyNotes).toEqual(["Classic Burger: ALLERGY: peanuts"]);
  const bumped = await chef.post(`/api/v1/orders/${friesTicket.orderId}/bump`, {
    data: { station: "fry", orderItemIds: [friesTicket.items[0].id] },
  });
  expect(bumped.status()).toBe(200);
  await chef.dispose();
  await expect(expoTicket.getByTestId("ticket-ready")).toBeEnabled();
  await expoTicket.getByTestId("ticket-ready").click();
  await expect(expoTicket).toHaveCount(0);

  // The tablet learns at once (floor channel): banner + status, no reload.
  await expect(pad.getByTestId("food-ready")).toBeVisible();
  await expect(pad.getByTestId("order-status")).toHaveAttribute("data-status", "READY");
  await pad.getByRole("button", { name: "Mark served" }).click();
  await expect(pad.getByTestId("order-status")).toHaveAttribute("data-status", "SERVED");
});

test("a send retried after a lost answer (same idempotency key) creates one ticket", async ({ browser }) => {
  test.slow(); // a tablet and a kitchen screen
  const grill = await kitchen(browser, "/kitchen/grill");
  const pad = await tablet(browser);
  await openTable(pad, "8");
  await addBurger(pad);

  // The server receives and processes the first send, but the tablet never hears back.
  let dropped = false;
  await pad.route("**/floor/tables/**", async (route) => {
    const req = route.request();
    if (!dropped && req.method() === "POST" && req.headers()["next-action"]) {
      dropped = true;
      await route.fetch(); // reaches the server…
      await route.abort("failed"); // …the answer is lost
      return;
    }
    await route.continue();
  });
  await pad.getByTestId("send-order").click();
  await expect(pad.getByTestId("send-error")).toContainText("No answer from the server");
  await expect(pad.getByTestId("retry-send")).toBeVisible();
  await expect(ticketFor(grill, "8")).toHaveCount(1); // it did reach the kitchen

  await pad.getByTestId("retry-send").click(); // double submit with the same key
  await expect(pad.getByTestId("pad-notice")).toContainText("already received");
  await expect(pad.getByTestId("order-line")).toHaveCount(1);
  await grill.waitForTimeout(1000);
  await expect(ticketFor(grill, "8")).toHaveCount(1);
  await expect(ticketFor(grill, "8").getByTestId("kds-item")).toHaveCount(1);
});

test("realtime outage: the display shows it, orders still save, the missed ticket appears on its own", async ({
  browser,
}) => {
  test.slow(); // its own waits (offline ≤ 20 s, catch-up ≤ 30 s, live again ≤ 45 s) exceed the default 45 s
  const fry = await kitchen(browser, "/kitchen/fry");
  const pad = await tablet(browser);
  await openTable(pad, "9");
  try {
    await stopRealtime();
    await expect(fry.getByTestId("realtime-health")).toHaveAttribute("data-state", "offline", { timeout: 20_000 });
    await expect(fry.getByTestId("realtime-health")).toContainText(/Offline/);

    await pad.getByRole("button", { name: "Sides" }).click();
    await pad.getByRole("button", { name: "Hand-cut Fries", exact: true }).click();
    await pad.getByTestId("send-order").click();
    await expect(pad.getByTestId("pad-notice")).toContainText("Sent to kitchen"); // saved although realtime is down
  } finally {
    await startRealtime();
  }
  await expect(ticketFor(fry, "9")).toBeVisible({ timeout: 30_000 });
  // The socket itself comes back on pusher-js's own schedule: its retries back off to 30 s apart, so
  // a server back just after a failed try is seen up to ~30 s later (plus the channel auth). Tickets
  // do not wait for it (the 5 s catch-up above).
  await expect(fry.getByTestId("realtime-health")).toHaveAttribute("data-state", "live", { timeout: 45_000 });
});

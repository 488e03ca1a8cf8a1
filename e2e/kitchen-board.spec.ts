// Issue 7 items 15–17 on a real kitchen screen (1920×1080, the size of a pass display):
// a full board pages instead of scrolling and never hides a ticket; sound is remembered per
// device and re-armed by the first tap; a side is made at its own station and holds expo;
// courses are sections; bar drinks do not reach expo. Orders are counter orders sent through
// the API; every ticket made here is cleared at the end so later specs see a clean pass.
import { request, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { E2E_BASE_URL, storageStateFor, type RoleName } from "./support/e2e-env";

test.describe.configure({ mode: "serial" });

type Sent = { orderId: string; fireBatch: number; firedItemIds: string[] };
const made: Sent[] = [];

async function api(role: RoleName): Promise<APIRequestContext> {
  return request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor(role),
    extraHTTPHeaders: { origin: E2E_BASE_URL },
  });
}

/** Menu item and modifier ids by name, from the order pad's menu. */
async function menuIds(server: APIRequestContext) {
  const menu = await (await server.get("/api/v1/menu/order-pad")).json();
  const items = new Map<string, string>();
  const modifiers = new Map<string, string>();
  JSON.stringify(menu, (_k, v: unknown) => {
    if (v && typeof v === "object" && "id" in v && "name" in v) {
      const o = v as { id: string; name: string };
      if ("priceDeltaCents" in o) modifiers.set(o.name, o.id);
      else if ("priceCents" in o && !items.has(o.name)) items.set(o.name, o.id);
    }
    return v;
  });
  return { item: (n: string) => items.get(n)!, modifier: (n: string) => modifiers.get(n)! };
}

type Line = { menuItemId: string; quantity?: number; course?: string; modifierIds?: string[]; notes?: string };

async function sendCounterOrder(server: APIRequestContext, items: Line[]): Promise<Sent> {
  const opened = await server.post("/api/v1/orders", { data: { guestCount: 2 } });
  expect(opened.status()).toBe(201);
  const { orderId } = await opened.json();
  const res = await server.post(`/api/v1/orders/${orderId}/send`, {
    data: { items: items.map((i) => ({ quantity: 1, course: "MAINS", modifierIds: [], ...i })) },
    headers: { "idempotency-key": crypto.randomUUID() },
  });
  expect(res.status(), await res.text()).toBe(200);
  const sent = (await res.json()) as Sent;
  made.push(sent);
  return sent;
}

async function kitchenScreen(browser: Browser, path: string): Promise<Page> {
  const ctx = await browser.newContext({
    storageState: storageStateFor("chef"),
    viewport: { width: 1920, height: 1080 },
  });
  const page = await ctx.newPage();
  await page.goto(path);
  await expect(page.getByTestId("realtime-health")).toHaveAttribute("data-state", "live", { timeout: 15_000 });
  return page;
}

/** Every ticket a test made leaves the line (each station bumps, expo passes), so the next sees a clean pass. */
test.afterEach(async () => {
  const chef = await api("chef");
  for (const station of ["grill", "fry", "saute", "cold", "bar"]) {
    const snap = await (await chef.get(`/api/v1/kitchen/snapshot?station=${station}&limit=60`)).json();
    for (const t of snap.tickets as { orderId: string; items: { id: string }[] }[]) {
      if (!made.some((m) => m.orderId === t.orderId)) continue;
      await chef.post(`/api/v1/orders/${t.orderId}/bump`, {
        data: { station, orderItemIds: t.items.map((i) => i.id) },
      });
    }
  }
  for (const m of made) await chef.post(`/api/v1/orders/${m.orderId}/ready`, { data: { fireBatch: m.fireBatch } });
  made.length = 0;
  await chef.dispose();
});

test("a full board pages instead of scrolling: every ticket whole, on exactly one page, oldest first", async ({
  browser,
}) => {
  const server = await api("server");
  const { item } = await menuIds(server);
  for (let i = 0; i < 12; i++) {
    await sendCounterOrder(server, [
      { menuItemId: item("Soup of the Day"), course: "STARTERS" },
      { menuItemId: item("Chicken Parmesan"), notes: i % 3 === 0 ? "sauce on the side" : "" },
      { menuItemId: item("Wild Mushroom Risotto"), quantity: 2 },
      { menuItemId: item("Chocolate Lava Cake"), course: "DESSERTS" },
    ]);
  }
  const chef = await api("chef");
  const snapshot = await (await chef.get("/api/v1/kitchen/snapshot?station=saute&limit=60")).json();
  const expected: string[] = snapshot.tickets.map((t: { key: string }) => t.key);
  expect(expected.length).toBe(snapshot.page.ticketCount);
  expect(expected.length).toBeGreaterThanOrEqual(12);

  const page = await kitchenScreen(browser, "/kitchen/saute");
  const seen: string[] = [];
  let pages = 0;
  for (let guard = 0; guard < 20; guard++) {
    pages++;
    // The page itself never scrolls, and every ticket shown is whole inside the window.
    const layout = await page.evaluate(() => ({
      scroll: document.scrollingElement!.scrollHeight - innerHeight,
      cards: [...document.querySelectorAll<HTMLElement>("[data-testid=kds-ticket]")].map((c) => {
        const r = c.getBoundingClientRect();
        return {
          key: c.dataset.ticket!,
          inside: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
        };
      }),
    }));
    expect(layout.scroll).toBeLessThanOrEqual(0);
    expect(layout.cards.length).toBeGreaterThan(0);
    expect(layout.cards.every((c) => c.inside)).toBe(true);
    seen.push(...layout.cards.map((c) => c.key));
    const left = expected.length - seen.length;
    await expect(page.getByTestId("page-range")).toHaveText(
      `Tickets ${seen.length - layout.cards.length + 1}–${seen.length} of ${expected.length}`,
    );
    if (left === 0) {
      await expect(page.getByTestId("page-more")).toBeHidden();
      break;
    }
    // Not hidden silently: the rest is counted where the cooks look.
    await expect(page.getByTestId("page-more")).toHaveText(`${left} more →`);
    const first = layout.cards[0].key;
    await page.keyboard.press("PageDown");
    await expect(page.locator("[data-testid=kds-ticket]").first()).not.toHaveAttribute("data-ticket", first);
  }
  expect(seen).toEqual(expected); // each exactly once, oldest first
  expect(pages).toBeGreaterThan(1);

  // Back to the start with the on-screen control (touch) and with the key (bump bar).
  const last = await page.locator("[data-testid=kds-ticket]").first().getAttribute("data-ticket");
  await page.getByTestId("page-earlier").click();
  await expect(page.locator("[data-testid=kds-ticket]").first()).not.toHaveAttribute("data-ticket", last!);
  for (let i = 0; i < pages; i++) await page.keyboard.press("PageUp");
  await expect(page.locator("[data-testid=kds-ticket]").first()).toHaveAttribute("data-ticket", expected[0]);
  await expect(page.getByTestId("page-earlier")).toBeHidden();
  // → past the last ticket of a page moves on to the next page.
  const onFirst = await page.getByTestId("kds-ticket").count();
  for (let i = 0; i < onFirst; i++) await page.keyboard.press("ArrowRight");
  await expect(page.locator("[data-testid=kds-ticket]").first()).toHaveAttribute("data-ticket", expected[onFirst]);
  await page.context().close();
});

test("'Enable sound' is remembered on this screen and re-armed by the first tap after a reload", async ({
  browser,
}) => {
  const page = await kitchenScreen(browser, "/kitchen/grill");
  const sound = page.getByTestId("sound-toggle");
  await expect(sound).toHaveAttribute("data-state", "off");
  await sound.click();
  await expect(sound).toHaveAttribute("data-state", "on");
  await expect(sound).toHaveText("Sound on");

  await page.reload();
  await expect(sound).toHaveAttribute("data-state", "waiting");
  await expect(sound).toHaveText("Tap anywhere for sound");
  await page.mouse.click(960, 600); // anywhere on the board
  await expect(sound).toHaveAttribute("data-state", "on");
  expect(await page.evaluate(() => localStorage.getItem("servicebell.kds.sound"))).toBe("on");

  // Off stays off, too.
  await sound.click();
  await expect(sound).toHaveAttribute("data-state", "off");
  await page.reload();
  await expect(page.getByTestId("realtime-health")).toBeVisible();
  await page.mouse.click(960, 600);
  await expect(sound).toHaveAttribute("data-state", "off");
  await page.context().close();
});

test("a side is made at its own station and holds expo; courses are sections; bar drinks skip expo", async ({
  browser,
}) => {
  test.slow(); // three live screens in one test
  const server = await api("server");
  const { item, modifier } = await menuIds(server);
  const sent = await sendCounterOrder(server, [
    { menuItemId: item("Caesar Salad"), course: "STARTERS" },
    { menuItemId: item("Grilled Salmon"), modifierIds: [modifier("Hand-cut fries"), modifier("No lemon")] },
    { menuItemId: item("Iced Tea"), course: "DRINKS" },
  ]);
  const ticket = (page: Page) =>
    page.locator(`[data-testid=kds-ticket][data-ticket="${sent.orderId}:${sent.fireBatch}"]`);

  const grill = await kitchenScreen(browser, "/kitchen/grill");
  const salmon = ticket(grill).getByTestId("kds-item");
  await expect(salmon).toContainText("1× Grilled Salmon");
  await expect(salmon.getByTestId("kds-routed")).toHaveText("→ Fryer");
  await expect(salmon.getByTestId("kds-removal")).toHaveText("✕ No lemon");
  await expect(grill.getByTestId("kitchen-display")).not.toContainText("$");

  const fry = await kitchenScreen(browser, "/kitchen/fry");
  const side = ticket(fry).locator("[data-testid=kds-item][data-kind=component]");
  await expect(side).toContainText("1× Hand-cut Fries");
  await expect(side).toContainText("side for Grilled Salmon");
  await expect(fry.getByTestId("all-day")).toContainText("Hand-cut Fries");

  const expo = await kitchenScreen(browser, "/kitchen/expo");
  const pass = ticket(expo);
  await expect(pass.getByTestId("course-section")).toHaveCount(2);
  await expect(pass.locator("[data-testid=course-section][data-course=STARTERS]")).toContainText("Caesar Salad");
  await expect(pass.locator("[data-testid=course-section][data-course=MAINS]")).toContainText("Grilled Salmon");
  await expect(pass).not.toContainText("Iced Tea"); // the bar hands its drinks out itself
  await expect(pass.getByTestId("ticket-ready")).toHaveText("Waiting: 3");

  // The grill and the pantry (through the API) finish; expo still waits for the Fryer's side.
  await ticket(grill).getByTestId("ticket-bump").click();
  const chef = await api("chef");
  const salad = sent.firedItemIds[0];
  expect(
    (
      await chef.post(`/api/v1/orders/${sent.orderId}/bump`, { data: { station: "cold", orderItemIds: [salad] } })
    ).status(),
  ).toBe(200);
  await expect(pass.getByTestId("ticket-ready")).toHaveText("Waiting: 1");
  await expect(pass.getByTestId("ticket-ready")).toBeDisabled();
  await side.click(); // the fry cook taps the side's line
  await expect(pass.getByTestId("kds-routed")).toHaveText("✓ Fryer");
  await expect(pass.getByTestId("ticket-ready")).toBeEnabled();
  for (const p of [grill, fry, expo]) await p.context().close();
  await chef.dispose();
});

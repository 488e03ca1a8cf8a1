// Issue 13's "done when", on phones (390×844, touch): a server opens a FAMILY session at P2; two
// guests join with the PIN, add dishes and see each other's lines live; one sends; the ticket
// reaches the kitchen (no prices) and the server's tablet; a replayed submit makes no second
// ticket; the 6th wrong PIN is refused for 15 minutes; a guest who lost her cookies resumes with
// the PIN (same name, same cart); an INDIVIDUAL session sums two private carts. No other spec
// uses P2; the spec ends its sessions and voids its orders.
import { request, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { E2E_BASE_URL, storageStateFor, type RoleName } from "./support/e2e-env";

test.describe.configure({ mode: "serial" });

const TABLE = "P2";

const api = (role: RoleName) =>
  request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor(role),
    extraHTTPHeaders: { origin: E2E_BASE_URL },
  });

type FloorTable = { id: string; label: string; openOrder: { id: string } | null };
async function table(staff: APIRequestContext): Promise<FloorTable> {
  const { areas } = (await (await staff.get("/api/v1/floor")).json()) as { areas: { tables: FloorTable[] }[] };
  const t = areas.flatMap((a) => a.tables).find((x) => x.label === TABLE);
  expect(t, `table ${TABLE}`).toBeTruthy();
  return t!;
}

/** End P2's guest session, void its order and clear it: each test starts, and the spec ends, with P2 free. */
async function freeTable(): Promise<void> {
  const manager = await api("manager");
  try {
    const t = await table(manager);
    await manager.delete(`/api/v1/tables/${t.id}/guest-session`);
    if (t.openOrder) {
      const res = await manager.patch(`/api/v1/orders/${t.openOrder.id}`, {
        data: { status: "VOIDED", reason: "e2e: guest-qr cleans up" },
      });
      expect(res.ok(), await res.text()).toBe(true);
    }
    await manager.post(`/api/v1/tables/${t.id}/clear`);
  } finally {
    await manager.dispose();
  }
}

type Opened = { tableId: string; token: string; pin: string };
/** The server opens a guest session from the staff API (the tablet's button does the same). */
async function openSession(mode: "FAMILY" | "INDIVIDUAL"): Promise<Opened> {
  const server = await api("server");
  try {
    const t = await table(server);
    const res = await server.post(`/api/v1/tables/${t.id}/guest-session`, { data: { mode } });
    expect(res.status(), await res.text()).toBeLessThan(300);
    // The tablet reads the PIN and the table card's link back the same way.
    const shown = await server.get(`/api/v1/tables/${t.id}/guest-session`);
    const body = (await shown.json()) as { session: { pin: string; mode: string; guestUrl: string } };
    expect(body.session.pin).toMatch(/^\d{4}$/);
    expect(body.session.mode).toBe(mode);
    const token = new URL(body.session.guestUrl).pathname.replace(/^\/t\//, "");
    return { tableId: t.id, token: decodeURIComponent(token), pin: body.session.pin };
  } finally {
    await server.dispose();
  }
}

async function phone(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  return ctx.newPage();
}

async function join(page: Page, s: Opened, nickname: string): Promise<void> {
  await page.goto(`/t/${s.token}`);
  await page.getByTestId("join-pin").fill(s.pin);
  await page.getByTestId("join-nickname").fill(nickname);
  await page.getByTestId("join-submit").click();
  await expect(page.getByTestId("table-label")).toHaveText(`Table ${TABLE}`);
}

async function addDish(page: Page, name: string): Promise<void> {
  await page.getByTestId("tab-menu").click();
  await page.locator(`[data-testid=menu-item][data-name="${name}"]`).click();
  await page.getByTestId("sheet-add").click();
  await expect(page.getByTestId("item-sheet")).toBeHidden();
}

const cartLine = (page: Page, name: string) => page.locator(`[data-testid=cart-line][data-name="${name}"]`);

test.beforeAll(freeTable);
test.afterAll(freeTable);

test("FAMILY: two phones share a live cart, one sends; kitchen and tablet get one ticket; resume by PIN; 6th wrong PIN locks", async ({
  browser,
}) => {
  test.slow();
  // The server seats P2 on the tablet and opens guest ordering there: FAMILY, the PIN in large digits.
  const tablet = await (
    await browser.newContext({
      storageState: storageStateFor("server"),
      viewport: { width: 1024, height: 768 },
      hasTouch: true,
    })
  ).newPage();
  const staff = await api("server");
  const p2 = await table(staff);
  await tablet.goto(`/floor/tables/${p2.id}`);
  await tablet.getByRole("button", { name: /Seat \d+ and start order/ }).click();
  await expect(tablet.getByTestId("order-pad")).toBeVisible();
  await tablet.getByTestId("guest-ordering-button").click();
  const dialog = tablet.getByTestId("guest-ordering-dialog");
  await dialog.locator("[data-mode=FAMILY]").click();
  await expect(dialog.getByTestId("guest-pin")).toHaveText(/^\d{4}$/);
  const shownPin = (await dialog.getByTestId("guest-pin").textContent())!;
  await dialog.getByRole("button", { name: "Done" }).click();
  const shown = (await (await staff.get(`/api/v1/tables/${p2.id}/guest-session`)).json()) as {
    session: { pin: string; mode: string; guestUrl: string };
  };
  await staff.dispose();
  expect(shown.session).toMatchObject({ pin: shownPin, mode: "FAMILY" });
  const s: Opened = {
    tableId: p2.id,
    pin: shownPin,
    token: decodeURIComponent(new URL(shown.session.guestUrl).pathname.replace(/^\/t\//, "")),
  };
  const dana = await phone(browser);
  const sam = await phone(browser);
  await join(dana, s, "Dana");
  await join(sam, s, "Sam");

  // Each sees the other's taps live, with who added them.
  await sam.getByTestId("tab-cart").click();
  await addDish(dana, "Caesar Salad");
  await expect(cartLine(sam, "Caesar Salad")).toHaveAttribute("data-who", "Dana");
  await addDish(sam, "Iced Tea");
  await dana.getByTestId("tab-cart").click();
  await expect(cartLine(dana, "Iced Tea")).toHaveAttribute("data-who", "Sam");
  await sam.getByTestId("tab-cart").click();
  await expect(sam.getByTestId("members")).toContainText("Dana");

  // Dana takes the checkout: Sam's cart locks with "Dana is sending…"; Dana sends.
  await dana.getByTestId("review-order").click();
  await expect(sam.getByTestId("someone-sending")).toContainText("Dana is sending");
  await dana.getByTestId("send-order").click();
  await expect(dana.getByTestId("sent-banner")).toHaveText(/Sent to the kitchen|Waiting for your server to confirm/);
  await expect(dana.locator("[data-testid=order-line]")).toHaveCount(2);
  await expect(sam.getByTestId("someone-sending")).toBeHidden();

  // The kitchen shows the ticket, without a price; the server's tablet shows the lines.
  const kitchen = await (
    await browser.newContext({ storageState: storageStateFor("chef"), viewport: { width: 1920, height: 1080 } })
  ).newPage();
  await kitchen.goto("/kitchen/cold");
  const ticket = kitchen.getByTestId("kds-ticket").filter({ hasText: `T${TABLE}` });
  await expect(ticket).toContainText("Caesar Salad");
  await expect(ticket.getByTestId("kds-guest-order")).toHaveText("Guest order");
  await expect(ticket.getByTestId("kds-guest-label").first()).toHaveText("Dana");
  await expect(kitchen.getByTestId("kitchen-display")).not.toContainText("$");
  await expect(tablet.getByTestId("ticket-panel")).toContainText("Caesar Salad");
  await expect(tablet.getByTestId("ticket-panel")).toContainText("Iced Tea");

  // Sam's phone sends twice in the same second with one key: one submission, one ticket.
  const manager = await api("manager");
  const orderId = (await table(manager)).openOrder!.id;
  const linesBefore = ((await (await manager.get(`/api/v1/orders/${orderId}`)).json()).order.items as unknown[]).length;
  const menu = (await (await sam.request.get("/api/guest/menu")).json()) as {
    categories: { items: { id: string; name: string }[] }[];
  };
  const soup = menu.categories.flatMap((c) => c.items).find((i) => i.name === "Soup of the Day")!;
  const cart = (await (await sam.request.get("/api/guest/cart")).json()) as { version: number };
  const put = await sam.request.put("/api/guest/cart", {
    data: { version: cart.version, items: [{ menuItemId: soup.id, quantity: 1, modifierIds: [], notes: "" }] },
    headers: { origin: E2E_BASE_URL },
  });
  expect(put.status(), await put.text()).toBe(200);
  const key = crypto.randomUUID();
  const send = () =>
    sam.request.post("/api/guest/orders", { data: {}, headers: { "Idempotency-Key": key, origin: E2E_BASE_URL } });
  const [a, b] = await Promise.all([send(), send()]);
  expect([a.status(), b.status()]).toEqual([201, 201]);
  const [ra, rb] = [await a.json(), await b.json()];
  expect(ra.submissionId).toBe(rb.submissionId);
  expect([ra.replayed, rb.replayed].sort()).toEqual([false, true]);
  const linesAfter = ((await (await manager.get(`/api/v1/orders/${orderId}`)).json()).order.items as unknown[]).length;
  expect(linesAfter).toBe(linesBefore + 1);
  await manager.dispose();

  // Dana loses her cookies with a dish in the cart: the PIN brings her back as Dana, same cart.
  await addDish(dana, "Caesar Salad");
  await dana.getByTestId("tab-cart").click();
  await expect(cartLine(dana, "Caesar Salad")).toBeVisible();
  // The line shows at once (optimistic); wait until the cart is saved, or the reload aborts the save.
  await expect(dana.getByTestId("review-order")).toHaveText("Review and send");
  await dana.context().clearCookies();
  await dana.reload();
  await expect(dana.getByTestId("join-nickname")).toHaveValue("Dana");
  await dana.getByTestId("join-pin").fill(s.pin);
  await dana.getByTestId("join-submit").click();
  await dana.getByTestId("tab-cart").click();
  await expect(cartLine(dana, "Caesar Salad")).toHaveAttribute("data-who", "Dana");
  await expect(dana.getByText("Hi Dana")).toBeVisible();

  // A stranger's phone: four wrong PINs are refused with the tries left; the fifth is refused with
  // none left and the phone is blocked for 15 minutes: the sixth (even the right PIN) gets 429.
  const stranger = await phone(browser);
  await stranger.goto(`/t/${s.token}`);
  const wrong = s.pin === "0000" ? "1111" : "0000";
  await stranger.getByTestId("join-nickname").fill("Eve");
  for (let i = 1; i <= 4; i++) {
    await stranger.getByTestId("join-pin").fill(wrong);
    await stranger.getByTestId("join-submit").click();
    await expect(stranger.getByTestId("join-pin-error")).toContainText(
      `${5 - i === 1 ? "1 try" : `${5 - i} tries`} left`,
    );
  }
  await stranger.getByTestId("join-pin").fill(wrong);
  await stranger.getByTestId("join-submit").click();
  await expect(stranger.getByTestId("join-error")).toHaveText("Too many tries. Try again in 15 minutes.");
  await expect(stranger.getByTestId("join-submit")).toBeDisabled();
  for (const pin of [wrong, s.pin]) {
    const sixth = await stranger.request.post(`/api/guest/sessions/${s.token}/join`, {
      data: { pin, nickname: "Eve" },
      headers: { origin: E2E_BASE_URL },
    });
    expect(sixth.status()).toBe(429);
    expect((await sixth.json()).error.code).toBe("RATE_LIMITED");
    expect(Number(sixth.headers()["retry-after"])).toBeGreaterThan(14 * 60);
  }

  // Closing the session ends it on the phones.
  await freeTable();
  await expect(sam.getByTestId("session-ended")).toBeVisible({ timeout: 20_000 });
  for (const p of [dana, sam, stranger, kitchen, tablet]) await p.context().close();
});

test("INDIVIDUAL: each phone orders privately; the table's order holds both guests' lines", async ({ browser }) => {
  const s = await openSession("INDIVIDUAL");
  const ana = await phone(browser);
  const ben = await phone(browser);
  await join(ana, s, "Ana");
  await join(ben, s, "Ben");
  await addDish(ana, "Caesar Salad");
  await addDish(ben, "Iced Tea");
  for (const [p, mine, theirs] of [
    [ana, "Caesar Salad", "Iced Tea"],
    [ben, "Iced Tea", "Caesar Salad"],
  ] as const) {
    await p.getByTestId("tab-cart").click();
    await expect(p.getByTestId("individual-note")).toHaveText(
      "Your own order — others at the table order on their phones.",
    );
    await expect(cartLine(p, mine)).toBeVisible();
    await expect(cartLine(p, theirs)).toHaveCount(0);
    await p.getByTestId("send-order").click();
    await expect(p.getByTestId("sent-banner")).toBeVisible();
  }
  await expect(ana.locator("[data-testid=order-line]")).toHaveCount(2);
  // One table order with both private carts: the phones see both guests' lines, the tablet both dishes.
  const view = (await (await ana.request.get("/api/guest/session")).json()) as {
    order: { lines: { name: string; guestLabel: string }[] };
  };
  expect(view.order.lines.map((l) => `${l.guestLabel}: ${l.name}`).sort()).toEqual([
    "Ana: Caesar Salad",
    "Ben: Iced Tea",
  ]);
  const manager = await api("manager");
  const order = (await (await manager.get(`/api/v1/orders/${(await table(manager)).openOrder!.id}`)).json()).order as {
    items: { name: string }[];
  };
  expect(order.items.map((i) => i.name).sort()).toEqual(["Caesar Salad", "Iced Tea"]);
  await manager.dispose();
  for (const p of [ana, ben]) await p.context().close();
});

test("a reload while a cart save is on its way loses no tap and adds none twice", async ({ browser }) => {
  await freeTable();
  const s = await openSession("FAMILY");
  const kim = await phone(browser);
  await join(kim, s, "Kim");
  // The first save is held so it never reaches the restaurant: the page goes away with it on its
  // way and a second tap queued behind it.
  let held = false;
  await kim.route("**/api/guest/cart", async (route) => {
    if (route.request().method() === "PUT" && !held) {
      held = true;
      return;
    }
    await route.continue();
  });
  await addDish(kim, "Caesar Salad");
  await expect.poll(() => held).toBe(true);
  await addDish(kim, "Iced Tea");
  await kim.unroute("**/api/guest/cart");
  await kim.reload();
  await kim.getByTestId("tab-cart").click();
  await expect(cartLine(kim, "Caesar Salad")).toBeVisible();
  await expect(cartLine(kim, "Iced Tea")).toBeVisible();
  await expect(kim.getByTestId("review-order")).toHaveText("Review and send");
  const saved = (await (await kim.request.get("/api/guest/cart")).json()) as {
    items: { name: string; quantity: number }[];
  };
  expect(saved.items.map((i) => `${i.quantity} ${i.name}`).sort()).toEqual(["1 Caesar Salad", "1 Iced Tea"]);
  // A second reload finds nothing left to restore: still one of each.
  await kim.reload();
  await kim.getByTestId("tab-cart").click();
  await expect(cartLine(kim, "Caesar Salad")).toHaveCount(1);
  await expect(cartLine(kim, "Iced Tea")).toHaveCount(1);
  await kim.context().close();
});

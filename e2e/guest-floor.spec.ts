// Issue 13, the floor tablet's side (1024×768, touch): a server opens FAMILY guest ordering from
// the order pad and reads the 4-digit PIN off it, the floor shows the table's phone badge, and the
// session ends from the pad. With the location's approval step on, a guest's order made through the
// guest API (join with the PIN, fill the cart, send) waits in the tray at the top of /floor, and one
// tap sends it to the kitchen; a "bill, please" from the phone is acknowledged with one tap.
import { randomUUID } from "node:crypto";
import { request, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { E2E_BASE_URL, storageStateFor, type RoleName } from "./support/e2e-env";

test.describe.configure({ mode: "serial" });

const PAD_TABLE = "P3";
const GUEST_TABLE = "P4";

const api = (role: RoleName) =>
  request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor(role),
    extraHTTPHeaders: { origin: E2E_BASE_URL },
  });

type FloorTable = { id: string; label: string; openOrder: { id: string } | null; guestOrdering: boolean };

async function floorTables(staff: APIRequestContext): Promise<FloorTable[]> {
  const { areas } = (await (await staff.get("/api/v1/floor")).json()) as { areas: { tables: FloorTable[] }[] };
  return areas.flatMap((a) => a.tables);
}

/** Leaves the tables as the spec found them in a fresh demo: no order, no session, free. */
async function freeTables(labels: string[]): Promise<void> {
  const manager = await api("manager");
  try {
    for (const t of (await floorTables(manager)).filter((x) => labels.includes(x.label))) {
      await manager.delete(`/api/v1/tables/${t.id}/guest-session`);
      if (t.openOrder) {
        const res = await manager.patch(`/api/v1/orders/${t.openOrder.id}`, {
          data: { status: "VOIDED", reason: "e2e: guest-floor cleans up" },
        });
        expect(res.ok(), await res.text()).toBe(true);
      }
      await manager.post(`/api/v1/tables/${t.id}/clear`);
    }
  } finally {
    await manager.dispose();
  }
}

async function tablet(browser: Browser, role: RoleName, path: string): Promise<Page> {
  const ctx = await browser.newContext({
    storageState: storageStateFor(role),
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
  });
  const page = await ctx.newPage();
  await page.goto(path);
  return page;
}

/** The pad header's two sides meet without overlapping, and the page does not scroll sideways. */
async function expectHeaderFits(pad: Page) {
  const [title, controls] = await pad
    .getByTestId("pad-header")
    .evaluate((h) => [...h.children].map((c) => c.scrollWidth <= c.clientWidth + 1));
  expect({ title, controls }).toEqual({ title: true, controls: true });
  expect(await pad.evaluate(() => document.documentElement.scrollWidth)).toBe(1024);
}

/** The location setting (admin settings, PATCH /api/v1/location): guest orders wait for a server's tap. */
async function setGuestOrderApproval(on: boolean): Promise<void> {
  const manager = await api("manager");
  try {
    const res = await manager.patch("/api/v1/location", { data: { guestOrderApproval: on } });
    expect(res.ok(), await res.text()).toBe(true);
  } finally {
    await manager.dispose();
  }
}

test.beforeAll(() => freeTables([PAD_TABLE, GUEST_TABLE]));
test.afterAll(async () => {
  await setGuestOrderApproval(false);
  await freeTables([PAD_TABLE, GUEST_TABLE]);
});

test("a server opens FAMILY guest ordering from the pad, reads the PIN, sees the badge and ends it", async ({
  browser,
}) => {
  const pad = await tablet(browser, "server", "/floor");
  await pad.locator(`[data-testid=table-tile][data-label="${PAD_TABLE}"]`).click();
  await pad.getByRole("button", { name: /Seat \d+ and start order/ }).click();
  await expect(pad.getByTestId("order-pad")).toBeVisible();

  await expectHeaderFits(pad);
  await pad.getByTestId("guest-ordering-button").click();
  const dialog = pad.getByTestId("guest-ordering-dialog");
  await expect(dialog.getByText("One shared cart for the table")).toBeVisible();
  await expect(dialog.getByText("Each phone orders for itself")).toBeVisible();
  await dialog.locator("[data-mode=FAMILY]").click();
  const pin = dialog.getByTestId("guest-pin");
  await expect(pin).toHaveText(/^\d{4}$/);
  const code = (await pin.textContent())!;
  await expect(dialog).toContainText("Guests scan the QR card on the table and enter this PIN");
  await expect(dialog).toContainText("Joined (0)");
  // The PIN is very large: digits a table away can read.
  expect(await pin.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(72);
  await dialog.getByRole("button", { name: "Done" }).click();
  const control = pad.getByTestId("guest-ordering-button");
  await expect(control).toHaveAccessibleName(`Guests: PIN ${code} · 0 joined`);
  await expect(control).toContainText(`PIN ${code}`);
  // The header stays one line with the session shown: nothing overlaps, nothing scrolls sideways.
  await expectHeaderFits(pad);

  // The floor plan marks the table (the badge is decorative; the tile's label says it).
  const floor = await tablet(browser, "host", "/floor");
  const tile = floor.locator(`[data-testid=table-tile][data-label="${PAD_TABLE}"]`);
  await expect(tile.getByTestId("tile-guest-badge")).toBeVisible();
  await expect(tile).toHaveAttribute("aria-label", /guests ordering by phone/);

  await pad.getByTestId("guest-ordering-button").click();
  await dialog.getByRole("button", { name: "End guest ordering" }).click();
  await dialog.getByRole("button", { name: "Yes, end it" }).click();
  await expect(dialog).toBeHidden();
  await expect(control).toHaveAccessibleName("Guest ordering");
  // The other tablet drops the badge live (floor channel guest.changed).
  await expect(tile.getByTestId("tile-guest-badge")).toBeHidden({ timeout: 5_000 });
  await pad.context().close();
  await floor.context().close();
});

test("with approval on, a guest's order waits in the tray and one tap sends it to the kitchen", async ({ browser }) => {
  await setGuestOrderApproval(true);
  const server = await api("server");
  const guest = await request.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { origin: E2E_BASE_URL } });
  const floor = await tablet(browser, "server", "/floor");
  try {
    const table = (await floorTables(server)).find((t) => t.label === GUEST_TABLE)!;
    const opened = await server.post(`/api/v1/tables/${table.id}/guest-session`, { data: { mode: "FAMILY" } });
    expect(opened.status(), await opened.text()).toBe(201);
    const { pin } = (await opened.json()) as { pin: string };
    const { session } = (await (await server.get(`/api/v1/tables/${table.id}/guest-session`)).json()) as {
      session: { guestUrl: string };
    };
    const token = session.guestUrl.split("/t/")[1];

    // The phone: join with the PIN, two of a dish in the cart, send.
    const joined = await guest.post(`/api/guest/sessions/${token}/join`, { data: { pin, nickname: "Dana" } });
    expect(joined.status(), await joined.text()).toBe(200);
    const menu = (await (await guest.get("/api/guest/menu")).json()) as {
      categories: {
        items: { id: string; name: string; available: boolean; modifierGroups: { minSelect: number }[] }[];
      }[];
    };
    const dish = menu.categories
      .flatMap((c) => c.items)
      .find((i) => i.available && i.modifierGroups.every((g) => g.minSelect === 0))!;
    const cart = (await (await guest.get("/api/guest/cart")).json()) as { version: number };
    const put = await guest.put("/api/guest/cart", {
      data: { version: cart.version, items: [{ menuItemId: dish.id, quantity: 2, modifierIds: [], notes: "" }] },
    });
    expect(put.ok(), await put.text()).toBe(true);
    const sent = await guest.post("/api/guest/orders", { headers: { "idempotency-key": randomUUID() } });
    expect(sent.ok(), await sent.text()).toBe(true);
    expect(await sent.json()).toMatchObject({ status: "PENDING_APPROVAL" });

    // The tray on /floor: live, with the lines and total; one tap sends it.
    const tray = floor.getByTestId("guest-tray");
    const card = tray.getByTestId("guest-submission").filter({ hasText: GUEST_TABLE });
    await expect(card).toContainText("Dana", { timeout: 5_000 });
    await expect(card).toContainText(`2× ${dish.name}`);
    await expect(card).toContainText("New");
    await card.getByRole("button", { name: "Send to kitchen" }).click();
    await expect(tray).toContainText(/Sent to the kitchen · order #\d+/);
    await expect(card).toBeHidden();

    // The table's pad shows the guest's lines, labelled, sent.
    const pad = await tablet(browser, "server", `/floor/tables/${table.id}`);
    const line = pad.getByTestId("order-line").filter({ hasText: dish.name });
    await expect(line.getByTestId("guest-line-label")).toHaveText("Guest · Dana");
    await expect(line).not.toHaveAttribute("data-status", "PENDING");
    await pad.context().close();

    // "Bill, please" from the phone: a chip in the tray; "Done" clears it; an empty tray hides.
    const asked = await guest.post("/api/guest/requests", { data: { kind: "BILL" } });
    expect(asked.ok(), await asked.text()).toBe(true);
    const chip = tray.getByTestId("guest-request").filter({ hasText: `${GUEST_TABLE}: bill please` });
    await expect(chip).toBeVisible({ timeout: 5_000 });
    await chip.getByRole("button", { name: "Done" }).click();
    await expect(chip).toBeHidden();
    await expect(tray).toBeHidden({ timeout: 8_000 });
  } finally {
    await guest.dispose();
    await server.dispose();
    await floor.context().close();
  }
});

// Issue 14, done when: accepting a learned prep time changes the kitchen ticket colours. A dish whose
// learned time differs from its target gets a ticket aged halfway between the two: a dish made
// faster than its target turns late once the manager accepts the learned time, a slower one stops
// being late. The spec voids the order and puts the target back.
import { request } from "@playwright/test";
import { expect, test } from "./support/test";
import { E2E_BASE_URL, storageStateFor, type RoleName } from "./support/e2e-env";
import { firedAgo } from "./support/kitchen";

type Item = {
  menuItemId: string;
  name: string;
  stationName: string | null;
  prepMinutes: number | null;
  suggestedMinutes: number | null;
};
const STATION_SLUG: Record<string, string> = { Grill: "grill", Fryer: "fry", Sauté: "saute", "Cold / Pantry": "cold" };

const api = (role: RoleName) =>
  request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor(role),
    extraHTTPHeaders: { origin: E2E_BASE_URL },
  });

test("accepting a learned prep time changes a ticket's colour on the kitchen screen", async ({ browser }) => {
  const manager = await api("manager");
  const server = await api("server");
  const report = (await (await manager.get("/api/v1/reports/prep-times?days=90")).json()) as { items: Item[] };
  // Dishes a server can send as they are right now (breakfast is not sold in the evening).
  const orderable = new Set<string>();
  JSON.stringify(await (await server.get("/api/v1/menu/order-pad")).json(), (_k, v: unknown) => {
    const o = v as {
      id?: string;
      priceCents?: number;
      availableFrom?: string | null;
      is86d?: boolean;
      modifierGroups?: { minSelect: number }[];
    } | null;
    // Available now, not 86'd, and no option the server must choose (a side, a temperature).
    if (
      o?.id &&
      o.priceCents !== undefined &&
      o.availableFrom === null &&
      !o.is86d &&
      (o.modifierGroups ?? []).every((g) => g.minSelect === 0)
    )
      orderable.add(o.id);
    return v;
  });
  // The widest gap between the two targets leaves the most time for the steps between checks.
  const gap = (i: Item) => Math.abs((i.suggestedMinutes ?? 0) - (i.prepMinutes ?? 0));
  const dish = report.items
    .filter(
      (i) =>
        orderable.has(i.menuItemId) &&
        i.prepMinutes !== null &&
        i.suggestedMinutes !== null &&
        i.suggestedMinutes !== i.prepMinutes &&
        i.stationName !== null &&
        i.stationName in STATION_SLUG,
    )
    .sort((a, b) => gap(b) - gap(a))[0];
  expect(dish, "the demo history proposes a new target for a dish a server can send").toBeTruthy();
  const { menuItemId, name, prepMinutes, suggestedMinutes, stationName } = dish as Item & {
    prepMinutes: number;
    suggestedMinutes: number;
    stationName: string;
  };
  let orderId: string | null = null;
  try {
    const opened = await server.post("/api/v1/orders", { data: { guestCount: 1 } });
    expect(opened.status()).toBe(201);
    const order = (await opened.json()) as { orderId: string; number: number };
    orderId = order.orderId;
    const sent = await server.post(`/api/v1/orders/${orderId}/send`, {
      data: { items: [{ menuItemId, quantity: 1, course: "MAINS", modifierIds: [] }] },
      headers: { "idempotency-key": crypto.randomUUID() },
    });
    expect(sent.status(), await sent.text()).toBe(200);
    // Fired halfway between the learned time and the current target; aged again before each
    // look, since a slow machine can take longer than half the gap between the steps.
    const halfway = (suggestedMinutes + prepMinutes) / 2;
    await firedAgo(orderId, halfway);

    const kitchen = await browser.newContext({
      storageState: storageStateFor("chef"),
      viewport: { width: 1920, height: 1080 },
    });
    const screen = await kitchen.newPage();
    await screen.goto(`/kitchen/${STATION_SLUG[stationName]}`);
    const ticket = screen.locator(`[data-testid=kds-ticket][aria-label$="order ${order.number}"]`);
    await expect(ticket).toBeVisible();
    // Halfway between the two targets: late against the longer one only.
    const faster = suggestedMinutes < prepMinutes;
    if (faster) await expect(ticket).not.toHaveAttribute("data-urgency", "late");
    else await expect(ticket).toHaveAttribute("data-urgency", "late");

    // The manager accepts the learned time in one click.
    const admin = await browser.newContext({
      storageState: storageStateFor("manager"),
      viewport: { width: 1440, height: 900 },
    });
    const page = await admin.newPage();
    await page.goto("/admin/reports/prep-times?days=90");
    await page
      .locator(`[data-testid=prep-time-row][data-name="${name}"]`)
      .getByRole("button", { name: `Use ${suggestedMinutes} min as the prep target for ${name}` })
      .click();
    await expect(
      page.locator(`[data-testid=prep-time-row][data-name="${name}"]`).getByTestId("current-target"),
    ).toHaveText(`${suggestedMinutes} min`);

    // The kitchen's next load of the ticket colours it against the new target.
    await firedAgo(orderId, halfway);
    await screen.reload();
    if (faster) await expect(ticket).toHaveAttribute("data-urgency", "late");
    else await expect(ticket).toHaveAttribute("data-urgency", /^(ok|warn)$/);
    await screen.screenshot({ path: test.info().outputPath("ticket-after.png") });
    await kitchen.close();
    await admin.close();
  } finally {
    const back = await manager.put(`/api/v1/menu/items/${menuItemId}/prep-time`, { data: { minutes: prepMinutes } });
    expect(back.status(), await back.text()).toBe(200);
    if (orderId) {
      const voided = await manager.patch(`/api/v1/orders/${orderId}`, {
        data: { status: "VOIDED", reason: "e2e: prep time colours" },
      });
      expect(voided.ok(), await voided.text()).toBe(true);
    }
    await manager.dispose();
    await server.dispose();
  }
});

// Issue 15: two app instances serve one restaurant. Both run the same production build against one
// database, one realtime server and one Redis (the e2e server starts them on the next two ports).
// A tablet on one instance and a kitchen screen on the other see the same night: a send shows live
// on the other instance's display, a retry that lands on the other instance still fires once, and
// a phone's wrong table PINs are counted across both.
import { request, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test";
import { E2E_CONTROL_PORT, storageStateFor, type RoleName } from "./support/e2e-env";

test.describe.configure({ mode: "serial", timeout: 120_000 });

let ports: number[] = [];
const urlOf = (port: number) => `http://localhost:${port}`;
const control = (path: string) => fetch(`http://127.0.0.1:${E2E_CONTROL_PORT}${path}`, { method: "POST" });

const api = (role: RoleName | null, port: number): Promise<APIRequestContext> =>
  request.newContext({
    baseURL: urlOf(port),
    ...(role ? { storageState: storageStateFor(role) } : {}),
    extraHTTPHeaders: { origin: urlOf(port) },
  });

test.beforeAll(async () => {
  const started = await control("/instances/start");
  expect(started.status, await started.clone().text()).toBe(200);
  ports = ((await started.json()) as { ports: number[] }).ports;
  expect(ports).toHaveLength(2);
});

test.afterAll(async () => {
  await control("/instances/stop");
});

test("a send on instance A shows live on instance B's kitchen screen, and a retry on B fires it once", async ({
  browser,
}) => {
  const [a, b] = ports;
  const onA = await api("server", a);
  const onB = await api("server", b);
  const kitchen = await browser.newContext({
    storageState: storageStateFor("chef"),
    viewport: { width: 1920, height: 1080 },
  });
  let orderId: string | null = null;
  try {
    const screen = await kitchen.newPage();
    await screen.goto(`${urlOf(b)}/kitchen/saute`);
    await expect(screen.getByTestId("realtime-health")).toHaveAttribute("data-state", "live", { timeout: 15_000 });
    // Earlier specs may leave tickets on this station: the new one can land on a later page.
    const countOf = async () => Number((await screen.getByTestId("ticket-count").textContent())?.match(/\d+/)?.[0]);
    const ticketsBefore = await countOf();
    expect(ticketsBefore).not.toBeNaN();

    const menu = (await (await onA.get("/api/v1/menu/order-pad")).json()) as {
      categories: { items: { id: string; name: string }[] }[];
    };
    const soup = menu.categories.flatMap((c) => c.items).find((i) => i.name === "Soup of the Day");
    expect(soup, "the demo menu has its soup").toBeTruthy();
    const opened = await onA.post("/api/v1/orders", { data: { guestCount: 2 } });
    expect(opened.status()).toBe(201);
    const order = (await opened.json()) as { orderId: string; number: number };
    orderId = order.orderId;

    // The tablet's send reaches A; its retry (same key) reaches B at the same moment. Whichever
    // commits first fires the lines; the other is told to retry (409 IN_PROGRESS) or replays.
    const key = crypto.randomUUID();
    const body = { items: [{ menuItemId: soup!.id, quantity: 2, course: "STARTERS", modifierIds: [] }] };
    const sendOn = (ctx: APIRequestContext) =>
      ctx.post(`/api/v1/orders/${order.orderId}/send`, { data: body, headers: { "idempotency-key": key } });
    const [first, retry] = await Promise.all([sendOn(onA), sendOn(onB)]);
    const answers = [first, retry];
    const statuses = answers.map((r) => r.status());
    expect(statuses, await first.text()).toContain(200);
    for (const r of answers)
      if (r.status() !== 200) {
        expect(r.status(), await r.text()).toBe(409);
        expect(((await r.json()) as { error: { code: string } }).error.code).toBe("IN_PROGRESS");
      }
    // The tablet retries on B until it is answered: the replay of the same send.
    const winner = (await answers.find((r) => r.status() === 200)!.json()) as { firedItemIds: string[] };
    let replay = await sendOn(onB);
    for (let i = 0; i < 20 && replay.status() === 409; i++) {
      await new Promise((r) => setTimeout(r, 250));
      replay = await sendOn(onB);
    }
    expect(replay.status(), await replay.text()).toBe(200);
    expect(((await replay.json()) as { firedItemIds: string[] }).firedItemIds).toEqual(winner.firedItemIds);

    // Live on B's screen (no reload), once: the count goes up, and the ticket is on the last page
    // (oldest first).
    await expect(screen.getByTestId("ticket-count")).toHaveText(
      `${ticketsBefore + 1} ticket${ticketsBefore === 0 ? "" : "s"}`,
      { timeout: 10_000 },
    );
    const ticket = screen.locator(`[data-testid=kds-ticket][aria-label$="order ${order.number}"]`);
    for (let i = 0; i < 10 && (await screen.getByTestId("page-more").isVisible()); i++) {
      const first = await screen.locator("[data-testid=kds-ticket]").first().getAttribute("data-ticket");
      await screen.keyboard.press("PageDown");
      await expect(screen.locator("[data-testid=kds-ticket]").first()).not.toHaveAttribute("data-ticket", first!);
    }
    await expect(ticket).toHaveCount(1);
    await expect(ticket).toContainText("Soup of the Day");

    // Both instances read one order with one line of two soups.
    for (const ctx of [onA, onB]) {
      const read = (await (await ctx.get(`/api/v1/orders/${order.orderId}`)).json()) as {
        order: { items: { menuItemId: string; quantity: number; status: string }[] };
      };
      const live = read.order.items.filter((i) => i.status !== "VOIDED");
      expect(live.map((i) => [i.menuItemId, i.quantity])).toEqual([[soup!.id, 2]]);
    }
  } finally {
    if (orderId) {
      const manager = await api("manager", a);
      const voided = await manager.patch(`/api/v1/orders/${orderId}`, {
        data: { status: "VOIDED", reason: "e2e: two instances" },
      });
      expect(voided.ok(), await voided.text()).toBe(true);
      await manager.dispose();
    }
    await kitchen.close();
    await onA.dispose();
    await onB.dispose();
  }
});

test("wrong table PINs are counted on both instances: a phone is blocked after five, a network after fifty", async () => {
  const [a, b] = ports;
  const token = "tq_" + "x".repeat(29); // an unknown table: answered as a wrong PIN
  // A phone is its device cookie; each one tries the card on alternate instances.
  const phone = (n: number) => {
    const device = `two-instances-${n}-${crypto.randomUUID().replaceAll("-", "")}`.slice(0, 40);
    return Promise.all(
      [a, b].map((port) =>
        request.newContext({
          baseURL: urlOf(port),
          extraHTTPHeaders: { origin: urlOf(port), cookie: `kms_guest_device=${device}` },
        }),
      ),
    );
  };
  const tryPin = (ctx: APIRequestContext) =>
    ctx.post(`/api/guest/sessions/${token}/join`, { data: { pin: "1234", nickname: "Eve" } });
  const contexts: APIRequestContext[] = [];
  try {
    // One phone: five wrong PINs in all, then blocked wherever it asks.
    const first = await phone(0);
    contexts.push(...first);
    const left: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await tryPin(first[i % 2]);
      expect(res.status(), await res.text()).toBe(401);
      left.push(((await res.json()) as { error: { attemptsLeft: number } }).error.attemptsLeft);
    }
    // Per-process counters would leave 2 or 3 tries on each instance; shared ones count all five.
    expect(left).toEqual([4, 3, 2, 1, 0]);
    for (const ctx of first) {
      const blocked = await tryPin(ctx);
      expect(blocked.status()).toBe(429);
      expect(blocked.headers()["retry-after"]).toBe("900");
    }

    // More phones on the same network: the address gets 50 tries an hour across both instances.
    const statuses: number[] = [];
    let refusal = "";
    for (let n = 1; n <= 10 && !refusal; n++) {
      const ctxs = await phone(n);
      contexts.push(...ctxs);
      for (let i = 0; i < 5 && !refusal; i++) {
        const res = await tryPin(ctxs[(n + i) % 2]);
        statuses.push(res.status());
        if (res.status() === 429) refusal = ((await res.json()) as { error: { message: string } }).error.message;
      }
    }
    expect(statuses.slice(0, 45).every((s) => s === 401)).toBe(true);
    expect(statuses).toHaveLength(46); // the 51st try on the address, 25-odd on each instance
    expect(statuses[45]).toBe(429);
    expect(refusal).toMatch(/from this network/);
  } finally {
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
  }
});

// Issue 15 "Webhooks for integrations" (ADR 0042): a manager subscribes a URL in the console,
// sends a test event that a real receiver (started here, in the spec's process) gets signed, sees
// it SUCCEEDED in the delivery log, and redelivers it.
import { randomUUID } from "node:crypto";
import { verifyWebhookSignature } from "../lib/webhooks/verify-signature";
import { startWebhookReceiver, type WebhookReceiver } from "../test/support/webhook-receiver";
import { expect, test } from "./support/test";
import { storageStateFor } from "./support/e2e-env";

let receiver: WebhookReceiver;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
test.afterAll(async () => {
  await receiver.close();
});

test.use({ storageState: storageStateFor("manager"), viewport: { width: 1440, height: 900 } });

test("a manager adds a webhook, sends a test event, sees it delivered and redelivers it", async ({ page }) => {
  const url = `${receiver.url}/${randomUUID().slice(0, 8)}`;
  await page.goto("/admin/settings/webhooks");
  await page.getByLabel("URL").fill(url);
  await page.getByLabel("Description (optional)").fill("e2e receiver");
  await page.getByRole("checkbox", { name: /order\.sent/ }).check();
  await page.getByRole("button", { name: "Create webhook" }).click();
  const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
  expect(secret).toMatch(/^whsec_/);
  await page.getByRole("button", { name: "Done" }).click();

  const endpoint = page.locator(`[data-testid="webhook-endpoint"][data-url="${url}"]`);
  await endpoint.getByRole("button", { name: "Send test event" }).click();
  const delivered = endpoint.locator('[data-testid="webhook-delivery"][data-status="SUCCEEDED"]');
  await expect(async () => {
    await page.getByRole("button", { name: "Refresh log" }).click();
    await expect(delivered).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(endpoint.getByTestId("webhook-delivery-log")).toContainText("HTTP 200");

  const hits = () => receiver.received.filter((r) => r.path === new URL(url).pathname);
  expect(hits()).toHaveLength(1);
  const [ping] = hits();
  expect(JSON.parse(ping.body)).toMatchObject({ type: "ping" });
  const signature = ping.headers["kitchen-signature"] as string;
  expect(verifyWebhookSignature({ rawBody: ping.body, header: signature, secret })).toMatchObject({ ok: true });

  await delivered.first().getByRole("button", { name: "Redeliver" }).click();
  await expect(async () => {
    await page.getByRole("button", { name: "Refresh log" }).click();
    await expect(delivered).toHaveCount(2, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(endpoint).toContainText("redelivery");
  expect(hits()).toHaveLength(2);
  expect(hits()[1].headers["kitchen-event-id"]).toBe(ping.headers["kitchen-event-id"]);

  await endpoint.getByRole("button", { name: `Delete ${url}`, exact: true }).click();
  await endpoint.getByRole("button", { name: `Delete ${url} now` }).click();
  await expect(endpoint).toHaveCount(0);
});

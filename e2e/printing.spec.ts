// Issue 11, receipts and printers: a manager adds a network printer pointing at the e2e server's
// pretend ESC/POS printer (a real TCP listener), prints a test page and sees it PRINTED in the
// queue; a kitchen printer gets a chit, with no price, when a server sends to its station.
import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import { storageStateFor } from "./support/e2e-env";
import { readPrinter } from "./support/printer";

test.describe.configure({ mode: "serial" });
test.use({ storageState: storageStateFor("manager"), viewport: { width: 1440, height: 900 } });

async function waitForJobs(n: number) {
  for (let i = 0; i < 100; i++) {
    const { jobs } = await readPrinter();
    if (jobs.length >= n) return jobs;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the printer did not receive ${n} jobs`);
}

test("a manager adds a receipt printer, prints a test page and sees it PRINTED", async ({ page }, testInfo) => {
  const { port, jobs: before } = await readPrinter();
  const name = `Counter ${randomUUID().slice(0, 4)}`;
  await page.goto("/admin/setup/printers");
  await expect(page.getByRole("heading", { name: "Printers" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Printers" })).toHaveAttribute("aria-current", "page");

  const form = page.getByRole("form", { name: "New printer" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Address").fill("http://127.0.0.1/print");
  await form.getByLabel("Port").fill(String(port));
  await form.getByRole("button", { name: "Add printer" }).click();
  await expect(form.getByText("An IP address (192.168.1.50) or a host name")).toBeVisible();

  await form.getByLabel("Address").fill("127.0.0.1");
  await form.getByRole("button", { name: "Add printer" }).click();
  const row = page.locator(`[data-testid=printer-row][data-name="${name}"]`);
  await expect(row).toContainText(`127.0.0.1:${port}`);
  await expect(row).toContainText("not used yet");

  await row.getByRole("button", { name: "Print test page" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Test page queued for ${name}` })).toBeVisible();
  const job = page.getByTestId("print-job").filter({ hasText: `Test page · ${name}` });
  await expect(job).toHaveAttribute("data-status", "PRINTED", { timeout: 10_000 });

  const jobs = await waitForJobs(before.length + 1);
  const printed = jobs.at(-1)!;
  expect(printed.lines.join("\n")).toContain("TEST PAGE");
  expect(printed.lines.join("\n")).toContain(name);
  expect(printed.cuts).toBe(1);
  expect(printed.qr).toEqual(["servicebell:test-page"]);

  // A printer that is off (nothing listens on port 1): its job waits with the error, nothing else is held up.
  const off = `Off ${randomUUID().slice(0, 4)}`;
  await form.getByLabel("Name").fill(off);
  await form.getByLabel("Address").fill("127.0.0.1");
  await form.getByLabel("Port").fill("1");
  await form.getByRole("button", { name: "Add printer" }).click();
  const offRow = page.locator(`[data-testid=printer-row][data-name="${off}"]`);
  await offRow.getByRole("button", { name: "Print test page" }).click();
  const waiting = page.getByTestId("print-job").filter({ hasText: `Test page · ${off}` });
  await expect(waiting).toContainText("refused the connection", { timeout: 10_000 });
  await expect(waiting).toHaveAttribute("data-status", "QUEUED");
  await expect(waiting.getByRole("button", { name: `Retry Test page · ${off}` })).toBeVisible();

  await page.reload();
  await expect(row).toContainText("last print OK");
  await expect(offRow).toContainText("not answering");
  if (process.env.SCREENSHOT_DIR)
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/admin-printers.png`, fullPage: true });
  else await page.screenshot({ path: testInfo.outputPath("admin-printers.png") });
});

test("a kitchen printer prints a chit without prices when a server sends to its station; Re-print prints it again", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  const { port, jobs: before } = await readPrinter();
  const manager = await playwright.request.newContext({ storageState: storageStateFor("manager"), baseURL });
  const server = await playwright.request.newContext({ storageState: storageStateFor("server"), baseURL });
  const { stations } = await (await manager.get("/api/v1/printers")).json();
  const saute = stations.find((s: { name: string }) => s.name === "Sauté");
  const created = await manager.post("/api/v1/printers", {
    data: {
      name: `Sauté chits ${randomUUID().slice(0, 4)}`,
      host: "127.0.0.1",
      port,
      kind: "KITCHEN",
      stationId: saute.id,
      lineWidth: 42,
    },
  });
  expect(created.status()).toBe(201);
  const wrongRole = await server.post("/api/v1/printers", {
    data: { name: "Nope", host: "127.0.0.1", port, kind: "RECEIPT", lineWidth: 48 },
  });
  expect(wrongRole.status()).toBe(403);

  const floor = await (await server.get("/api/v1/floor")).json();
  const table = floor.areas
    .flatMap((a: { tables: { id: string; label: string; status: string }[] }) => a.tables)
    .find((t: { label: string; status: string }) => t.label === "P4");
  const opened = await server.post("/api/v1/orders", { data: { tableId: table.id, guestCount: 2 } });
  expect(opened.status()).toBe(201);
  const { orderId } = await opened.json();
  const menu = await (await server.get("/api/v1/menu/order-pad")).json();
  const soup = menu.categories
    .flatMap((c: { items: { id: string; name: string }[] }) => c.items)
    .find((i: { name: string }) => i.name === "Soup of the Day");
  const sent = await server.post(`/api/v1/orders/${orderId}/send`, {
    data: { items: [{ menuItemId: soup.id, quantity: 2, seat: 1, course: "STARTERS", notes: "no bread" }] },
    headers: { "Idempotency-Key": randomUUID() },
  });
  expect(sent.status()).toBe(200);
  const { orderNumber } = await sent.json();

  const jobs = await waitForJobs(before.length + 1);
  const chit = jobs.at(-1)!.lines.join("\n");
  expect(chit).toContain("SAUT"); // the station's name ("É" goes through a code page)
  expect(chit).toContain("Table P4");
  expect(chit).toContain(`Order #${orderNumber}`);
  expect(chit).toContain("2 x Soup of the Day");
  expect(chit).toContain("Seat 1");
  expect(chit).toContain("Note: no bread");
  expect(chit).not.toMatch(/\$|8\.00|16\.00/);
  expect(jobs.at(-1)!.lines.every((l) => l.length <= 42)).toBe(true);

  await page.goto("/admin/setup/printers");
  const job = page.getByTestId("print-job").filter({ hasText: `Order #${orderNumber} · Sauté` });
  await expect(job).toHaveAttribute("data-status", "PRINTED");
  await job.getByRole("button", { name: /Re-print/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Re-print queued" })).toBeVisible();
  const again = await waitForJobs(before.length + 2);
  expect(again.at(-1)!.lines.join("\n")).toContain("2 x Soup of the Day");

  // The chef re-prints it from the station's screen.
  const kds = await browser.newContext({
    storageState: storageStateFor("chef"),
    viewport: { width: 1920, height: 1080 },
  });
  const screen = await kds.newPage();
  await screen.goto("/kitchen/saute");
  const ticket = screen.getByTestId("kds-ticket").filter({ hasText: `#${orderNumber}` });
  await ticket.getByRole("button", { name: `Print the chit of order ${orderNumber} again` }).click();
  const third = await waitForJobs(before.length + 3);
  expect(third.at(-1)!.lines.join("\n")).toContain("** REPRINT **");
  if (process.env.SCREENSHOT_DIR) await screen.screenshot({ path: `${process.env.SCREENSHOT_DIR}/kds-print.png` });
  await kds.close();
  await manager.dispose();
  await server.dispose();
});

test("a cashier opens a table's guest check, downloads its PDF, sends it to the receipt printer, then the paid receipt", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const server = await playwright.request.newContext({ storageState: storageStateFor("server"), baseURL });
  const floor = await (await server.get("/api/v1/floor")).json();
  const table = floor.areas
    .flatMap((a: { tables: { id: string; label: string }[] }) => a.tables)
    .find((t: { label: string }) => t.label === "P5");
  const { orderId } = await (
    await server.post("/api/v1/orders", { data: { tableId: table.id, guestCount: 2 } })
  ).json();
  const menu = await (await server.get("/api/v1/menu/order-pad")).json();
  const soup = menu.categories
    .flatMap((c: { items: { id: string; name: string }[] }) => c.items)
    .find((i: { name: string }) => i.name === "Soup of the Day");
  const sent = await server.post(`/api/v1/orders/${orderId}/send`, {
    data: { items: [{ menuItemId: soup.id, quantity: 2, course: "STARTERS" }] },
    headers: { "Idempotency-Key": randomUUID() },
  });
  const { orderNumber } = await sent.json();
  const { checks } = await (await server.get(`/api/v1/orders/${orderId}/checks`)).json();
  const check = checks[0] as { id: string; totalCents: number };

  const ctx = await browser.newContext({
    storageState: storageStateFor("cashier"),
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
  });
  const page = await ctx.newPage();
  await page.goto(`/floor/checks/${check.id}/receipt`);
  await expect(page.getByRole("heading", { name: `Guest check · order #${orderNumber}` })).toBeVisible();
  const paper = page.locator("[data-receipt]");
  await expect(paper).toContainText("GUEST CHECK");
  await expect(paper).toContainText("2 x Soup of the Day");
  await expect(paper).toContainText("Suggested tip");
  if (process.env.SCREENSHOT_DIR)
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/guest-check.png`, fullPage: true });

  const pdf = await page.request.get(`/api/v1/checks/${check.id}/receipt.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  const { jobs: before } = await readPrinter();
  await page.getByRole("button", { name: "Send to receipt printer" }).click();
  await expect(page.getByRole("status")).toContainText("Sent to");
  const jobs = await waitForJobs(before.length + 1);
  expect(jobs.at(-1)!.lines.join("\n")).toContain("GUEST CHECK");
  expect(jobs.at(-1)!.cuts).toBe(1);

  const cashier = await playwright.request.newContext({ storageState: storageStateFor("cashier"), baseURL });
  const paid = await cashier.post(`/api/v1/checks/${check.id}/payments`, {
    data: { tender: "CASH", amountCents: check.totalCents, tenderedCents: check.totalCents + 1000 },
    headers: { "Idempotency-Key": randomUUID() },
  });
  expect(paid.status()).toBe(201);
  await page.reload();
  await expect(page.getByRole("heading", { name: `Receipt · order #${orderNumber}` })).toBeVisible();
  await expect(paper).toContainText("RECEIPT");
  await expect(paper).toContainText(/Change\s*\$10\.00/);
  await expect(paper).not.toContainText("Suggested tip");
  if (process.env.SCREENSHOT_DIR)
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/receipt.png`, fullPage: true });
  await ctx.close();
  await cashier.dispose();
  await server.dispose();
});

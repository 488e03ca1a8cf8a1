// Issue 13 (table QR codes): a manager opens the table cards, sees one per table, downloads them
// as a PDF and gives one table a new QR code: its old card's address stops finding the table.
import { readFile } from "node:fs/promises";
import { request as playwrightRequest } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { pdfPageTexts } from "../test/support/pdf-text";
import { E2E_BASE_URL, storageStateFor } from "./support/e2e-env";
import { expect, test } from "./support/test";

test.describe.configure({ mode: "serial" });

const ADMIN_VIEW = { width: 1440, height: 900 };
type TableRow = { id: string; label: string; areaId: string };

test("a manager prints a card per table, downloads the PDF and gives one table a new QR code", async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ storageState: storageStateFor("manager"), viewport: ADMIN_VIEW });
  const page = await context.newPage();
  const { tables } = (await (await page.request.get("/api/v1/tables")).json()) as { tables: TableRow[] };
  expect(tables.length).toBeGreaterThan(6);

  // From the setup navigation to the cards: one per active table.
  await page.goto("/admin/setup/floor");
  await page.getByRole("navigation", { name: "Setup sections" }).getByRole("link", { name: "QR cards" }).click();
  await expect(page).toHaveURL(/\/admin\/setup\/qr-cards$/);
  const cards = page.getByTestId("table-card");
  await expect(cards).toHaveCount(tables.length);
  expect((await cards.evaluateAll((els) => els.map((e) => e.getAttribute("data-label")))).sort()).toEqual(
    tables.map((t) => t.label).sort(),
  );
  await expect(page.getByTestId("card-count")).toContainText(`${tables.length} cards`);
  await expect(cards.first().getByRole("img", { name: /^QR code for table / })).toBeVisible();

  // The PDF: a download, six cards to a page.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download PDF" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("table-cards.pdf");
  const pdf = await PDFDocument.load(await readFile(await download.path()));
  expect(pdf.getPageCount()).toBe(Math.ceil(tables.length / 6));
  const res = await page.request.get("/api/v1/tables/qr-cards");
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect(res.headers()["content-disposition"]).toContain("attachment");

  // Filtered by area: that area's cards only, and the download follows the filter.
  const areaId = tables[tables.length - 1].areaId;
  const inArea = tables.filter((t) => t.areaId === areaId);
  await page.goto(`/admin/setup/qr-cards?areaId=${areaId}`);
  await expect(cards).toHaveCount(inArea.length);
  await expect(page.getByRole("link", { name: "Download PDF" })).toHaveAttribute(
    "href",
    `/api/v1/tables/qr-cards?areaId=${areaId}`,
  );

  // A new QR code for one table, confirmed: the card shows the new address at once.
  const label = inArea[inArea.length - 1].label;
  const card = page.locator(`[data-testid=table-card][data-label="${label}"]`);
  const oldUrl = (await card.getByTestId("card-url").textContent())!;
  expect(oldUrl).toMatch(new RegExp(`^${E2E_BASE_URL}/t/[A-Za-z0-9_-]{22,}$`));
  await card.getByRole("button", { name: "New QR code" }).click();
  const dialog = page.getByRole("dialog", { name: `New QR code for table ${label}?` });
  await expect(dialog).toContainText(`The printed card for table ${label} will stop working`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByTestId("card-url")).toHaveText(oldUrl);
  await card.getByRole("button", { name: "New QR code" }).click();
  await dialog.getByRole("button", { name: "Make a new QR code" }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByRole("status")).toHaveText("New code: print this card");
  await expect(card.getByTestId("card-url")).not.toHaveText(oldUrl);
  const newUrl = (await card.getByTestId("card-url").textContent())!;
  expect(newUrl).toMatch(new RegExp(`^${E2E_BASE_URL}/t/[A-Za-z0-9_-]{43}$`));

  // The API agrees: the cards carry the new address, not the old one.
  const texts = (
    await pdfPageTexts(await (await page.request.get(`/api/v1/tables/qr-cards?areaId=${areaId}`)).body())
  ).flat();
  expect(texts).toContain(newUrl);
  expect(texts).not.toContain(oldUrl);

  // The old card's address finds nothing; the new one opens the table's join screen.
  const old = await page.goto(oldUrl);
  expect(old?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This table card isn’t in use" })).toBeVisible();
  const fresh = await page.goto(newUrl);
  expect(fresh?.status()).toBe(200);
  await expect(page.getByTestId("join-table")).toContainText(`Table ${label}`);
  await context.close();
});

test("only a manager can give a table a new QR code or print the cards", async () => {
  const server = await playwrightRequest.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor("server"),
    extraHTTPHeaders: { origin: E2E_BASE_URL },
  });
  const manager = await playwrightRequest.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor("manager"),
  });
  const { tables } = (await (await manager.get("/api/v1/tables")).json()) as { tables: TableRow[] };
  const refused = await server.post(`/api/v1/tables/${tables[0].id}/qr-token`);
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
  expect((await server.get("/api/v1/tables/qr-cards")).status()).toBe(403);
  await Promise.all([server.dispose(), manager.dispose()]);
});

// Receipts (issue 11): one receiptDocument for the page, the PDF and the printer — a guest check
// with suggested tips before payment, a receipt with tenders, change and tips after; queued on
// the receipt printer (a real TCP listener here) without ever blocking; tenancy and bad input.
import { randomUUID } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { getCheckForReceipt, getOrderChecks } from "@/lib/checks/get-order-checks";
import { splitChecks } from "@/lib/checks/split-checks";
import { openOrder } from "@/lib/orders/open-order";
import { sendOrder } from "@/lib/orders/send-order";
import { recordPayment } from "@/lib/payments/record-payment";
import { toPlainLines } from "@/lib/printing/document";
import { drainPrintQueue } from "@/lib/printing/drain-print-queue";
import { printReceipt } from "@/lib/printing/print-receipt";
import { receiptDocument } from "@/lib/printing/receipt-document";
import { renderPdf } from "@/lib/printing/render-pdf";
import { createPrinter } from "@/lib/printing/save-printer";
import { closedPort, startTcpPrinter, type TcpPrinter } from "@/test/support/tcp-printer";
import { buildStations } from "./builders/kitchen";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildCategory, buildMenuItem, buildModifierGroup } from "./builders/menu";
import { buildTables } from "./builders/tables";
import { expectAppError, resetDb, testDb } from "./helpers";

let printer: TcpPrinter;
let loc: BuiltLocation;
let other: BuiltLocation;
let server: Ctx, cashier: Ctx, manager: Ctx;
let burger: string, salad: string, bacon: string;
let tableIds: Record<string, string>;
let nextTable = 0;

beforeAll(async () => {
  printer = await startTcpPrinter();
  await resetDb();
  loc = await buildLocation({ name: "Receipt Bistro", taxRateBps: 825, timezone: "America/New_York" });
  other = await buildLocation();
  ({ SERVER: server, CASHIER: cashier, MANAGER: manager } = loc.ctx);
  await testDb().location.update({
    where: { id: loc.id },
    data: { address: "12 Harbor Street, Portland ME", taxId: "EIN 12-3456789" },
  });
  const { grill } = await buildStations(loc.id, [{ slug: "grill" }]);
  const categoryId = (await buildCategory(loc.id, { defaultStationId: grill })).id;
  burger = (await buildMenuItem(loc.id, { categoryId, name: "Burger", priceCents: 1650, stationId: grill })).id;
  salad = (await buildMenuItem(loc.id, { categoryId, name: "Salad", priceCents: 1225, stationId: grill })).id;
  bacon = (
    await buildModifierGroup(loc.id, { modifiers: [{ name: "Bacon", priceDeltaCents: 200 }], menuItemIds: [burger] })
  ).modifiers.Bacon;
  tableIds = await buildTables(loc.id, ["5", "6", "7", "8", "9", "10"]);
});
afterAll(() => printer.close());

/** A fresh table (5 first) with a burger for seat 1 and a salad for seat 2, split by seat. */
async function splitTable() {
  const tableId = tableIds[String(5 + nextTable++)];
  const { orderId } = await openOrder(server, { tableId, guestCount: 2 });
  await sendOrder(server, {
    orderId,
    idempotencyKey: randomUUID(),
    items: [
      { menuItemId: burger, quantity: 1, seat: 1, modifierIds: [bacon] },
      { menuItemId: salad, quantity: 1, seat: 2 },
    ],
  });
  await splitChecks(server, { orderId, by: "seat" });
  const { checks } = await getOrderChecks(server, { orderId });
  return { orderId, checks };
}

const plain = (checkId: string, ctx: Ctx = server) =>
  getCheckForReceipt(ctx, { checkId }).then((v) =>
    toPlainLines(receiptDocument(v, { printedAt: new Date() }), 48).join("\n"),
  );

describe("the receipt document", () => {
  it("a guest check: header from settings, items with options, tax, total, balance and suggested tips", async () => {
    const { checks } = await splitTable();
    const one = checks.find((c) => c.lines.some((l) => l.name === "Burger"))!;
    const text = await plain(one.id);
    expect(text).toContain("Receipt Bistro");
    expect(text).toContain("12 Harbor Street, Portland ME");
    expect(text).toContain("Tax ID: EIN 12-3456789");
    expect(text).toContain("GUEST CHECK");
    expect(text).toMatch(/Table 5\s+Order #\d+/);
    expect(text).toMatch(/1 x Burger\s+\$18\.50/);
    expect(text).toContain("+ Bacon");
    expect(text).toMatch(/Subtotal\s+\$18\.50/);
    // 8.25 % of 18.50 = 1.526… → 1.53
    expect(text).toMatch(/Tax 8\.25%\s+\$1\.53/);
    expect(text).toMatch(/TOTAL\s+\$20\.03/);
    expect(text).toMatch(/BALANCE DUE\s+\$20\.03/);
    // 15/18/20 % of what was ordered (18.50), before tax.
    expect(text).toMatch(/15%\s+\$2\.78\s+total \$22\.81/);
    expect(text).toMatch(/18%\s+\$3\.33/);
    expect(text).toMatch(/20%\s+\$3\.70/);
    expect(text).not.toContain("Salad"); // the other seat's check
  });

  it("a receipt: cash tendered and change, a card with its tip and reference, no suggestions", async () => {
    const { checks } = await splitTable();
    const [one, two] = checks;
    await recordPayment(cashier, {
      checkId: one.id,
      tender: "CASH",
      amountCents: one.totalCents,
      tenderedCents: 5000,
      idempotencyKey: randomUUID(),
    });
    await recordPayment(cashier, {
      checkId: two.id,
      tender: "CARD",
      amountCents: two.totalCents,
      tipCents: 250,
      cardBrand: "VISA",
      cardLast4: "4242",
      reference: "AUTH-77",
      idempotencyKey: randomUUID(),
    });
    const cash = await plain(one.id);
    expect(cash).toContain("RECEIPT");
    expect(cash).toMatch(/Tendered\s+\$50\.00/);
    expect(cash).toMatch(new RegExp(`Change\\s+\\$${((5000 - one.totalCents) / 100).toFixed(2)}`));
    expect(cash).not.toContain("Suggested tip");
    expect(cash).not.toContain("BALANCE DUE");
    const card = await plain(two.id);
    expect(card).toMatch(/Card VISA \*\*\*\*4242/);
    expect(card).toMatch(/Tip\s+\$2\.50/);
    expect(card).toContain("Ref: AUTH-77");
    expect(card).toMatch(new RegExp(`Paid\\s+\\$${((two.totalCents + 250) / 100).toFixed(2)}`));
  });

  it("renders as an 80 mm PDF with the receipt's title", async () => {
    const { checks } = await splitTable();
    const view = await getCheckForReceipt(server, { checkId: checks[0].id });
    const bytes = await renderPdf(receiptDocument(view, { printedAt: new Date() }), { title: "Guest check" });
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getWidth()).toBeCloseTo((80 * 72) / 25.4, 1);
    expect(pdf.getPage(0).getHeight()).toBeGreaterThan(200);
    expect(pdf.getTitle()).toBe("Guest check");
  });
});

describe("printing a receipt", () => {
  it("queues the same content on the receipt printer; the printer gets it as ESC/POS with a cut", async () => {
    await testDb().printer.deleteMany({});
    await createPrinter(manager, {
      fields: { name: "Counter", host: "127.0.0.1", port: printer.port, kind: "RECEIPT", lineWidth: 48 },
    });
    const { checks } = await splitTable();
    const job = await printReceipt(server, { checkId: checks[0].id });
    expect(job.printerName).toBe("Counter");
    const stored = await testDb().printJob.findUniqueOrThrow({ where: { id: job.jobId } });
    expect(stored).toMatchObject({ kind: "GUEST_CHECK", status: "QUEUED" });
    expect(stored.title).toMatch(/^Guest check · Order #\d+ · /);
    await drainPrintQueue({ locationId: loc.id });
    await printer.waitFor(1);
    const [paper] = printer.decoded();
    expect(paper.text).toContain("GUEST CHECK");
    expect(paper.text).toMatch(/TOTAL\s+\$\d+\.\d\d/);
    expect(paper.double.join(" ")).toContain("Receipt Bistro");
    expect(paper.cuts).toBe(1);
  });

  it("a receipt printer that is off: printing returns at once, the job waits and retries", async () => {
    await testDb().printer.deleteMany({});
    const port = await closedPort();
    await createPrinter(manager, { fields: { name: "Off", host: "127.0.0.1", port, kind: "RECEIPT", lineWidth: 48 } });
    const { checks } = await splitTable();
    const started = Date.now();
    const { jobId } = await printReceipt(cashier, { checkId: checks[0].id });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await drainPrintQueue({ locationId: loc.id })).toMatchObject({ retrying: 1 });
    expect(await testDb().printJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: "QUEUED",
      attempts: 1,
    });
  });

  it("refuses without a receipt printer, another location's check or printer, and bad ids", async () => {
    await testDb().printer.deleteMany({});
    const { checks } = await splitTable();
    await expectAppError(printReceipt(server, { checkId: checks[0].id }), "INVALID_STATE");
    await expectAppError(printReceipt(other.ctx.MANAGER, { checkId: checks[0].id }), "NOT_FOUND");
    await expectAppError(getCheckForReceipt(other.ctx.MANAGER, { checkId: checks[0].id }), "NOT_FOUND");
    const theirs = await createPrinter(other.ctx.MANAGER, {
      fields: { name: "Theirs", host: "127.0.0.1", port: printer.port, kind: "RECEIPT", lineWidth: 48 },
    });
    await expectAppError(printReceipt(server, { checkId: checks[0].id, printerId: theirs.id }), "NOT_FOUND");
    await expectAppError(printReceipt(server, { checkId: "../x" }), "VALIDATION");
  });
});

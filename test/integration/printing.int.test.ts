// Printers and the print queue against a real TCP listener (a pretend ESC/POS printer): test
// pages, kitchen chits queued with a send, retries and FAILED when a printer is off, tenancy and
// roles on the setup use cases, and concurrent drains never printing a job twice (issue 11).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { sendOrder } from "@/lib/orders/send-order";
import { openOrder } from "@/lib/orders/open-order";
import { voidOrderItem } from "@/lib/orders/void-order-item";
import { drainPrintQueue } from "@/lib/printing/drain-print-queue";
import { enqueuePrint } from "@/lib/printing/enqueue-print";
import { listPrintJobs } from "@/lib/printing/list-print-jobs";
import { listPrinters } from "@/lib/printing/list-printers";
import { printTestPage } from "@/lib/printing/print-test-page";
import { reprintChit } from "@/lib/printing/reprint-chit";
import { retryPrintJob } from "@/lib/printing/retry-print-job";
import { MAX_ATTEMPTS } from "@/lib/printing/retry-policy";
import { createPrinter, updatePrinter } from "@/lib/printing/save-printer";
import { closedPort, startTcpPrinter, type TcpPrinter } from "@/test/support/tcp-printer";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildStations } from "./builders/kitchen";
import { buildCategory, buildMenuItem, buildModifierGroup } from "./builders/menu";
import { buildTables } from "./builders/tables";
import { expectAppError, resetDb, testDb } from "./helpers";

let printer: TcpPrinter;
let loc: BuiltLocation;
let other: BuiltLocation;
let manager: Ctx;
let grill: string;
let otherStation: string;
let steakId: string;
let optionIds: Record<string, string>;
let tableId: string;

beforeAll(async () => {
  printer = await startTcpPrinter();
  await resetDb();
  loc = await buildLocation({ name: "Print Bistro", names: { SERVER: "Sam Carter" } });
  other = await buildLocation();
  manager = loc.ctx.MANAGER;
  ({ grill } = await buildStations(loc.id, [{ slug: "grill", name: "Grill" }]));
  ({ grill: otherStation } = await buildStations(other.id, [{ slug: "grill" }]));
  const category = await buildCategory(loc.id);
  const steak = await buildMenuItem(loc.id, {
    categoryId: category.id,
    name: "Ribeye",
    priceCents: 3150,
    stationId: grill,
  });
  steakId = steak.id;
  optionIds = (
    await buildModifierGroup(loc.id, {
      modifiers: [{ name: "Medium rare", priceDeltaCents: 275 }],
      menuItemIds: [steak.id],
    })
  ).modifiers;
  tableId = (await buildTables(loc.id, ["12"]))["12"];
});
afterAll(async () => {
  await printer.close();
});
beforeEach(async () => {
  await testDb().printJob.deleteMany({});
  await testDb().printer.deleteMany({});
  printer.jobs.length = 0;
});

const receipt = (fields: Partial<Parameters<typeof createPrinter>[1]["fields"]> = {}) => ({
  fields: { name: "Front", host: "127.0.0.1", port: printer.port, kind: "RECEIPT" as const, lineWidth: 48, ...fields },
});

async function sendSteak(notes = "") {
  const { orderId } = await openOrder(loc.ctx.SERVER, { tableId: null });
  const sent = await sendOrder(loc.ctx.SERVER, {
    orderId,
    idempotencyKey: randomUUID(),
    items: [{ menuItemId: steakId, quantity: 2, seat: 3, modifierIds: [optionIds["Medium rare"]], notes }],
  });
  return { orderId, sent };
}

/** Make every queued job due now (instead of waiting out its back-off). */
const makeDue = () =>
  testDb().printJob.updateMany({ where: { status: "QUEUED" }, data: { nextAttemptAt: new Date(0) } });

describe("test page", () => {
  it("reaches the printer as ESC/POS: initialized, the text, a QR code and a cut; the job turns PRINTED", async () => {
    const { id } = await createPrinter(manager, receipt());
    const job = await printTestPage(manager, { id });
    expect(await drainPrintQueue({ locationId: loc.id })).toEqual({ printed: 1, retrying: 0, failed: 0 });
    await printer.waitFor(1);
    const [page] = printer.decoded();
    expect(page.initialized).toBe(true);
    expect(page.text).toContain("TEST PAGE");
    expect(page.text).toContain("Print Bistro");
    expect(page.lines).toContain("123456789012345678901234567890123456789012345678");
    expect(page.qr).toEqual(["servicebell:test-page"]);
    expect(page.cuts).toBe(1);
    const stored = await testDb().printJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(stored).toMatchObject({ status: "PRINTED", attempts: 1, lastError: null });
    expect((await testDb().printer.findUniqueOrThrow({ where: { id } })).lastOkAt).not.toBeNull();
  });

  it("a 58 mm printer gets a 32-character page", async () => {
    const { id } = await createPrinter(manager, receipt({ lineWidth: 32 }));
    await printTestPage(manager, { id });
    await drainPrintQueue({ locationId: loc.id });
    await printer.waitFor(1);
    expect(printer.decoded()[0].lines.every((l) => l.length <= 32)).toBe(true);
  });
});

describe("enqueuePrint", () => {
  it("queued in the caller's transaction, a job exists only if that commits", async () => {
    const { id } = await createPrinter(manager, receipt());
    const job = { locationId: loc.id, printerId: id, kind: "TEST" as const, title: "t", document: { lines: [] } };
    await expect(
      db.$transaction(async (tx) => {
        await enqueuePrint(tx, job);
        throw new Error("the caller's change failed");
      }),
    ).rejects.toThrow("the caller's change failed");
    expect(await testDb().printJob.count({ where: { printerId: id } })).toBe(0);
    await db.$transaction((tx) => enqueuePrint(tx, job));
    expect(await testDb().printJob.count({ where: { printerId: id, status: "QUEUED" } })).toBe(1);
    await expectAppError(enqueuePrint(db, { ...job, locationId: other.id }), "NOT_FOUND");
  });
});

describe("kitchen chits", () => {
  it("a send queues a chit for the station's printer and the queue prints it with no price", async () => {
    await createPrinter(manager, receipt({ name: "Grill printer", kind: "KITCHEN", stationId: grill }));
    const { orderId } = await openOrder(loc.ctx.SERVER, { tableId });
    const sent = await sendOrder(loc.ctx.SERVER, {
      orderId,
      idempotencyKey: randomUUID(),
      items: [
        { menuItemId: steakId, quantity: 2, seat: 3, modifierIds: [optionIds["Medium rare"]], notes: "extra crispy" },
      ],
    });
    const queued = await testDb().printJob.findMany({ where: { locationId: loc.id } });
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      kind: "KITCHEN_CHIT",
      status: "QUEUED",
      title: `Order #${sent.orderNumber} · Grill`,
    });

    await drainPrintQueue({ locationId: loc.id });
    await printer.waitFor(1);
    const [chit] = printer.decoded();
    expect(chit.double.join(" ")).toContain("Table 12");
    expect(chit.text).toContain(`Order #${sent.orderNumber}`);
    expect(chit.text).toContain("Server: Sam Carter");
    expect(chit.text).toContain("2 x Ribeye");
    expect(chit.text).toContain("Seat 3");
    expect(chit.text).toContain("+ Medium rare");
    expect(chit.text).toContain("Note: extra crispy");
    expect(chit.cuts).toBe(1);
    // Prices, options' surcharges and totals never reach the kitchen.
    expect(chit.text).not.toMatch(/\$|31\.50|2\.75|63\.00|68\.50/);
    // The rendered layout is stored: a re-print needs no source data.
    const printed = await testDb().printJob.findUniqueOrThrow({ where: { id: queued[0].id } });
    expect(printed.status).toBe("PRINTED");
    expect((printed.document as { lines: unknown[] }).lines.length).toBeGreaterThan(5);
  });

  it("a location without kitchen printers queues nothing on a send, and receipt printers get no chits", async () => {
    await createPrinter(manager, receipt());
    await sendSteak();
    expect(await testDb().printJob.count({ where: { locationId: loc.id } })).toBe(0);
  });

  it("an archived kitchen printer gets no chits", async () => {
    const { id } = await createPrinter(manager, receipt({ kind: "KITCHEN", stationId: grill }));
    await updatePrinter(manager, { id, archived: true });
    await sendSteak();
    expect(await testDb().printJob.count({ where: { locationId: loc.id } })).toBe(0);
  });

  it("voiding a line the kitchen had prints a VOID chit with that line only; an unsent line prints nothing", async () => {
    await createPrinter(manager, receipt({ kind: "KITCHEN", stationId: grill }));
    const { orderId, sent } = await sendSteak();
    await drainPrintQueue({ locationId: loc.id });
    await voidOrderItem(manager, { orderId, orderItemId: sent.firedItemIds[0], reason: "guest changed mind" });
    const jobs = await testDb().printJob.findMany({ where: { locationId: loc.id }, orderBy: { createdAt: "asc" } });
    expect(jobs.map((j) => j.title)).toEqual([
      `Order #${sent.orderNumber} · Grill`,
      `VOID · Order #${sent.orderNumber} · Grill`,
    ]);
    await drainPrintQueue({ locationId: loc.id });
    await printer.waitFor(2);
    const voided = printer.decoded()[1];
    expect(voided.double.join(" ")).toContain("*** VOID ***");
    expect(voided.text).toContain("VOID 2 x Ribeye");
    expect(voided.text).toContain("Voided: guest changed mind");
    expect(voided.text).not.toMatch(/\$|31\.50/);

    // A line still on the tablet (never sent) is nobody's business in the kitchen.
    const { orderId: draft } = await openOrder(loc.ctx.SERVER, { tableId: null });
    const line = await testDb().orderItem.create({
      data: {
        orderId: draft,
        locationId: loc.id,
        menuItemId: steakId,
        name: "Ribeye",
        quantity: 1,
        unitPriceCents: 3150,
        stationId: grill,
      },
    });
    await voidOrderItem(loc.ctx.SERVER, { orderId: draft, orderItemId: line.id, reason: "mistake" });
    expect(await testDb().printJob.count({ where: { locationId: loc.id } })).toBe(2);
  });

  it("re-prints a ticket's chit marked REPRINT; another location's order is not found", async () => {
    await createPrinter(manager, receipt({ kind: "KITCHEN", stationId: grill }));
    const { orderId, sent } = await sendSteak();
    await drainPrintQueue({ locationId: loc.id });
    await reprintChit(loc.ctx.CHEF, { orderId, fireBatch: sent.fireBatch!, stationId: grill });
    await drainPrintQueue({ locationId: loc.id });
    await printer.waitFor(2);
    expect(printer.decoded()[1].text).toContain("** REPRINT **");
    await expectAppError(reprintChit(other.ctx.CHEF, { orderId, fireBatch: 1, stationId: grill }), "NOT_FOUND");
  });
});

describe("a printer that is off", () => {
  it("never fails the send; its job retries with back-off, then FAILED after the last attempt", async () => {
    const port = await closedPort();
    const { id } = await createPrinter(manager, receipt({ kind: "KITCHEN", stationId: grill, port }));
    const started = Date.now();
    const { sent } = await sendSteak();
    expect(sent.fireBatch).toBe(1); // the send went through, at once
    expect(Date.now() - started).toBeLessThan(2_000);

    const first = await drainPrintQueue({ locationId: loc.id });
    expect(first).toEqual({ printed: 0, retrying: 1, failed: 0 });
    const job = await testDb().printJob.findFirstOrThrow({ where: { printerId: id } });
    expect(job).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(job.lastError).toMatch(/refused/);
    expect(job.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(3_000);
    // Not due yet: nothing is tried.
    expect(await drainPrintQueue({ locationId: loc.id })).toEqual({ printed: 0, retrying: 0, failed: 0 });
    for (let i = 2; i <= MAX_ATTEMPTS; i++) {
      await makeDue();
      await drainPrintQueue({ locationId: loc.id });
    }
    const failed = await testDb().printJob.findFirstOrThrow({ where: { printerId: id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect((await testDb().printer.findUniqueOrThrow({ where: { id } })).lastError).toMatch(/refused/);

    // Back on (same address, now listening): Retry prints it.
    await updatePrinter(manager, { id, fields: { ...receipt().fields, kind: "KITCHEN", stationId: grill } });
    const retried = await retryPrintJob(manager, { id: failed.id });
    expect(retried).toEqual({ id: failed.id, reprintOf: null });
    expect(await drainPrintQueue({ locationId: loc.id })).toMatchObject({ printed: 1 });
    await printer.waitFor(1);
    expect(printer.decoded()[0].text).toContain("2 x Ribeye");
  });

  it("a failure holds the printer's other due jobs back untried (their attempts not counted)", async () => {
    const port = await closedPort();
    const { id } = await createPrinter(manager, receipt({ port }));
    for (let i = 0; i < 3; i++) await printTestPage(manager, { id });
    expect(await drainPrintQueue({ locationId: loc.id })).toEqual({ printed: 0, retrying: 3, failed: 0 });
    const attempts = (await testDb().printJob.findMany({ where: { printerId: id } })).map((j) => j.attempts).sort();
    expect(attempts).toEqual([0, 0, 1]);
  });

  it("archiving a printer fails its queued jobs at the next drain", async () => {
    const { id } = await createPrinter(manager, receipt());
    const job = await printTestPage(manager, { id });
    await updatePrinter(manager, { id, archived: true });
    expect(await drainPrintQueue({ locationId: loc.id })).toEqual({ printed: 0, retrying: 0, failed: 1 });
    expect(await testDb().printJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "FAILED" });
    expect(printer.jobs).toHaveLength(0);
  });
});

describe("concurrency", () => {
  it("two queue workers draining at once print each job exactly once", async () => {
    const { id } = await createPrinter(manager, receipt());
    for (let i = 0; i < 6; i++) await printTestPage(manager, { id });
    const results = await Promise.all([
      drainPrintQueue({ locationId: loc.id }),
      drainPrintQueue({ locationId: loc.id }),
      drainPrintQueue({ locationId: loc.id }),
    ]);
    expect(results.reduce((n, r) => n + r.printed, 0)).toBe(6);
    await printer.waitFor(6);
    await new Promise((r) => setTimeout(r, 100));
    expect(printer.jobs).toHaveLength(6);
    expect(await testDb().printJob.count({ where: { printerId: id, status: "PRINTED" } })).toBe(6);
  });

  it("two managers pressing Retry on one failed job requeue it once; Re-print of a printed job makes a copy", async () => {
    const { id } = await createPrinter(manager, receipt());
    const job = await printTestPage(manager, { id });
    await testDb().printJob.update({ where: { id: job.id }, data: { status: "FAILED", attempts: MAX_ATTEMPTS } });
    const outcomes = await Promise.allSettled([
      retryPrintJob(manager, { id: job.id }),
      retryPrintJob(loc.ctx.ADMIN, { id: job.id }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason.code).toBe("CONFLICT");
    expect(await testDb().printJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "QUEUED",
      attempts: 0,
    });
    await drainPrintQueue({ locationId: loc.id });
    const again = await retryPrintJob(loc.ctx.CASHIER, { id: job.id });
    expect(again.reprintOf).toBe(job.id);
    expect(again.id).not.toBe(job.id);
    const copy = await testDb().printJob.findUniqueOrThrow({ where: { id: again.id } });
    expect(copy).toMatchObject({ status: "QUEUED", title: expect.stringMatching(/^Re-print: Test page/) });
  });
});

describe("setup: bad input, roles and tenancy", () => {
  it("refuses bad fields with messages", async () => {
    const e1 = await expectAppError(createPrinter(manager, receipt({ host: "http://10.0.0.5/print" })), "VALIDATION");
    expect(e1.fieldErrors?.["fields.host"]).toBeDefined();
    const e2 = await expectAppError(createPrinter(manager, receipt({ kind: "KITCHEN" })), "VALIDATION");
    expect(e2.fieldErrors?.["fields.stationId"]).toEqual(["Choose the station this printer serves"]);
    await expectAppError(createPrinter(manager, receipt({ port: 70000 })), "VALIDATION");
    await expectAppError(createPrinter(manager, receipt({ lineWidth: 40 })), "VALIDATION");
    await expectAppError(createPrinter(manager, receipt({ name: "" })), "VALIDATION");
    // Another location's station cannot be chosen.
    const e3 = await expectAppError(
      createPrinter(manager, receipt({ kind: "KITCHEN", stationId: otherStation })),
      "VALIDATION",
    );
    expect(e3.fieldErrors?.stationId).toBeDefined();
    await createPrinter(manager, receipt());
    await expectAppError(createPrinter(manager, receipt()), "CONFLICT");
  });

  it("only management configures printers; every role sees the queue; other locations' ids are 404", async () => {
    await expectAppError(createPrinter(loc.ctx.SERVER, receipt()), "FORBIDDEN");
    await expectAppError(createPrinter(loc.ctx.CASHIER, receipt()), "FORBIDDEN");
    const { id } = await createPrinter(manager, receipt());
    await expectAppError(printTestPage(loc.ctx.CHEF, { id }), "FORBIDDEN");
    await expectAppError(updatePrinter(loc.ctx.SERVER, { id, archived: true }), "FORBIDDEN");
    await expectAppError(updatePrinter(other.ctx.MANAGER, { id, archived: true }), "NOT_FOUND");
    await expectAppError(printTestPage(other.ctx.MANAGER, { id }), "NOT_FOUND");
    const job = await printTestPage(manager, { id });
    await expectAppError(retryPrintJob(other.ctx.MANAGER, { id: job.id }), "NOT_FOUND");
    expect((await listPrintJobs(other.ctx.MANAGER)).jobs).toHaveLength(0);
    expect((await listPrinters(other.ctx.MANAGER)).printers).toHaveLength(0);
    const mine = await listPrintJobs(loc.ctx.SERVER);
    expect(mine.jobs.map((j) => j.id)).toEqual([job.id]);
    expect(mine.jobs[0]).not.toHaveProperty("document");
  });

  it("audits printer changes", async () => {
    const { id } = await createPrinter(manager, receipt());
    await updatePrinter(manager, { id, archived: true });
    const actions = (await db.auditLog.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["printing.printer.create", "printing.printer.archive"]);
  });
});

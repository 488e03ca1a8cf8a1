import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import type { PrintDocument } from "./document";
import { enqueuePrint } from "./enqueue-print";
import { byIdSchema, type ByIdInput } from "./printer-fields";

/** The test page: who and where, a ruler at the configured width (a wrong width shows at once), a QR code. */
export function testPageDocument(p: {
  locationName: string;
  printerName: string;
  lineWidth: number;
  at: string;
}): PrintDocument {
  const ruler = Array.from({ length: p.lineWidth }, (_, i) => String((i + 1) % 10)).join("");
  return {
    lines: [
      { kind: "text", text: "TEST PAGE", align: "center", size: "double", bold: true },
      { kind: "text", text: p.locationName, align: "center" },
      { kind: "separator", style: "double" },
      { kind: "columns", left: "Printer", right: p.printerName.slice(0, 24) },
      { kind: "columns", left: "Width", right: `${p.lineWidth} characters` },
      { kind: "columns", left: "Sent", right: p.at },
      { kind: "text", text: ruler },
      { kind: "text", text: "Bold text", bold: true },
      { kind: "text", text: "Tall text", size: "tall" },
      { kind: "columns", left: "Right-aligned amount", right: "$12.34" },
      { kind: "qr", value: "servicebell:test-page" },
      { kind: "text", text: "If you can read this, printing works.", align: "center" },
      { kind: "cut" },
    ],
  };
}

export async function printTestPage(ctx: Ctx, raw: ByIdInput) {
  assertCan(ctx, "payments.setup");
  const { id } = parseInput(byIdSchema, raw);
  const printer = await db.printer.findFirst({
    where: { id, locationId: ctx.locationId, archivedAt: null },
    select: { id: true, name: true, lineWidth: true, location: { select: { name: true } } },
  });
  if (!printer) throw notFound("Printer");
  const document = testPageDocument({
    locationName: printer.location.name,
    printerName: printer.name,
    lineWidth: printer.lineWidth,
    at: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
  });
  const job = await enqueuePrint(db, {
    locationId: ctx.locationId,
    printerId: printer.id,
    kind: "TEST",
    title: `Test page · ${printer.name}`,
    document,
    createdById: ctx.userId,
  });
  await auditAs(ctx, {
    action: "printing.test-page",
    entityType: "Printer",
    entityId: printer.id,
    details: { jobId: job.id },
  });
  return job;
}

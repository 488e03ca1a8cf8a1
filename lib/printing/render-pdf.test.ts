import { PDFDocument } from "pdf-lib";
import { expect, test } from "vitest";
import type { PrintDocument } from "./document";
import { renderPdf } from "./render-pdf";

const doc = (extra: PrintDocument["lines"] = []): PrintDocument => ({
  lines: [
    { kind: "text", text: "Harbor Street Bistro", align: "center", size: "double", bold: true },
    { kind: "separator", style: "double" },
    { kind: "columns", left: "1 x Crème brûlée", right: "€9.00" },
    { kind: "columns", left: "TOTAL", right: "€9.00", bold: true, size: "tall" },
    ...extra,
    { kind: "cut" },
  ],
});

test("an 80 mm page as long as the receipt", async () => {
  const short = await PDFDocument.load(await renderPdf(doc(), { title: "Receipt" }));
  const long = await PDFDocument.load(
    await renderPdf(doc(Array.from({ length: 40 }, () => ({ kind: "text" as const, text: "line" }))), { title: "R" }),
  );
  expect(short.getPage(0).getWidth()).toBeCloseTo(226.77, 1);
  expect(long.getPage(0).getHeight()).toBeGreaterThan(short.getPage(0).getHeight() + 300);
  expect(short.getTitle()).toBe("Receipt");
});

test("text the standard fonts cannot draw becomes '?' instead of failing the PDF", async () => {
  const bytes = await renderPdf(doc([{ kind: "text", text: "Ramen 拉麺 🍜" }]), { title: "x" });
  expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
});

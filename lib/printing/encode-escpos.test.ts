import { describe, expect, test } from "vitest";
import { decodeEscPos } from "@/test/support/escpos-decode";
import { columnLines, toPlainLines, wrapText, printDocumentSchema, type PrintDocument } from "./document";
import { encodeEscPos } from "./encode-escpos";
import { MAX_ATTEMPTS, nextAttemptAfter } from "./retry-policy";

const doc: PrintDocument = {
  lines: [
    { kind: "text", text: "Harbor Street Bistro", align: "center", bold: true },
    { kind: "text", text: "Table 12", align: "center", size: "double" },
    { kind: "columns", left: "2 x Grilled salmon with lemon butter and seasonal greens", right: "$48.00" },
    { kind: "separator", style: "double" },
    { kind: "columns", left: "TOTAL", right: "$52.08", bold: true },
    { kind: "qr", value: "https://example.test/r/abc" },
  ],
};

describe("ESC/POS encoding", () => {
  test("initializes, prints the text, bold and double runs, the QR code, and ends with one cut", () => {
    const r = decodeEscPos(encodeEscPos(doc, 48));
    expect(r.initialized).toBe(true);
    expect(r.text).toContain("Harbor Street Bistro");
    expect(r.bold).toContain("Harbor Street Bistro");
    expect(r.double).toContain("Table 12");
    expect(r.qr).toEqual(["https://example.test/r/abc"]);
    expect(r.cuts).toBe(1);
  });

  test("columns put the amount flush right at the printer's width and wrap the label", () => {
    for (const width of [32, 48]) {
      const r = decodeEscPos(encodeEscPos(doc, width));
      const first = r.lines.find((l) => l.startsWith("2 x Grilled"))!;
      expect(first).toHaveLength(width);
      expect(first.endsWith("$48.00")).toBe(true);
      expect(r.lines.every((l) => l.length <= width)).toBe(true);
      expect(r.text).toContain("greens");
    }
  });

  test("an explicit cut is not doubled; accented text survives through a code page", () => {
    const r = decodeEscPos(encodeEscPos({ lines: [{ kind: "text", text: "Crème brûlée" }, { kind: "cut" }] }, 48));
    expect(r.cuts).toBe(1);
    expect(r.text).toMatch(/Cr.me br.l.e/);
  });
});

describe("plain layout", () => {
  test("wrapText never exceeds the width and keeps every word", () => {
    const text = "a supercalifragilisticexpialidocious word and some more words to wrap";
    for (const w of [8, 12, 32]) {
      const lines = wrapText(text, w);
      expect(lines.every((l) => l.length <= w)).toBe(true);
      expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
    }
  });

  test("columnLines: right text on the first line, flush right", () => {
    expect(columnLines("Tax", "$1.00", 20)).toEqual(["Tax            $1.00"]);
  });

  test("toPlainLines renders separators at width and halves the width of double text", () => {
    const lines = toPlainLines(doc, 32);
    expect(lines).toContain("=".repeat(32));
    expect(lines.some((l) => l.trim() === "Table 12")).toBe(true);
  });

  test("the stored schema refuses unknown line kinds and oversized QR values", () => {
    expect(printDocumentSchema.safeParse({ lines: [{ kind: "beep" }] }).success).toBe(false);
    expect(printDocumentSchema.safeParse({ lines: [{ kind: "qr", value: "x".repeat(301) }] }).success).toBe(false);
    expect(printDocumentSchema.safeParse(doc).success).toBe(true);
  });
});

describe("retry policy", () => {
  test("backs off 5 s, 15 s, 1 min, 5 min, 15 min, then gives up", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const delays = [1, 2, 3, 4, 5].map((a) => nextAttemptAfter(a, now)!.getTime() - now.getTime());
    expect(delays).toEqual([5_000, 15_000, 60_000, 300_000, 900_000]);
    expect(nextAttemptAfter(MAX_ATTEMPTS, now)).toBeNull();
  });
});

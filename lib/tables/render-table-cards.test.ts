import jsQR from "jsqr";
import QRCode from "qrcode";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfPageTexts } from "@/test/support/pdf-text";
import { CARD_INSTRUCTIONS, qrPath, renderTableCardsPdf } from "./render-table-cards";

const cards = Array.from({ length: 7 }, (_, i) => ({
  label: `T${i + 1}`,
  url: `https://bistro.example.com/t/token-${i + 1}-${"x".repeat(36)}`,
}));

describe("table cards PDF", () => {
  it("puts six cards on a page, each with the restaurant, its label, the instructions and its URL", async () => {
    const bytes = await renderTableCardsPdf(cards, { restaurant: "Chez Zoë", paper: "a4" });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getPage(0).getSize().width).toBeCloseTo(595.28, 1);
    const pages = await pdfPageTexts(bytes);
    expect(pages[0].filter((s) => s.startsWith("Table "))).toEqual(
      ["T1", "T2", "T3", "T4", "T5", "T6"].map((l) => `Table ${l}`),
    );
    expect(pages[1].filter((s) => s.startsWith("Table "))).toEqual(["Table T7"]);
    expect(pages[1]).toContain(cards[6].url);
    expect(pages[0].filter((s) => s === "Chez Zoë")).toHaveLength(6);
    expect(pages[0].join(" ")).toContain(CARD_INSTRUCTIONS.split(" ").slice(0, 4).join(" "));
  });

  it("prints on Letter when asked, and says so when there are no tables", async () => {
    const bytes = await renderTableCardsPdf([], { restaurant: "Empty", paper: "letter" });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
    expect((await pdfPageTexts(bytes))[0]).toEqual(["No tables to print"]);
  });

  it("replaces characters the standard fonts cannot draw instead of failing", async () => {
    const bytes = await renderTableCardsPdf([{ label: "桌1", url: "https://x.example/t/abc" }], {
      restaurant: "Café 北京",
    });
    const texts = (await pdfPageTexts(bytes))[0];
    expect(texts).toContain("Table ?1");
    expect(texts).toContain("Café ??");
  });

  it("draws exactly the QR code's dark modules (error correction M)", () => {
    const url = cards[0].url;
    const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
    const { path, size } = qrPath(url);
    expect(size).toBe(modules.size);
    const dark = new Set<string>();
    for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
      for (let x = Number(m[1]); x < Number(m[1]) + Number(m[3]); x++) dark.add(`${x},${m[2]}`);
    }
    let expected = 0;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        if (modules.get(y, x)) {
          expected++;
          expect(dark.has(`${x},${y}`)).toBe(true);
        }
      }
    }
    expect(dark.size).toBe(expected);
  });

  it("draws a code a phone's reader decodes back to the card's URL", () => {
    const url = cards[3].url;
    const { path, size } = qrPath(url);
    // Rasterise the path as the PDF draws it: 4 px a module, a 4-module white quiet zone.
    const px = 4;
    const side = (size + 8) * px;
    const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
    for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
      const [x0, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
      for (let yy = (y + 4) * px; yy < (y + 5) * px; yy++) {
        for (let xx = (x0 + 4) * px; xx < (x0 + 4 + w) * px; xx++)
          rgba.fill(0, (yy * side + xx) * 4, (yy * side + xx) * 4 + 3);
      }
    }
    expect(jsQR(rgba, side, side)?.data).toBe(url);
  });
});

// PrintDocument → ESC/POS bytes (Epson/Star-compatible thermal printers), through the
// @point-of-sale/receipt-printer-encoder library. Pure: no I/O.
import ReceiptPrinterEncoder from "@point-of-sale/receipt-printer-encoder";
import { columnLines, type PrintDocument } from "./document";

export function encodeEscPos(doc: PrintDocument, width: number): Uint8Array {
  const encoder = new ReceiptPrinterEncoder({ language: "esc-pos", columns: width, feedBeforeCut: 4 });
  let e = encoder.initialize().codepage("auto");
  let cut = false;
  for (const line of doc.lines) {
    switch (line.kind) {
      case "text": {
        const double = line.size === "double";
        e = e
          .align(line.align ?? "left")
          .bold(line.bold ?? false)
          .size(double ? 2 : 1, double || line.size === "tall" ? 2 : 1);
        // The library wraps at the printer's width; double width fits half the characters.
        e = e.line(line.text).size(1, 1).bold(false).align("left");
        break;
      }
      case "columns":
        e = e.bold(line.bold ?? false).size(1, line.size === "tall" ? 2 : 1);
        for (const l of columnLines(line.left, line.right, width)) e = e.line(l);
        e = e.size(1, 1).bold(false);
        break;
      case "separator":
        e = e.rule({ style: line.style ?? "single" });
        break;
      case "feed":
        e = e.newline(line.lines);
        break;
      case "qr":
        e = e.align("center").qrcode(line.value, { model: 2, size: 6, errorlevel: "m" }).align("left");
        break;
      case "cut":
        e = e.cut("partial");
        cut = true;
        break;
    }
  }
  // Every job ends cut, so the next one does not start on the same paper.
  if (!cut) e = e.cut("partial");
  return e.encode();
}

// PrintDocument → a PDF one 80 mm receipt roll long (pdf-lib with its built-in Courier: no font
// files to ship, so it works the same in the Next production build). Pure apart from pdf-lib.
import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";
import { columnLines, wrapText, type PrintDocument } from "./document";

const MM = 72 / 25.4;
const PAGE_WIDTH = 80 * MM;
const MARGIN = 5 * MM;
const COLUMNS = 42;
const FONT_SIZE = (PAGE_WIDTH - 2 * MARGIN) / (COLUMNS * 0.6); // Courier is 0.6 em wide
const LEADING = FONT_SIZE * 1.3;

type Row = { text: string; bold: boolean; scale: 1 | 2; x: "left" | "center" | "right"; rule?: boolean };

/** Standard fonts speak WinAnsi only: anything else prints as "?" rather than failing the PDF. */
const printable = (s: string) =>
  s.replace(/[^\x20-\x7e\u00a0-\u00ff\u20ac\u2013\u2014\u2018\u2019\u201c\u201d\u2022]/g, "?");

function rows(doc: PrintDocument): Row[] {
  const out: Row[] = [];
  for (const line of doc.lines) {
    switch (line.kind) {
      case "text": {
        const scale = line.size === "double" ? 2 : 1;
        for (const t of wrapText(line.text, COLUMNS / scale)) {
          out.push({ text: t, bold: !!line.bold, scale, x: line.align ?? "left" });
        }
        if (line.size === "tall") out[out.length - 1].scale = 1;
        break;
      }
      case "columns":
        for (const t of columnLines(line.left, line.right, COLUMNS)) {
          out.push({ text: t, bold: !!line.bold || line.size === "tall", scale: 1, x: "left" });
        }
        break;
      case "separator":
        out.push({ text: "", bold: false, scale: 1, x: "left", rule: true });
        break;
      case "feed":
        for (let i = 0; i < line.lines; i++) out.push({ text: "", bold: false, scale: 1, x: "left" });
        break;
      case "qr":
        out.push({ text: line.value, bold: false, scale: 1, x: "center" });
        break;
      case "cut":
        break;
    }
  }
  return out;
}

export async function renderPdf(doc: PrintDocument, meta: { title: string }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(meta.title);
  pdf.setCreator("ServiceBell");
  pdf.setProducer("ServiceBell");
  const regular = await pdf.embedFont(StandardFonts.Courier);
  const bold = await pdf.embedFont(StandardFonts.CourierBold);
  const all = rows(doc);
  const height = 2 * MARGIN + all.reduce((h, r) => h + LEADING * r.scale, 0);
  const page = pdf.addPage([PAGE_WIDTH, Math.max(height, 100)]);
  let y = page.getHeight() - MARGIN;
  for (const r of all) {
    const size = FONT_SIZE * r.scale;
    y -= LEADING * r.scale;
    if (r.rule) {
      page.drawLine({
        start: { x: MARGIN, y: y + LEADING / 2 },
        end: { x: PAGE_WIDTH - MARGIN, y: y + LEADING / 2 },
        thickness: 0.5,
        color: rgb(0.3, 0.3, 0.3),
        dashArray: [2, 2],
      });
      continue;
    }
    if (!r.text) continue;
    const font: PDFFont = r.bold ? bold : regular;
    const text = printable(r.text);
    const width = font.widthOfTextAtSize(text, size);
    const x = r.x === "center" ? (PAGE_WIDTH - width) / 2 : r.x === "right" ? PAGE_WIDTH - MARGIN - width : MARGIN;
    page.drawText(text, { x, y, size, font });
  }
  return pdf.save();
}

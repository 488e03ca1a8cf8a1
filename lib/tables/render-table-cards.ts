// Table cards → a PDF: a 2 × 3 grid of cards per page (A4 or Letter), each with the restaurant's
// name, the table's label, its QR code and how to join. Pure apart from pdf-lib and qrcode; the
// standard Helvetica fonts need no font files, so it renders the same in the production build.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";

export type TableCard = { label: string; url: string };
export type Paper = "a4" | "letter";

export const CARDS_PER_PAGE = 6;
export const CARD_INSTRUCTIONS = "Scan, then enter the 4-digit PIN your server gives you";

const PAGE_SIZES: Record<Paper, [number, number]> = { a4: [595.28, 841.89], letter: [612, 792] };
const COLS = 2;
const ROWS = 3;
const MARGIN = 28;
const PAD = 14;
const QR_SIZE = 120;
/** Space above the QR code (its quiet zone: at least four modules of white). */
const QR_TOP = 60;
/** Height of a card's content, top to bottom: it sits centred in the card. */
const CONTENT_HEIGHT = 232;
const INK = rgb(0.07, 0.07, 0.09);
const MUTED = rgb(0.35, 0.35, 0.4);
const CUT = rgb(0.7, 0.7, 0.72);

/** The standard fonts speak WinAnsi only: anything else prints as "?" rather than failing the PDF. */
const printable = (s: string) =>
  s.replace(/[^\x20-\x7e\u00a0-\u00ff\u20ac\u2013\u2014\u2018\u2019\u201c\u201d\u2022]/g, "?");

/** The QR code's dark modules as one SVG path, in module units (a run of dark modules is one rectangle). */
export function qrPath(url: string): { path: string; size: number } {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const n = modules.size;
  const parts: string[] = [];
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < n && modules.get(y, x)) x++;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  }
  return { path: parts.join(""), size: n };
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The largest size up to `max` (down to `min`) at which the text fits the width. */
function fittedSize(text: string, font: PDFFont, max: number, min: number, width: number): number {
  const atMax = font.widthOfTextAtSize(text, max);
  return atMax <= width ? max : Math.max(min, (max * width) / atMax);
}

type Fonts = { regular: PDFFont; bold: PDFFont };

function centred(page: PDFPage, text: string, font: PDFFont, size: number, cx: number, y: number, color = INK) {
  page.drawText(text, { x: cx - font.widthOfTextAtSize(text, size) / 2, y, size, font, color });
}

function drawCard(page: PDFPage, fonts: Fonts, card: TableCard, restaurant: string, box: Box) {
  page.drawRectangle({
    x: box.x,
    y: box.y,
    width: box.w,
    height: box.h,
    borderColor: CUT,
    borderWidth: 0.5,
    borderDashArray: [3, 3],
  });
  const inner = box.w - 2 * PAD;
  const cx = box.x + box.w / 2;
  const top = box.y + box.h - Math.max(PAD, (box.h - CONTENT_HEIGHT) / 2);
  const name = printable(restaurant);
  centred(page, name, fonts.regular, fittedSize(name, fonts.regular, 11, 6, inner), cx, top - 11, MUTED);
  const label = printable(`Table ${card.label}`);
  centred(page, label, fonts.bold, fittedSize(label, fonts.bold, 30, 10, inner), cx, top - 44);
  const qr = qrPath(card.url);
  page.drawSvgPath(qr.path, { x: cx - QR_SIZE / 2, y: top - QR_TOP, scale: QR_SIZE / qr.size, color: INK });
  let y = top - QR_TOP - QR_SIZE - 20;
  for (const line of wrap(CARD_INSTRUCTIONS, fonts.regular, 9.5, inner).slice(0, 2)) {
    centred(page, line, fonts.regular, 9.5, cx, y);
    y -= 12;
  }
  const url = printable(card.url);
  centred(page, url, fonts.regular, fittedSize(url, fonts.regular, 7, 4, inner), cx, y - 4, MUTED);
}

type Box = { x: number; y: number; w: number; h: number };

/** The page's card boxes, row by row from the top left. */
function grid(width: number, height: number): Box[] {
  const w = (width - 2 * MARGIN) / COLS;
  const h = (height - 2 * MARGIN) / ROWS;
  const boxes: Box[] = [];
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLS; c++) boxes.push({ x: MARGIN + c * w, y: height - MARGIN - (r + 1) * h, w, h });
  }
  return boxes;
}

/** One card per table, six to a page; with no tables, one page that says so. */
export async function renderTableCardsPdf(
  cards: TableCard[],
  meta: { restaurant: string; paper?: Paper },
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(printable(`Table cards - ${meta.restaurant}`));
  pdf.setCreator("ServiceBell");
  pdf.setProducer("ServiceBell");
  const fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
  };
  const [width, height] = PAGE_SIZES[meta.paper ?? "a4"];
  if (cards.length === 0) {
    const page = pdf.addPage([width, height]);
    centred(page, "No tables to print", fonts.bold, 16, width / 2, height - 2 * MARGIN - 16);
  }
  const boxes = grid(width, height);
  for (let i = 0; i < cards.length; i += CARDS_PER_PAGE) {
    const page = pdf.addPage([width, height]);
    cards.slice(i, i + CARDS_PER_PAGE).forEach((card, j) => drawCard(page, fonts, card, meta.restaurant, boxes[j]));
  }
  return pdf.save();
}

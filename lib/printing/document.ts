// The format-independent print layout (ADR 0027): what a receipt, guest check or kitchen chit
// says, line by line, with no printer commands in it. Stored as PrintJob.document; the ESC/POS
// encoder, the receipt page and the PDF all render it, so the three never disagree.
import { z } from "zod";

const align = z.enum(["left", "center", "right"]);
const shortText = z.string().max(400);

export const printLineSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("text"),
    text: shortText,
    align: align.optional(),
    bold: z.boolean().optional(),
    /** "double": twice as wide and tall (a table number, TOTAL); "tall": twice as tall only. */
    size: z.enum(["normal", "tall", "double"]).optional(),
  }),
  /** A label on the left, an amount (or a count) flush right; the left side wraps. */
  z.object({
    kind: z.literal("columns"),
    left: shortText,
    right: z.string().max(40),
    bold: z.boolean().optional(),
    /** "tall": twice as tall (a TOTAL); the width, hence the layout, is unchanged. */
    size: z.enum(["normal", "tall"]).optional(),
  }),
  z.object({ kind: z.literal("separator"), style: z.enum(["single", "double"]).optional() }),
  z.object({ kind: z.literal("feed"), lines: z.number().int().min(1).max(10) }),
  z.object({ kind: z.literal("qr"), value: z.string().min(1).max(300) }),
  z.object({ kind: z.literal("cut") }),
]);
export type PrintLine = z.infer<typeof printLineSchema>;

/**
 * A kitchen chit is enqueued inside the send's transaction as a reference only (one INSERT …
 * SELECT); the queue renders its lines from the kitchen's rules when it first sends it.
 */
export const chitSourceSchema = z.object({
  kind: z.literal("kitchen-chit"),
  orderId: z.string().max(64),
  fireBatch: z.number().int().min(0),
  stationId: z.string().max(64),
  /** A void chit: only this line (struck from the ticket after it was sent). */
  voidItemId: z.string().max(64).optional(),
});
export type ChitSource = z.infer<typeof chitSourceSchema>;

export const printDocumentSchema = z.object({
  lines: z.array(printLineSchema).max(2000),
  source: chitSourceSchema.optional(),
});
export type PrintDocument = z.infer<typeof printDocumentSchema>;

/** Characters per line: 48 on 80 mm paper (font A), 32 on 58 mm. */
export const LINE_WIDTHS = [32, 42, 48] as const;

/** Words of `text` packed into lines of at most `width` characters (long words are split). */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let w = word;
      while (w.length > width) {
        if (line) {
          out.push(line);
          line = "";
        }
        out.push(w.slice(0, width));
        w = w.slice(width);
      }
      if (!w) continue;
      if (!line) line = w;
      else if (line.length + 1 + w.length <= width) line += " " + w;
      else {
        out.push(line);
        line = w;
      }
    }
    out.push(line);
  }
  return out;
}

/**
 * The document as plain fixed-width text lines (what a printer of that width shows, without
 * styles): used by the PDF, by tests, and as a preview. Double-size text takes two columns a character.
 */
export function toPlainLines(doc: PrintDocument, width: number): string[] {
  const out: string[] = [];
  const place = (s: string, a: "left" | "center" | "right" | undefined, w: number) => {
    if (a === "right") return s.padStart(w);
    if (a === "center") return " ".repeat(Math.max(0, Math.floor((w - s.length) / 2))) + s;
    return s;
  };
  for (const line of doc.lines) {
    switch (line.kind) {
      case "text": {
        const w = line.size === "double" ? Math.floor(width / 2) : width;
        for (const l of wrapText(line.text, w)) out.push(place(l, line.align, w));
        break;
      }
      case "columns":
        out.push(...columnLines(line.left, line.right, width));
        break;
      case "separator":
        out.push((line.style === "double" ? "=" : "-").repeat(width));
        break;
      case "feed":
        for (let i = 0; i < line.lines; i++) out.push("");
        break;
      case "qr":
        out.push(place(`[QR ${line.value}]`, "center", width));
        break;
      case "cut":
        break;
    }
  }
  return out;
}

/** Left text wrapped in the space the right text leaves, the right text on the first line. */
export function columnLines(left: string, right: string, width: number): string[] {
  const rightWidth = Math.min(right.length, width - 8);
  const leftWidth = width - rightWidth - (rightWidth ? 1 : 0);
  const lefts = wrapText(left, leftWidth);
  return lefts.map((l, i) => (i === 0 && rightWidth ? l.padEnd(leftWidth) + " " + right.slice(0, rightWidth) : l));
}

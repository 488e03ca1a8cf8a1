// A small PDF reader for tests: the text each page draws (pdf-lib writes it as hex strings in
// flate-compressed content streams), so tests assert on what a page says, not on bytes.
import { inflateSync } from "node:zlib";
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFObject } from "pdf-lib";

function streamText(doc: PDFDocument, obj: PDFObject | undefined): string {
  const stream = obj ? doc.context.lookup(obj) : undefined;
  if (stream instanceof PDFArray)
    return stream
      .asArray()
      .map((o) => streamText(doc, o))
      .join("\n");
  if (!(stream instanceof PDFRawStream)) return "";
  const filter = stream.dict.get(PDFName.of("Filter"));
  const bytes = filter === PDFName.of("FlateDecode") ? inflateSync(stream.contents) : Buffer.from(stream.contents);
  return bytes.toString("latin1");
}

/** Each page's drawn strings, in drawing order. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[][]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const content = streamText(doc, page.node.get(PDFName.of("Contents")));
    const strings: string[] = [];
    for (const m of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
      strings.push(m[1] !== undefined ? Buffer.from(m[1], "hex").toString("latin1") : m[2].replace(/\\(.)/g, "$1"));
    }
    return strings;
  });
}

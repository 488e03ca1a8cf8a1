import { AppError } from "../errors";

/** A CSV download (UTF-8 with BOM so spreadsheet apps detect the encoding). */
export function csvResponse(csv: string, filename: string): Response {
  return new Response("\uFEFF" + csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}

export const MAX_CSV_BYTES = 5 * 1024 * 1024;

/** Read an uploaded CSV body (text/csv or text/plain), refusing oversized files before parsing. */
export async function readCsvBody(req: Request): Promise<string> {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_CSV_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The file is larger than 5 MB; split it");
  const type = req.headers.get("content-type") ?? "";
  if (type && !/^(text\/csv|text\/plain|application\/csv|application\/vnd\.ms-excel)/.test(type)) {
    throw new AppError("VALIDATION", "Send the file as text/csv", { file: ["Choose a .csv file"] });
  }
  const text = await req.text();
  if (text.length > MAX_CSV_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The file is larger than 5 MB; split it");
  if (!text.trim()) throw new AppError("VALIDATION", "The file is empty", { file: ["The file is empty"] });
  return text;
}

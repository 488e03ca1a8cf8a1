import "server-only";
import { csvResponse } from "../csv/http";

/** A report route answers CSV for `Accept: text/csv` or `?format=csv` (browser links), else JSON. */
export function wantsCsv(req: Request, format: "json" | "csv" | undefined): boolean {
  if (format) return format === "csv";
  return /\btext\/csv\b/i.test(req.headers.get("accept") ?? "");
}

/** The JSON report, or its CSV as a download named `<name>-<from>[-to-<to>].csv`. */
export function reportResponse<R extends { period: { from: string; to: string } }>(
  req: Request,
  format: "json" | "csv" | undefined,
  name: string,
  report: R,
  csv: (report: R) => string,
): R | Response {
  if (!wantsCsv(req, format)) return report;
  const { from, to } = report.period;
  return csvResponse(csv(report), `${name}-${from === to ? from : `${from}-to-${to}`}.csv`);
}

import { csvResponse } from "@/lib/csv/http";
import { route } from "@/lib/http/route";
import { wantsCsv } from "@/lib/reports/report-response";
import { auditCsv, listAuditLog, listAuditLogForExport, listAuditLogSchema } from "@/lib/audit/list-audit-log";

/**
 * GET /api/v1/audit?preset=|from=&to=&actorId=&action=&entityType=&entityId=&before=&limit= — the
 * audit log, newest first (`nextBefore` pages on); dates are business days in the location's zone.
 * CSV (`Accept: text/csv` or `&format=csv`) is every entry the filters match, not one page.
 */
export const GET = route({ permission: "audit.view", query: listAuditLogSchema }, async ({ ctx, query, req }) => {
  if (!wantsCsv(req, query.format)) return listAuditLog(ctx, query);
  const all = await listAuditLogForExport(ctx, query);
  const p = all.period;
  return csvResponse(
    auditCsv(all),
    p ? `audit-log-${p.from === p.to ? p.from : `${p.from}-to-${p.to}`}.csv` : "audit-log.csv",
  );
});

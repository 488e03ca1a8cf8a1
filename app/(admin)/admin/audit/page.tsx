import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { describeAuditDetails } from "@/lib/audit/describe-audit-details";
import { auditFilterChoices, listAuditLog, listAuditLogSchema } from "@/lib/audit/list-audit-log";
import { AppError } from "@/lib/errors";
import { readReportQuery } from "@/lib/reports/report-page-query";
import { formatZonedDateTime } from "@/lib/time/zoned";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { inputClass } from "@/components/admin/form-field";
import { ReportToolbar } from "@/components/reports/report-toolbar";

export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | string[] | undefined>;

const PATH = "/admin/audit";
const FILTERS = ["actorId", "action", "entityType", "entityId"] as const;
const PERIOD = ["preset", "from", "to"] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireUser("audit.view");
  const parsed = readReportQuery(listAuditLogSchema, await searchParams);
  const filters = parsed.query;
  const choices = await auditFilterChoices(ctx);
  // An unknown cursor (an old "Older entries" link) shows its message and the newest entries.
  const { page, error } = await listAuditLog(ctx, filters).then(
    (page) => ({ page, error: parsed.error }),
    async (e: unknown) => {
      if (!(e instanceof AppError) || e.code !== "VALIDATION") throw e;
      return {
        page: await listAuditLog(ctx, { ...filters, before: undefined }),
        error:
          Object.values(e.fieldErrors ?? {})
            .flat()
            .join(" ") || e.message,
      };
    },
  );
  const pick = (keys: readonly string[]) =>
    Object.fromEntries(
      keys.flatMap((k) => {
        const v = (filters as Record<string, unknown>)[k];
        return typeof v === "string" && v ? [[k, v]] : [];
      }),
    ) as Record<string, string>;
  const kept = pick(FILTERS);
  const period = pick(PERIOD);
  const older = page.nextBefore && new URLSearchParams({ ...period, ...kept, before: page.nextBefore }).toString();
  return (
    <div className="max-w-6xl space-y-4">
      <ReportToolbar
        title="Audit log"
        path={PATH}
        csvPath="/api/v1/audit"
        period={page.period}
        locationName={page.locationName}
        generatedAt={new Date()}
        extra={kept}
        compare={false}
        anyTime
        error={error}
        fallback="Showing the newest entries instead."
      >
        <p className="text-sm text-gray-600">
          Every sensitive action at this location: who, what, when, from where, with the values before and after. Days
          are business days in the location&apos;s time zone.
        </p>
        <Card>
          <form
            method="get"
            action={PATH}
            className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 print:hidden"
            aria-label="Filter the audit log"
          >
            {Object.entries(period).map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
            <label className="text-sm font-semibold">
              Who
              <select name="actorId" defaultValue={kept.actorId ?? ""} className={inputClass}>
                <option value="">Anyone</option>
                {choices.actors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm font-semibold">
              Action
              <select name="action" defaultValue={kept.action ?? ""} className={inputClass}>
                <option value="">Any</option>
                {choices.actions.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm font-semibold">
              Entity
              <select name="entityType" defaultValue={kept.entityType ?? ""} className={inputClass}>
                <option value="">Any</option>
                {choices.entityTypes.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm font-semibold">
              Entity id
              <input name="entityId" defaultValue={kept.entityId ?? ""} placeholder="Any" className={inputClass} />
            </label>
            <div className="flex items-end gap-2">
              <Button type="submit">Filter</Button>
              <Link
                href={PATH}
                className="inline-flex min-h-11 items-center rounded-lg border border-gray-300 bg-white px-4 font-semibold"
              >
                Clear
              </Link>
            </div>
          </form>
        </Card>
      </ReportToolbar>
      {page.entries.length === 0 ? (
        <EmptyState title="Nothing logged for these filters" />
      ) : (
        <Card>
          <ScrollRegion label="Audit entries">
            <table className="w-full text-left text-sm" data-testid="audit-table">
              <thead className="border-b text-gray-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    When
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Who
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Action
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Entity
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Before → after / details
                  </th>
                  <th scope="col" className="py-2">
                    From
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y align-top">
                {page.entries.map((e) => (
                  <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                    <td className="whitespace-nowrap py-2 pr-3 tabular-nums">
                      {formatZonedDateTime(e.createdAt, page.timeZone)}
                    </td>
                    <td className="py-2 pr-3">
                      {e.actor?.name ?? <span className="text-gray-500">guest / system</span>}
                    </td>
                    <td className="py-2 pr-3 font-mono text-xs">{e.action}</td>
                    <td className="py-2 pr-3">
                      {e.entityType ? (
                        <Link
                          className="underline"
                          href={`/admin/audit?${new URLSearchParams({ entityType: e.entityType, ...(e.entityId ? { entityId: e.entityId } : {}) })}`}
                        >
                          {e.entityType}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="py-2 pr-3 font-mono text-xs break-all">
                      {describeAuditDetails(e.details).map((l) => (
                        <p key={l}>{l}</p>
                      ))}
                    </td>
                    <td className="py-2 text-xs text-gray-600">{e.ip ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {older && (
            <Link
              href={`${PATH}?${older}`}
              className="mt-3 inline-flex min-h-11 items-center rounded-lg border border-gray-300 bg-white px-4 font-semibold"
            >
              Older entries
            </Link>
          )}
        </Card>
      )}
    </div>
  );
}

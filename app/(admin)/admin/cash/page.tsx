import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { AppError } from "@/lib/errors";
import { formatCents } from "@/lib/money";
import { formatZonedDateTime } from "@/lib/time/zoned";
import { listDrawerHistory } from "@/lib/cash/list-drawers";
import { varianceWords } from "@/lib/cash/drawer-math";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { inputClass } from "@/components/admin/form-field";

export const metadata: Metadata = { title: "Cash drawers" };

type Search = { from?: string; to?: string; status?: string };

export default async function CashHistoryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireUser("reports.money");
  const sp = await searchParams;
  const filter = {
    from: sp.from || undefined,
    to: sp.to || undefined,
    status: sp.status === "open" || sp.status === "closed" ? sp.status : undefined,
  };
  const { history, filterError } = await listDrawerHistory(ctx, filter).then(
    (history) => ({ history, filterError: null as string | null }),
    async (e: unknown) => {
      if (!(e instanceof AppError) || e.code !== "VALIDATION") throw e;
      const message =
        Object.values(e.fieldErrors ?? {})
          .flat()
          .join(" ") || e.message;
      return { history: await listDrawerHistory(ctx, {}), filterError: message };
    },
  );
  const money = (c: number | null) => (c === null ? "—" : formatCents(c, history.currency));
  const when = (d: Date | null) => (d ? formatZonedDateTime(d, history.timeZone) : "—");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">Cash drawers</h1>
        <p className="text-gray-600">
          Every drawer session: the float, cash taken, money paid in and out, what it should hold and what was counted.
          Cashiers open and count drawers on the floor (Floor → Cash).
        </p>
        <p className="mt-1">
          <Link href="/floor/cash" className="inline-flex min-h-11 items-center font-semibold underline">
            Open, pay in or count a drawer on the floor’s cash screen
          </Link>
        </p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter drawers">
        <div>
          <label htmlFor="from" className="mb-1 block text-sm font-medium">
            Opened from
          </label>
          <input id="from" name="from" type="date" defaultValue={filter.from} className={inputClass} />
        </div>
        <div>
          <label htmlFor="to" className="mb-1 block text-sm font-medium">
            to
          </label>
          <input id="to" name="to" type="date" defaultValue={filter.to} className={inputClass} />
        </div>
        <div>
          <label htmlFor="status" className="mb-1 block text-sm font-medium">
            Status
          </label>
          <select id="status" name="status" defaultValue={filter.status ?? ""} className={inputClass}>
            <option value="">Open and closed</option>
            <option value="open">Open</option>
            <option value="closed">Closed</option>
          </select>
        </div>
        <Button type="submit">Show</Button>
      </form>
      {filterError && (
        <p role="alert" className="font-medium text-red-700">
          {filterError} Showing the latest drawers instead.
        </p>
      )}
      {history.drawers.length === 0 ? (
        <EmptyState title="No drawer sessions yet">A cashier opens the first one on the floor’s Cash page.</EmptyState>
      ) : (
        <ScrollRegion label="Cash drawer history">
          <table className="w-full min-w-[64rem] text-left text-sm" data-testid="drawer-history">
            <thead className="border-b border-gray-200 bg-gray-50 text-xs uppercase tracking-wide text-gray-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Drawer
                </th>
                <th scope="col" className="px-3 py-2">
                  Opened
                </th>
                <th scope="col" className="px-3 py-2">
                  Closed
                </th>
                {["Float", "Cash taken", "Pay-ins", "Pay-outs", "Refunds", "Expected", "Counted", "Variance"].map(
                  (h) => (
                    <th key={h} scope="col" className="px-3 py-2 text-right">
                      {h}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 bg-white">
              {history.drawers.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="px-3 py-2 font-semibold">
                    {d.name} {d.status === "OPEN" && <Badge tone="green">Open</Badge>}
                    {d.note && <p className="text-xs font-normal text-gray-600">{d.note}</p>}
                  </th>
                  <td className="px-3 py-2">
                    {when(d.openedAt)}
                    <p className="text-xs text-gray-600">{d.openedBy}</p>
                  </td>
                  <td className="px-3 py-2">
                    {when(d.closedAt)}
                    {d.closedBy && <p className="text-xs text-gray-600">{d.closedBy}</p>}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(d.openingFloatCents)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(d.cashSalesCents)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(d.payInsCents)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(d.payOutsCents)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(d.cashRefundsCents)}</td>
                  <td className="px-3 py-2 text-right font-semibold tabular-nums">{money(d.expectedCents)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(d.countedCents)}</td>
                  <td
                    className={`px-3 py-2 text-right font-semibold tabular-nums ${d.varianceCents ? "text-red-700" : ""}`}
                  >
                    {d.varianceCents === null
                      ? "—"
                      : varianceWords(d.varianceCents, (c) => formatCents(c, history.currency))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { getOrderHistory } from "@/lib/orders/get-order-history";
import { formatZonedDateTime } from "@/lib/time/zoned";
import { idSchema } from "@/lib/validation";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "Order history" };

/** One order's full history: every event and audited action, who, what and when (location time). */
export default async function OrderHistoryPage({ params }: { params: Promise<{ orderId: string }> }) {
  const ctx = await requireUser("audit.view");
  const { orderId } = await params;
  if (!idSchema.safeParse(orderId).success) notFound();
  const h = await orNotFound(getOrderHistory(ctx, { orderId }));
  const o = h.order;
  const when = (iso: string) => formatZonedDateTime(new Date(iso), h.timeZone);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">Order #{o.number}</h1>
        <p className="text-gray-600" data-testid="order-summary">
          {o.tableLabel ? `Table ${o.tableLabel}` : "No table"}
          {o.serverName ? ` · ${o.serverName}` : ""} · {o.status.toLowerCase().replace("_", " ")} · opened{" "}
          {when(o.openedAt)}
          {o.closedAt ? ` · closed ${when(o.closedAt)}` : ""} ({h.timeZone})
        </p>
      </div>
      <Card title="History">
        {h.entries.length === 0 ? (
          <EmptyState title="Nothing recorded for this order yet" />
        ) : (
          <ScrollRegion label="Order history">
            <table className="w-full min-w-[44rem] text-left text-sm" data-testid="order-history">
              <thead className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
                <tr>
                  <th scope="col" className="px-2 py-2">
                    When
                  </th>
                  <th scope="col" className="px-2 py-2">
                    Who
                  </th>
                  <th scope="col" className="px-2 py-2">
                    What
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {h.entries.map((e) => (
                  <tr key={`${e.kind}-${e.id}`} data-type={e.type}>
                    <td className="whitespace-nowrap px-2 py-2 tabular-nums">{when(e.at)}</td>
                    <td className="px-2 py-2">{e.who ?? <span className="text-gray-500">System</span>}</td>
                    <td className="px-2 py-2">
                      {e.what}
                      {e.kind === "audit" && (
                        <>
                          {" "}
                          <span className="rounded bg-gray-100 px-1.5 text-xs font-semibold text-gray-700">audit</span>
                          {e.details && Object.keys(e.details).length > 0 && (
                            <code className="mt-1 block whitespace-pre-wrap break-all text-xs text-gray-600">
                              {JSON.stringify(e.details)}
                            </code>
                          )}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Card>
    </div>
  );
}

"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ConnectionPill } from "@/components/realtime/connection-pill";
import { fetchJson } from "@/components/realtime/fetch-json";
import { EmptyState } from "@/components/ui/empty-state";
import type { OpenCheckRow } from "@/lib/checks/list-open-checks";
import type { Jsonify } from "@/lib/jsonify";
import { formatCents } from "@/lib/money";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { useFloorRealtime } from "../../_components/use-floor-realtime";
import { ageLabel } from "../../tables/[tableId]/_components/check-figures";

export type OpenCheckView = Jsonify<OpenCheckRow>;

const STATE: Record<string, { label: string; badge: string }> = {
  UNPAID: { label: "Unpaid", badge: "bg-amber-100 text-amber-900" },
  PARTLY_PAID: { label: "Part paid", badge: "bg-blue-100 text-blue-900" },
  PAID: { label: "Paid", badge: "bg-green-700 text-white" },
};

/**
 * Open checks, oldest first: table, order, server, guests, due, paid, owed, age and payment
 * state. The floor channel refetches it on every order or table change; a tap opens the table's
 * order pad with its check panel.
 */
export function OpenChecks({
  initialOrders,
  config,
  locationId,
  currency,
}: {
  initialOrders: OpenCheckView[];
  config: PusherClientConfig;
  locationId: string;
  currency: string;
}) {
  const router = useRouter();
  const { data, isError, isFetching, refetch } = useQuery({
    queryKey: ["open-checks"],
    queryFn: () => fetchJson<{ orders: OpenCheckView[] }>("/api/v1/checks").then((r) => r.orders),
    initialData: initialOrders,
    refetchInterval: 30_000,
  });
  const realtime = useFloorRealtime(config, locationId);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);

  const owed = data.reduce((a, o) => a + o.owedCents, 0);
  const href = (o: OpenCheckView) => (o.table ? `/floor/tables/${o.table.id}?check=open` : null);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-black">Open checks</h1>
          <p className="text-gray-700" data-testid="open-checks-summary">
            {data.length} open · {formatCents(owed, currency)} owed
          </p>
        </div>
        <div className="flex items-center gap-2">
          {isError && (
            <button
              type="button"
              onClick={() => refetch()}
              className="min-h-11 rounded-lg bg-red-100 px-3 text-sm font-semibold text-red-800"
            >
              Couldn&apos;t refresh — retry
            </button>
          )}
          {isFetching && <span className="text-sm text-gray-600">Updating…</span>}
          <ConnectionPill state={realtime.state} lastEventAt={realtime.lastEventAt} error={realtime.error} />
        </div>
      </div>
      {data.length === 0 ? (
        <div className="rounded-2xl bg-white">
          <EmptyState title="No open checks">Every table is paid and closed.</EmptyState>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-2xl bg-white shadow-sm">
          <table className="w-full text-left" data-testid="open-checks">
            <thead className="border-b border-gray-200 text-sm uppercase tracking-wide text-gray-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Table
                </th>
                <th scope="col" className="px-3 py-2">
                  Order
                </th>
                <th scope="col" className="px-3 py-2">
                  Server
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Guests
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Due
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Paid
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Owed
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Age
                </th>
                <th scope="col" className="px-3 py-2">
                  State
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((o) => {
                const link = href(o);
                const st = STATE[o.paymentState] ?? STATE.UNPAID;
                return (
                  <tr
                    key={o.id}
                    data-testid="open-check-row"
                    data-order={o.number}
                    onClick={() => link && router.push(link)}
                    className={`border-b border-gray-100 last:border-0 ${link ? "cursor-pointer hover:bg-gray-50" : ""}`}
                  >
                    <td className="px-1 py-1">
                      {link ? (
                        <Link
                          href={link}
                          onClick={(e) => e.stopPropagation()}
                          className="inline-flex min-h-12 min-w-16 items-center rounded-lg px-2 text-xl font-black hover:bg-gray-100"
                        >
                          {o.table!.label}
                        </Link>
                      ) : (
                        <span className="px-2 text-gray-600">{o.source.toLowerCase()}</span>
                      )}
                    </td>
                    <td className="px-3 py-1 font-semibold">
                      #{o.number}
                      {o.checkCount > 1 && (
                        <span className="ml-1 text-sm font-normal text-gray-600">
                          {o.paidCheckCount}/{o.checkCount} checks paid
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-1">{o.server?.name ?? "—"}</td>
                    <td className="px-3 py-1 text-right">{o.guestCount}</td>
                    <td className="px-3 py-1 text-right">{formatCents(o.dueCents, currency)}</td>
                    <td className="px-3 py-1 text-right">{formatCents(o.paidCents, currency)}</td>
                    <td className="px-3 py-1 text-right text-lg font-black">{formatCents(o.owedCents, currency)}</td>
                    <td className="px-3 py-1 text-right tabular-nums">{ageLabel(o.openedAt, now)}</td>
                    <td className="px-3 py-1">
                      <span className={`rounded px-2 py-0.5 text-sm font-bold ${st.badge}`}>{st.label}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

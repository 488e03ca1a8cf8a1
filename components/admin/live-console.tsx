"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRealtime } from "@/components/realtime/use-realtime";
import { fetchJson } from "@/components/realtime/fetch-json";
import {
  FLOOR_EVENTS,
  INVENTORY_EVENTS,
  floorChannel,
  lowStockEventSchema,
  type LowStockEvent,
} from "@/lib/realtime/events";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { formatQuantity, type BaseUnitCode } from "@/lib/inventory/units";
import { toMilli } from "@/lib/inventory/quantity";

type LowStockItem = {
  ingredientId: string;
  name: string;
  baseUnit: BaseUnitCode;
  onHand: string;
  reorderPoint: string;
  out: boolean;
};

const qty = (v: string, unit: BaseUnitCode) => formatQuantity(toMilli(v), unit);

/** Floor events that change the dashboard's figures (tables in use, covers, bookings to seat). */
const MENU_PAGES = ["/admin/menu", "/admin/inventory"];

const DASHBOARD_EVENTS: readonly string[] = [
  FLOOR_EVENTS.tableChanged,
  FLOOR_EVENTS.orderChanged,
  FLOOR_EVENTS.reservationsChanged,
];

/**
 * The console's live layer: menu changes (86, auto-86, prices) refresh the page, and so do floor
 * changes while the dashboard is open; low-stock events pop an alert at once, and a 60 s poll of
 * the low-stock list covers missed events.
 */
export function LiveConsole({ config, locationId }: { config: PusherClientConfig; locationId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const onDashboard = pathname === "/admin";
  // Only pages that show menu data re-render on a menu change: refreshing every open console page
  // (and the nav prefetches a refresh brings) on each price or 86 loaded the server for nothing.
  const showsMenu = onDashboard || MENU_PAGES.some((p) => pathname === p || pathname.startsWith(p + "/"));
  const qc = useQueryClient();
  const [alerts, setAlerts] = useState<LowStockEvent["items"]>([]);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const low = useQuery({
    queryKey: ["inventory", "low-stock"],
    queryFn: () => fetchJson<{ items: LowStockItem[] }>("/api/v1/inventory/low-stock"),
    refetchInterval: 60_000,
  });

  const status = useRealtime({
    config,
    channel: floorChannel(locationId),
    onConnected: () => void qc.invalidateQueries({ queryKey: ["inventory"] }),
    onEvent: (name, data) => {
      if ((name === FLOOR_EVENTS.menuChanged && showsMenu) || (onDashboard && DASHBOARD_EVENTS.includes(name))) {
        // Coalesce bursts (a busy service sends many) into one refresh.
        if (refreshTimer.current) clearTimeout(refreshTimer.current);
        refreshTimer.current = setTimeout(() => router.refresh(), 500);
      } else if (name === INVENTORY_EVENTS.lowStock) {
        const parsed = lowStockEventSchema.safeParse(data);
        if (!parsed.success) return;
        setAlerts((a) =>
          [
            ...parsed.data.items,
            ...a.filter((x) => !parsed.data.items.some((p) => p.ingredientId === x.ingredientId)),
          ].slice(0, 5),
        );
        void qc.invalidateQueries({ queryKey: ["inventory"] });
        router.refresh();
      }
    },
  });
  useEffect(() => () => void (refreshTimer.current && clearTimeout(refreshTimer.current)), []);

  const count = low.data?.items.length ?? 0;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="live-console">
        <span
          className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 font-semibold ${status.state === "live" ? "bg-green-100 text-green-800" : "bg-gray-100 text-gray-700"}`}
        >
          <span
            aria-hidden
            className={`h-2 w-2 rounded-full ${status.state === "live" ? "bg-green-600" : "bg-gray-400"}`}
          />
          {status.state === "live"
            ? "Live"
            : status.state === "connecting"
              ? "Connecting…"
              : "Offline — checking every minute"}
        </span>
        {count > 0 && (
          <Link
            href="/admin/inventory/reorder"
            className="rounded-full bg-amber-100 px-2.5 py-1 font-semibold text-amber-900 hover:bg-amber-200"
            data-testid="low-stock-count"
          >
            {count} ingredient{count === 1 ? "" : "s"} at or below reorder point →
          </Link>
        )}
      </div>
      {alerts.length > 0 && (
        <div
          role="alert"
          aria-live="assertive"
          className="rounded-xl border border-amber-300 bg-amber-50 p-3"
          data-testid="low-stock-alert"
        >
          <div className="flex items-start justify-between gap-3">
            <div>
              <p className="font-semibold text-amber-900">Low stock</p>
              <ul className="mt-1 text-sm text-amber-900">
                {alerts.map((a) => (
                  <li key={a.ingredientId}>
                    <Link className="underline" href={`/admin/inventory/ingredients/${a.ingredientId}`}>
                      {a.name}
                    </Link>
                    : {qty(a.onHand, a.baseUnit)} left (reorder at {qty(a.reorderPoint, a.baseUnit)})
                  </li>
                ))}
              </ul>
            </div>
            <div className="flex shrink-0 gap-2">
              <Link
                href="/admin/inventory/reorder"
                className="inline-flex min-h-11 items-center rounded-lg bg-amber-600 px-3 text-sm font-semibold text-white hover:bg-amber-700"
              >
                Reorder list
              </Link>
              <button
                type="button"
                onClick={() => setAlerts([])}
                className="min-h-11 rounded-lg px-3 text-sm font-semibold text-amber-900 hover:bg-amber-100"
              >
                Dismiss
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ConnectionPill } from "@/components/realtime/connection-pill";
import { fetchJson } from "@/components/realtime/fetch-json";
import { EmptyState } from "@/components/ui/empty-state";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { formatCents } from "@/lib/money";
import { useFloorRealtime } from "./use-floor-realtime";

export type FloorTable = {
  id: string;
  label: string;
  seats: number;
  status: string;
  statusAt: string;
  openOrder: {
    id: string;
    number: number;
    status: string;
    totalCents: number;
    guestCount: number;
    openedAt: string;
    server: { name: string } | null;
  } | null;
};
export type FloorAreaView = { id: string; name: string; tables: FloorTable[] };

const STATUS: Record<string, { label: string; tile: string; dot: string }> = {
  FREE: { label: "Free", tile: "border-gray-300 bg-white", dot: "bg-gray-300" },
  SEATED: { label: "Seated", tile: "border-blue-500 bg-blue-50", dot: "bg-blue-500" },
  ORDERED: { label: "Ordered", tile: "border-amber-500 bg-amber-50", dot: "bg-amber-500" },
  FOOD_READY: {
    label: "Food ready",
    // Only a dot pulses, never the label: fading text fails contrast (and readability).
    tile: "border-green-700 bg-green-100 ring-4 ring-green-500",
    dot: "bg-green-600",
  },
  NEEDS_ATTENTION: {
    label: "Needs attention",
    tile: "border-red-600 bg-red-50 ring-4 ring-red-300",
    dot: "bg-red-600",
  },
};

function minutesSince(iso: string, now: number) {
  return Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
}

/** Live floor plan for tablets: every tablet sees the same statuses within a second. */
export function FloorView({
  initialAreas,
  config,
  locationId,
  currency,
}: {
  initialAreas: FloorAreaView[];
  config: PusherClientConfig;
  locationId: string;
  currency: string;
}) {
  const { data, isError, refetch, isFetching } = useQuery({
    queryKey: ["floor"],
    queryFn: () => fetchJson<{ areas: FloorAreaView[] }>("/api/v1/floor").then((r) => r.areas),
    initialData: initialAreas,
    refetchInterval: 30_000,
  });
  const status = useFloorRealtime(config, locationId);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);

  if (data.length === 0) return <EmptyState title="No floor plan yet">A manager can add areas and tables.</EmptyState>;
  const counts = data
    .flatMap((a) => a.tables)
    .reduce<Record<string, number>>((acc, t) => ({ ...acc, [t.status]: (acc[t.status] ?? 0) + 1 }), {});

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ul className="flex flex-wrap gap-3 text-sm" aria-label="Table statuses">
          {Object.entries(STATUS).map(([key, s]) => (
            <li key={key} className="flex items-center gap-1.5">
              <span aria-hidden className={`h-3 w-3 rounded-full ${s.dot}`} />
              {s.label} <span className="font-semibold">{counts[key] ?? 0}</span>
            </li>
          ))}
        </ul>
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
          <ConnectionPill state={status.state} lastEventAt={status.lastEventAt} error={status.error} />
        </div>
      </div>
      {data.map((area) => (
        <section key={area.id} aria-labelledby={`area-${area.id}`}>
          <h2 id={`area-${area.id}`} className="mb-3 text-lg font-bold">
            {area.name}
          </h2>
          {area.tables.length === 0 ? (
            <EmptyState title="No tables in this area" />
          ) : (
            <ul className="grid grid-cols-4 gap-3 sm:grid-cols-5 lg:grid-cols-7" data-testid="table-grid">
              {area.tables.map((t) => {
                const s = STATUS[t.status] ?? STATUS.FREE;
                const o = t.openOrder;
                return (
                  <li key={t.id}>
                    <Link
                      href={`/floor/tables/${t.id}`}
                      data-testid="table-tile"
                      data-status={t.status}
                      data-label={t.label}
                      aria-label={`Table ${t.label}, ${s.label}${o ? `, order ${o.number}` : ""}`}
                      className={`flex min-h-28 flex-col justify-between rounded-xl border-2 p-3 shadow-sm transition active:scale-[0.98] ${s.tile}`}
                    >
                      <div className="flex items-baseline justify-between gap-1">
                        <span className="text-3xl font-black">{t.label}</span>
                        <span className="text-xs text-gray-600">
                          {o ? `${o.guestCount}/${t.seats}` : t.seats} seats
                        </span>
                      </div>
                      <div className="text-sm">
                        <p className="flex items-center gap-1.5 whitespace-nowrap font-bold">
                          {t.status === "FOOD_READY" && (
                            <span
                              aria-hidden
                              className="h-2.5 w-2.5 shrink-0 rounded-full bg-green-700 motion-safe:animate-pulse"
                            />
                          )}
                          {s.label}
                        </p>
                        {o ? (
                          <>
                            <p className="truncate text-gray-700">
                              #{o.number} · {minutesSince(o.openedAt, now)} min
                            </p>
                            <p className="truncate font-semibold text-gray-800">
                              {formatCents(o.totalCents, currency)}
                            </p>
                          </>
                        ) : (
                          <p className="text-gray-500">Tap to seat</p>
                        )}
                      </div>
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

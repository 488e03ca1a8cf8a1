"use client";

import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ConnectionPill } from "@/components/realtime/connection-pill";
import { fetchJson } from "@/components/realtime/fetch-json";
import { EmptyState } from "@/components/ui/empty-state";
import { GuestPhoneBadge } from "@/components/guest-phone-badge";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { formatCents } from "@/lib/money";
import { clearTableAction } from "../checks-actions";
import { GuestTray } from "./guest-tray";
import { useFloorRealtime } from "./use-floor-realtime";

export type FloorTable = {
  id: string;
  label: string;
  seats: number;
  shape: string;
  posX: number;
  posY: number;
  width: number;
  height: number;
  rotation: number;
  status: string;
  statusAt: string;
  openOrder: {
    id: string;
    number: number;
    status: string;
    totalCents: number;
    dueCents: number;
    paidCents: number;
    paymentState: "UNPAID" | "PARTLY_PAID" | "PAID";
    guestCount: number;
    openedAt: string;
    server: { name: string } | null;
  } | null;
  /** Pushed together with other tables for one party: the primary holds the order (ADR 0033). */
  group: { primaryId: string; labels: string[] } | null;
  /** The party orders from their phones too (an active guest session, ADR 0034). */
  guestOrdering: boolean;
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
  NEEDS_BUSSING: {
    label: "Needs bussing",
    tile: "border-dashed border-gray-600 bg-gray-200",
    dot: "bg-gray-600",
  },
};

const PAYMENT: Record<string, { label: string; badge: string } | undefined> = {
  PARTLY_PAID: { label: "Part paid", badge: "bg-blue-700 text-white" },
  PAID: { label: "Paid", badge: "bg-green-700 text-white" },
};

/** Cells shown across/down: the room's furthest table, with a floor so small rooms stay readable. */
function roomSize(tables: FloorTable[]) {
  return {
    cols: Math.max(8, ...tables.map((t) => t.posX + t.width)),
    rows: Math.max(4, ...tables.map((t) => t.posY + t.height)),
  };
}

/**
 * One area as the room is: each table at its cell, size, shape and angle. Positions are
 * percentages of the room, so the plan scales to the tablet; a room wider than 22 cells scrolls
 * sideways rather than shrink tables under a finger's width.
 */
function Room({ tables, now, currency }: { tables: FloorTable[]; now: number; currency: string }) {
  const { cols, rows } = roomSize(tables);
  return (
    <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white/60 p-2">
      <ul
        className="relative"
        style={{ aspectRatio: `${cols} / ${rows}`, minWidth: `${cols * 44}px` }}
        data-testid="table-grid"
        aria-label="Tables as placed in the room"
      >
        {tables.map((t) => {
          const s = STATUS[t.status] ?? STATUS.FREE;
          const o = t.openOrder;
          return (
            <li
              key={t.id}
              className="absolute p-1"
              style={{
                left: `${(t.posX / cols) * 100}%`,
                top: `${(t.posY / rows) * 100}%`,
                width: `${(t.width / cols) * 100}%`,
                height: `${(t.height / rows) * 100}%`,
              }}
            >
              {t.status === "NEEDS_BUSSING" && !o ? (
                <ClearedTile table={t} tileClass={s.tile} />
              ) : (
                <Link
                  href={`/floor/tables/${t.group?.primaryId ?? t.id}`}
                  data-testid="table-tile"
                  data-status={t.status}
                  data-label={t.label}
                  data-group={t.group?.labels.join("+")}
                  aria-label={`Table ${t.label}, ${s.label}${t.group ? `, joined ${t.group.labels.join("+")}` : ""}${o ? `, order ${o.number}` : ""}${o && PAYMENT[o.paymentState] ? `, ${PAYMENT[o.paymentState]!.label.toLowerCase()}` : ""}${t.guestOrdering ? ", guests ordering by phone" : ""}`}
                  data-payment={o?.paymentState}
                  className="relative flex h-full w-full flex-col items-center justify-center overflow-hidden text-center transition active:scale-[0.98]"
                >
                  {/* The shape turns with the table; the writing stays upright. */}
                  <span
                    aria-hidden
                    className={`absolute inset-0 border-2 shadow-sm ${s.tile} ${t.group ? "!border-4 !border-violet-600" : ""} ${t.shape === "ROUND" ? "rounded-full" : "rounded-xl"}`}
                    style={{ transform: t.rotation ? `rotate(${t.rotation}deg)` : undefined }}
                  />
                  {t.guestOrdering && <GuestPhoneBadge />}
                  <span className="relative text-2xl font-black leading-none">{t.label}</span>
                  {t.group ? (
                    <span
                      data-testid="tile-group"
                      className="relative rounded bg-violet-700 px-1.5 text-xs font-bold leading-tight text-white"
                    >
                      {t.group.labels.join("+")}
                    </span>
                  ) : null}
                  <span className="relative flex items-center gap-1 text-xs font-bold leading-tight">
                    {t.status === "FOOD_READY" && (
                      <span
                        aria-hidden
                        className="h-2 w-2 shrink-0 rounded-full bg-green-700 motion-safe:animate-pulse"
                      />
                    )}
                    {s.label}
                  </span>
                  {o ? (
                    <span className="relative text-xs leading-tight text-gray-800">
                      #{o.number} · {minutesSince(o.openedAt, now)}m · {formatCents(o.totalCents, currency)}
                    </span>
                  ) : null}
                  {o && PAYMENT[o.paymentState] ? (
                    <span
                      data-testid="tile-payment"
                      className={`relative mt-0.5 rounded px-1.5 text-xs font-bold leading-tight ${PAYMENT[o.paymentState]!.badge}`}
                    >
                      {PAYMENT[o.paymentState]!.label}
                    </span>
                  ) : o ? null : (
                    <span className="relative text-xs leading-tight text-gray-700">{t.seats} seats</span>
                  )}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * A paid party left and the location wants the table reset first (Location.bussingStep): the whole
 * tile is the "Cleared" button (NEEDS_BUSSING → FREE), big enough on the smallest two-top.
 */
function ClearedTile({ table, tileClass }: { table: FloorTable; tileClass: string }) {
  const qc = useQueryClient();
  const [state, setState] = useState<"idle" | "busy" | "error">("idle");
  return (
    <button
      type="button"
      data-testid="table-tile"
      data-status={table.status}
      data-label={table.label}
      aria-label={`Table ${table.label}, needs bussing: mark it cleared`}
      disabled={state === "busy"}
      onClick={async () => {
        setState("busy");
        try {
          const res = await clearTableAction({ tableId: table.id });
          setState(res.ok ? "idle" : "error");
        } catch {
          setState("error");
        }
        void qc.invalidateQueries({ queryKey: ["floor"] });
      }}
      className="relative flex h-full w-full flex-col items-center justify-center overflow-hidden text-center transition active:scale-[0.98]"
    >
      <span
        aria-hidden
        className={`absolute inset-0 border-2 shadow-sm ${tileClass} ${table.shape === "ROUND" ? "rounded-full" : "rounded-xl"}`}
        style={{ transform: table.rotation ? `rotate(${table.rotation}deg)` : undefined }}
      />
      <span className="relative text-2xl font-black leading-none">{table.label}</span>
      <span className="relative mt-0.5 rounded bg-gray-900 px-1.5 text-xs font-bold leading-tight text-white">
        {state === "busy" ? "Clearing…" : state === "error" ? "Retry" : "Cleared"}
      </span>
    </button>
  );
}

function minutesSince(iso: string, now: number) {
  return Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
}

/** Live floor plan for tablets: every tablet sees the same statuses within a second. */
export function FloorView({
  initialAreas,
  config,
  locationId,
  currency,
  hostStandLink = false,
  onlineOrdersLink = false,
}: {
  initialAreas: FloorAreaView[];
  config: PusherClientConfig;
  locationId: string;
  currency: string;
  /** Servers and managers: the host stand is not in their (full) header. */
  hostStandLink?: boolean;
  /** Pickup and delivery orders (the header has no room for it for those who take payments). */
  onlineOrdersLink?: boolean;
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
      <GuestTray currency={currency} />
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
          {/* The surface header has no room left at 1024 px (admin's location switcher): the link lives here. */}
          <Link
            href="/floor/checks"
            className="inline-flex min-h-11 items-center rounded-lg bg-white px-3 font-semibold shadow-sm hover:bg-gray-50"
          >
            Open checks
          </Link>
          {hostStandLink && (
            <Link
              href="/floor/host"
              className="inline-flex min-h-11 items-center rounded-lg bg-white px-3 font-semibold shadow-sm hover:bg-gray-50"
            >
              Host stand
            </Link>
          )}
          {onlineOrdersLink && (
            <Link
              href="/floor/online"
              className="inline-flex min-h-11 items-center rounded-lg bg-white px-3 font-semibold shadow-sm hover:bg-gray-50"
            >
              Online
            </Link>
          )}
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
            <Room tables={area.tables} now={now} currency={currency} />
          )}
        </section>
      ))}
    </div>
  );
}

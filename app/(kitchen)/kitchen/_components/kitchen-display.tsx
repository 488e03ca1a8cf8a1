"use client";

import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ConnectionPill } from "@/components/realtime/connection-pill";
import { fetchJson } from "@/components/realtime/fetch-json";
import { useSequencedFeed } from "@/components/realtime/use-sequenced-feed";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import type { StationSnapshot } from "@/lib/kitchen/get-station-snapshot";
import { concernsStation, kitchenChannel, TICKET_CHANGING_TYPES, type KitchenEvent, type KitchenReplay } from "@/lib/realtime/events";
import { allDayCounts } from "@/lib/kitchen/station-routing";
import type { ActionResult } from "@/lib/http/action";
import { bumpItemsAction, markTicketReadyAction, recallTicketAction } from "../actions";
import { TicketCard, type TicketView } from "./ticket-card";
import { useChime } from "./use-chime";
import { useNow } from "./use-now";
import type { Jsonify } from "./types";

export type SnapshotView = Jsonify<StationSnapshot>;

/** Chime when a ticket appears, gains a line or a line is voided (whatever path the data took). */
function ticketChanges(prev: Map<string, string[]>, tickets: TicketView[]): "new" | "void" | null {
  let change: "new" | "void" | null = null;
  for (const t of tickets) {
    const before = prev.get(t.key);
    const now = t.items.map((i) => `${i.id}:${i.status}`);
    if (!before) change ??= "new";
    else if (now.some((x) => !before.includes(x))) {
      if (now.some((x) => x.endsWith(":VOIDED") && !before.includes(x))) return "void";
      change ??= "new";
    }
  }
  return change;
}

/**
 * The kitchen display for one station (or expo): tickets from a snapshot, kept current by the
 * seq'd kitchen channel with gap detection and replay, bumped by touch, mouse or a bump bar.
 */
export function KitchenDisplay({ initial, config, locationId }: { initial: SnapshotView; config: PusherClientConfig; locationId: string }) {
  const qc = useQueryClient();
  const { station } = initial;
  const queryKey = useMemo(() => ["kitchen-snapshot", station.slug], [station.slug]);
  const { data, dataUpdatedAt, isError, refetch } = useQuery({
    queryKey,
    queryFn: () => fetchJson<SnapshotView>(`/api/v1/kitchen/snapshot?station=${encodeURIComponent(station.slug)}`),
    initialData: initial,
    staleTime: Infinity, // refetched on events, gaps and the safety timer — not on a whim
    refetchOnWindowFocus: false,
  });

  const chime = useChime();
  const { play } = chime;
  const refetchSoon = useRef<ReturnType<typeof setTimeout> | null>(null);
  const invalidate = useCallback(() => {
    // Coalesce bursts (a busy pass sends several events per second) into one refetch.
    if (refetchSoon.current) return;
    refetchSoon.current = setTimeout(() => {
      refetchSoon.current = null;
      void qc.invalidateQueries({ queryKey });
    }, 120);
  }, [qc, queryKey]);

  const feed = useSequencedFeed({
    config,
    channel: kitchenChannel(locationId),
    initialSeq: initial.seq,
    fetchReplay: (after) => fetchJson<KitchenReplay>(`/api/v1/kitchen/events?after=${after}`),
    onEvents: (events: KitchenEvent[]) => {
      if (events.some((e) => TICKET_CHANGING_TYPES.includes(e.type) && concernsStation(e, station))) invalidate();
    },
    onResync: () => void refetch(),
  });
  const { advanceTo } = feed;
  useEffect(() => advanceTo(data.seq), [data.seq, advanceTo]);

  // Chime on changes to this screen's tickets (diffed, so replays and resyncs chime too).
  const seen = useRef<Map<string, string[]> | null>(null);
  useEffect(() => {
    const map = new Map(data.tickets.map((t) => [t.key, t.items.map((i) => `${i.id}:${i.status}`)]));
    if (seen.current) {
      const change = ticketChanges(seen.current, data.tickets);
      if (change) play(change);
    }
    seen.current = map;
  }, [data.tickets, play]);

  const now = useNow(1000);
  // Timers follow the server's clock, not the tablet's (a skewed clock must not make food look late).
  const offset = useMemo(() => Date.parse(data.serverTime) - dataUpdatedAt, [data.serverTime, dataUpdatedAt]);

  const [selected, setSelected] = useState(0);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showAllDay, setShowAllDay] = useState(!station.isExpo);
  const [showRecall, setShowRecall] = useState(false);
  const tickets = data.tickets;
  const sel = Math.min(selected, Math.max(0, tickets.length - 1));

  async function act<T>(key: string, fn: () => Promise<ActionResult<T>>, optimistic?: (s: SnapshotView) => SnapshotView) {
    setPending(key);
    setError(null);
    const before = qc.getQueryData<SnapshotView>(queryKey);
    if (optimistic && before) qc.setQueryData<SnapshotView>(queryKey, optimistic(before));
    try {
      const res = await fn();
      if (!res.ok) {
        setError(res.error);
        if (before) qc.setQueryData(queryKey, before);
      }
    } catch {
      setError("Couldn't reach the server — nothing was changed. Try again.");
      if (before) qc.setQueryData(queryKey, before);
    } finally {
      setPending(null);
      invalidate();
    }
  }

  const withoutItems = (ids: string[]) => (s: SnapshotView): SnapshotView => {
    const ticketsLeft = s.tickets
      .map((t) => ({ ...t, items: station.isExpo ? t.items.map((i) => (ids.includes(i.id) ? { ...i, bumpedAt: new Date().toISOString() } : i)) : t.items.filter((i) => !ids.includes(i.id)) }))
      .filter((t) => t.items.length > 0)
      .map((t) => ({ ...t, allBumped: t.items.every((i) => i.status === "VOIDED" || i.bumpedAt != null) && !t.allVoided }));
    return { ...s, tickets: ticketsLeft, allDay: allDayCounts(ticketsLeft) };
  };

  const bumpItems = (t: TicketView, ids: string[]) =>
    act(`bump:${t.key}`, () => bumpItemsAction({ station: station.slug, orderItemIds: ids }), withoutItems(ids));
  const bumpTicket = (t: TicketView) => {
    const ids = t.items.filter((i) => i.bumpedAt == null).map((i) => i.id);
    if (ids.length) void bumpItems(t, ids);
  };
  const ready = (t: TicketView) =>
    act(`ready:${t.key}`, () => markTicketReadyAction({ orderId: t.orderId, fireBatch: t.fireBatch }), (s) => ({ ...s, tickets: s.tickets.filter((x) => x.key !== t.key) }));
  const recall = (ticket?: string) => act("recall", () => recallTicketAction({ station: station.slug, ticket }));

  const keys = useRef({ tickets, sel, bumpTicket, ready, recall });
  useEffect(() => {
    keys.current = { tickets, sel, bumpTicket, ready, recall };
  });
  useEffect(() => {
    // Bump bars are keyboards: digits select, Enter/B bumps, R recalls, arrows move.
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.metaKey || e.ctrlKey || e.altKey) return;
      const k = keys.current;
      const current = k.tickets[k.sel];
      if (/^[1-9]$/.test(e.key)) setSelected(Number(e.key) - 1);
      else if (e.key === "ArrowRight" || e.key === "ArrowDown") setSelected(Math.min(k.sel + 1, Math.max(0, k.tickets.length - 1)));
      else if (e.key === "ArrowLeft" || e.key === "ArrowUp") setSelected(Math.max(0, k.sel - 1));
      else if ((e.key === "Enter" || e.key.toLowerCase() === "b") && current) {
        if (station.isExpo) {
          if (current.allBumped) void k.ready(current);
        } else void k.bumpTicket(current);
      } else if (e.key.toLowerCase() === "r") void k.recall();
      else if (e.key.toLowerCase() === "a") setShowAllDay((v) => !v);
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [station.isExpo]);

  const h = feed.health;
  return (
    <div className="flex min-h-screen flex-col" data-testid="kitchen-display" data-station={station.slug} data-seq={h.seq}>
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-gray-800 bg-black px-4 py-2">
        <div className="flex items-center gap-4">
          <Link href="/kitchen" className="inline-flex min-h-11 items-center rounded-lg px-2 text-lg text-gray-300 hover:bg-gray-900" aria-label="All stations">
            ☰
          </Link>
          <h1 className="text-4xl font-black">{station.name}</h1>
          <span className="text-2xl font-bold text-gray-300" data-testid="ticket-count">
            {tickets.length} ticket{tickets.length === 1 ? "" : "s"}
          </span>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <ConnectionPill dark large state={h.state} lastEventAt={h.lastEventAt} serverUnreachable={h.serverUnreachable} error={h.error} />
          <button
            type="button"
            onClick={() => (chime.enabled ? chime.disable() : void chime.enable())}
            className={`min-h-12 rounded-lg px-4 text-lg font-bold ${chime.enabled ? "bg-gray-800 text-white" : "bg-amber-400 text-black"}`}
            data-testid="sound-toggle"
          >
            {chime.enabled ? "Sound on" : "Enable sound"}
          </button>
          <button type="button" aria-pressed={showAllDay} onClick={() => setShowAllDay((v) => !v)} className="min-h-12 rounded-lg bg-gray-800 px-4 text-lg font-bold">
            All day (A)
          </button>
          <button type="button" aria-expanded={showRecall} onClick={() => setShowRecall((v) => !v)} className="min-h-12 rounded-lg bg-gray-800 px-4 text-lg font-bold">
            Recall (R){data.recentlyBumped.length ? ` · ${data.recentlyBumped.length}` : ""}
          </button>
        </div>
      </header>

      {(error || isError) && (
        <p role="alert" className="bg-red-700 px-4 py-2 text-xl font-bold text-white">
          {error ?? "Could not refresh tickets; retrying."}{" "}
          <button type="button" className="underline" onClick={() => (setError(null), void refetch())}>
            Refresh now
          </button>
        </p>
      )}

      {showRecall && (
        <section aria-label="Recently bumped" className="flex flex-wrap items-center gap-2 border-b border-gray-800 bg-gray-900 px-4 py-2">
          <span className="text-lg font-bold text-gray-300">Recall:</span>
          {data.recentlyBumped.length === 0 && <span className="text-gray-400">nothing bumped recently</span>}
          {data.recentlyBumped.map((r) => (
            <button key={r.key} type="button" disabled={pending === "recall"} onClick={() => void recall(r.key)} className="min-h-12 rounded-lg bg-gray-700 px-4 text-lg font-bold">
              {r.tableLabel ? `T${r.tableLabel}` : "Counter"} #{r.orderNumber}
            </button>
          ))}
        </section>
      )}

      <div className="flex flex-1 gap-4 p-4">
        <main className="flex-1">
          {tickets.length === 0 ? (
            <p className="mt-16 text-center text-3xl text-gray-400" data-testid="station-empty">
              No tickets. New orders appear here live.
            </p>
          ) : (
            <div className="grid grid-cols-[repeat(auto-fill,minmax(19rem,1fr))] items-start gap-4" data-testid="ticket-grid">
              {tickets.map((t, i) => (
                <TicketCard
                  key={t.key}
                  ticket={t}
                  index={i}
                  selected={i === sel}
                  expo={station.isExpo}
                  now={now + offset}
                  thresholds={data.thresholds}
                  pending={pending?.endsWith(t.key) ?? false}
                  onSelect={() => setSelected(i)}
                  onBumpItem={(id) => void bumpItems(t, [id])}
                  onBumpTicket={() => bumpTicket(t)}
                  onReady={() => void ready(t)}
                />
              ))}
            </div>
          )}
        </main>
        {showAllDay && (
          <aside aria-label="All day" className="w-64 shrink-0 rounded-2xl border-2 border-gray-800 p-3" data-testid="all-day">
            <h2 className="mb-2 text-2xl font-black">All day</h2>
            {data.allDay.length === 0 ? (
              <p className="text-lg text-gray-400">—</p>
            ) : (
              <ul className="space-y-1">
                {data.allDay.map((a) => (
                  <li key={a.name} className="flex justify-between gap-2 text-xl">
                    <span className="truncate">{a.name}</span>
                    <span className="font-black tabular-nums">{a.quantity}</span>
                  </li>
                ))}
              </ul>
            )}
          </aside>
        )}
      </div>
      <footer className="border-t border-gray-800 px-4 py-1 text-base text-gray-400">
        1–9 select · ←→ move · Enter/B {station.isExpo ? "ready" : "bump"} · R recall · A all day · tap a line to bump it
      </footer>
    </div>
  );
}

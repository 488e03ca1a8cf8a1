"use client";

import Link from "next/link";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ConnectionPill } from "@/components/realtime/connection-pill";
import { fetchJson } from "@/components/realtime/fetch-json";
import { useSequencedFeed } from "@/components/realtime/use-sequenced-feed";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";

import {
  concernsStation,
  kitchenChannel,
  TICKET_CHANGING_TYPES,
  type KitchenEvent,
  type KitchenReplay,
} from "@/lib/realtime/events";

import { bumpItemsAction, markTicketReadyAction, recallTicketAction } from "../actions";
import { TicketCard, type TicketView } from "./ticket-card";
import { useBoardFit } from "./use-board-fit";

import { useNow } from "./use-now";

import { withoutItems, withoutTicket } from "./board-edits";
import type { SnapshotView } from "./snapshot-view";
import { useBoardWrites } from "./use-board-writes";
import { useBumpBarKeys } from "./use-bump-bar-keys";
import { useTicketChime } from "./use-ticket-chime";

export type { SnapshotView };

/**
 * The kitchen display for one station (or expo): one page of tickets from a bounded snapshot,
 * kept current by the seq'd kitchen channel with gap detection and replay, bumped by touch,
 * mouse or a bump bar. The board never scrolls: tickets that do not fit are counted on
 * "N more →" (PageDown) and shown on the next page, oldest first.
 */
export function KitchenDisplay({
  initial,
  config,
  locationId,
}: {
  initial: SnapshotView;
  config: PusherClientConfig;
  locationId: string;
}) {
  const qc = useQueryClient();
  const { station } = initial;
  const [offset, setOffset] = useState(0);
  const [earlier, setEarlier] = useState<number[]>([]);
  const baseKey = useMemo(() => ["kitchen-snapshot", station.slug], [station.slug]);
  const queryKey = useMemo(() => [...baseKey, offset], [baseKey, offset]);
  const query = useQuery({
    queryKey,
    queryFn: () =>
      fetchJson<SnapshotView>(`/api/v1/kitchen/snapshot?station=${encodeURIComponent(station.slug)}&offset=${offset}`),
    initialData: offset === 0 ? initial : undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity, // refetched on events, gaps and the safety timer — not on a whim
    refetchOnWindowFocus: false,
  });
  const { dataUpdatedAt, isError, refetch, isPlaceholderData } = query;
  const data = query.data ?? initial;

  const refetchSoon = useRef<ReturnType<typeof setTimeout> | null>(null);
  const invalidate = useCallback(() => {
    // Coalesce bursts (a busy pass sends several events per second) into one refetch.
    if (refetchSoon.current) return;
    refetchSoon.current = setTimeout(() => {
      refetchSoon.current = null;
      void qc.invalidateQueries({ queryKey: baseKey });
    }, 120);
  }, [qc, baseKey]);

  const feed = useSequencedFeed({
    config,
    channel: kitchenChannel(locationId),
    initialSeq: initial.seq,
    fetchReplay: (after) => fetchJson<KitchenReplay>(`/api/v1/kitchen/events?after=${after}`),
    onEvents: (events: KitchenEvent[]) => {
      // A void reaches stations making a side of the voided dish too: cheap, voids are rare.
      if (
        events.some(
          (e) => TICKET_CHANGING_TYPES.includes(e.type) && (concernsStation(e, station) || e.type.endsWith("voided")),
        )
      )
        invalidate();
    },
    onResync: () => void refetch(),
  });
  const { advanceTo } = feed;
  useEffect(() => advanceTo(data.seq), [data.seq, advanceTo]);

  // The server starts again from the first page when this one emptied out.
  useEffect(() => {
    if (!isPlaceholderData && data.page.offset !== offset) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the server moved the page (it emptied out); follow it once the answer is real
      setOffset(data.page.offset);
      setEarlier([]);
    }
  }, [data.page.offset, offset, isPlaceholderData]);

  const chime = useTicketChime(data);

  const now = useNow(1000);
  // Timers follow the server's clock, not the tablet's (a skewed clock must not make food look late).
  const offsetMs = useMemo(() => Date.parse(data.serverTime) - dataUpdatedAt, [data.serverTime, dataUpdatedAt]);

  const [selected, setSelected] = useState(0);
  const [showAllDay, setShowAllDay] = useState(!station.isExpo);
  const [showRecall, setShowRecall] = useState(false);

  const boardRef = useRef<HTMLDivElement>(null);
  const contentKey = data.tickets
    .map((t) => `${t.key}:${t.items.map((i) => `${i.id}${i.status}`).join(",")}`)
    .join("|");
  const fit = useBoardFit(boardRef, contentKey);
  const tickets = fit == null ? data.tickets : data.tickets.slice(0, fit);
  const shownTo = data.page.offset + tickets.length;
  const more = Math.max(0, data.page.ticketCount - shownTo);
  const sel = Math.min(selected, Math.max(0, tickets.length - 1));

  const nextPage = useCallback(() => {
    if (fit == null || more === 0 || tickets.length === 0) return;
    setEarlier((e) => [...e, offset]);
    setOffset(data.page.offset + tickets.length);
    setSelected(0);
  }, [fit, more, tickets.length, offset, data.page.offset]);
  const previousPage = useCallback(() => {
    if (offset === 0) return;
    setOffset(earlier.at(-1) ?? 0);
    setEarlier((e) => e.slice(0, -1));
    setSelected(0);
  }, [offset, earlier]);

  const { write, pending, error, clearError } = useBoardWrites(queryKey, station.slug, invalidate);

  const bumpItems = (t: TicketView, ids: string[]) =>
    write(
      `bump:${t.key}`,
      () => bumpItemsAction({ station: station.slug, orderItemIds: ids }),
      withoutItems(ids, station.isExpo),
    );
  const bumpTicket = (t: TicketView) => {
    const ids = t.items.filter((i) => i.bumpedAt == null).map((i) => i.id);
    if (ids.length) void bumpItems(t, ids);
  };
  const ready = (t: TicketView) =>
    write(
      `ready:${t.key}`,
      () => markTicketReadyAction({ orderId: t.orderId, fireBatch: t.fireBatch }),
      withoutTicket(t.key),
    );
  const recall = (ticket?: string) => write("recall", () => recallTicketAction({ station: station.slug, ticket }));

  useBumpBarKeys({
    select: setSelected,
    next: () => {
      if (sel >= tickets.length - 1 && more > 0) nextPage();
      else setSelected(Math.min(sel + 1, Math.max(0, tickets.length - 1)));
    },
    previous: () => {
      if (sel === 0) previousPage();
      else setSelected(sel - 1);
    },
    nextPage,
    previousPage,
    bump: () => {
      const current = tickets[sel];
      if (!current) return;
      if (station.isExpo) {
        if (current.allBumped) void ready(current);
      } else bumpTicket(current);
    },
    recall: () => void recall(),
    toggleAllDay: () => setShowAllDay((v) => !v),
  });

  const h = feed.health;
  const count = data.page.ticketCount;
  return (
    <div
      className="flex h-dvh flex-col overflow-hidden"
      data-testid="kitchen-display"
      data-station={station.slug}
      data-seq={h.seq}
    >
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-gray-800 bg-black px-4 py-2">
        <div className="flex items-center gap-4">
          <Link
            href="/kitchen"
            className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg px-2 text-lg text-gray-300 hover:bg-gray-900"
            aria-label="All stations"
          >
            ☰
          </Link>
          <h1 className="text-4xl font-black">{station.name}</h1>
          <span className="text-2xl font-bold text-gray-300" data-testid="ticket-count">
            {count} ticket{count === 1 ? "" : "s"}
          </span>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <ConnectionPill
            dark
            large
            state={h.state}
            lastEventAt={h.lastEventAt}
            serverUnreachable={h.serverUnreachable}
            error={h.error}
          />
          <button
            type="button"
            onClick={() => (chime.state === "on" ? chime.disable() : void chime.enable())}
            className={`min-h-12 rounded-lg px-4 text-lg font-bold ${chime.state === "on" ? "bg-gray-800 text-white" : "bg-amber-400 text-black"}`}
            data-testid="sound-toggle"
            data-state={chime.state}
          >
            {chime.state === "on" ? "Sound on" : chime.state === "waiting" ? "Tap anywhere for sound" : "Enable sound"}
          </button>
          <button
            type="button"
            aria-pressed={showAllDay}
            onClick={() => setShowAllDay((v) => !v)}
            className="min-h-12 rounded-lg bg-gray-800 px-4 text-lg font-bold"
          >
            All day (A)
          </button>
          <button
            type="button"
            aria-expanded={showRecall}
            onClick={() => setShowRecall((v) => !v)}
            className="min-h-12 rounded-lg bg-gray-800 px-4 text-lg font-bold"
          >
            Recall (R){data.recentlyBumped.length ? ` · ${data.recentlyBumped.length}` : ""}
          </button>
        </div>
      </header>

      {(error || isError) && (
        <p role="alert" className="bg-red-700 px-4 py-2 text-xl font-bold text-white">
          {error ?? "Could not refresh tickets; retrying."}{" "}
          <button type="button" className="min-h-11 underline" onClick={() => (clearError(), void refetch())}>
            Refresh now
          </button>
        </p>
      )}

      {showRecall && (
        <section
          aria-label="Recently bumped"
          className="flex flex-wrap items-center gap-2 border-b border-gray-800 bg-gray-900 px-4 py-2"
        >
          <span className="text-lg font-bold text-gray-300">Recall:</span>
          {data.recentlyBumped.length === 0 && <span className="text-gray-300">nothing bumped recently</span>}
          {data.recentlyBumped.map((r) => (
            <button
              key={r.key}
              type="button"
              disabled={pending === "recall"}
              onClick={() => void recall(r.key)}
              className="min-h-12 rounded-lg bg-gray-700 px-4 text-lg font-bold"
            >
              {r.tableLabel ? `T${r.tableLabel}` : "Counter"} #{r.orderNumber}
            </button>
          ))}
        </section>
      )}

      <div className="flex min-h-0 flex-1 gap-4 p-4">
        <main className="flex min-w-0 flex-1 flex-col gap-3">
          <div ref={boardRef} className="relative min-h-0 flex-1 overflow-hidden">
            {data.tickets.length === 0 ? (
              <p className="mt-16 text-center text-3xl text-gray-300" data-testid="station-empty">
                No tickets. New orders appear here live.
              </p>
            ) : (
              <div
                className="h-full [column-fill:auto] [column-gap:1rem] [column-width:19rem]"
                data-testid="ticket-grid"
              >
                {tickets.map((t, i) => (
                  <TicketCard
                    key={t.key}
                    ticket={t}
                    index={i}
                    selected={i === sel}
                    expo={station.isExpo}
                    now={now + offsetMs}
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
          </div>
          <nav
            aria-label="Ticket pages"
            className="flex min-h-12 shrink-0 items-center justify-between gap-3"
            data-testid="board-pages"
          >
            <button
              type="button"
              onClick={previousPage}
              disabled={offset === 0}
              className="min-h-12 rounded-lg bg-gray-800 px-5 text-xl font-black disabled:invisible"
              data-testid="page-earlier"
            >
              ← {data.page.offset} earlier
            </button>
            <span className="text-lg font-semibold text-gray-300" data-testid="page-range">
              {count === 0 ? "" : `Tickets ${Math.min(count, data.page.offset + 1)}–${shownTo} of ${count}`}
            </span>
            <button
              type="button"
              onClick={nextPage}
              disabled={more === 0}
              className="min-h-12 rounded-lg bg-amber-400 px-5 text-xl font-black text-black disabled:invisible"
              data-testid="page-more"
            >
              {more} more →
            </button>
          </nav>
        </main>
        {showAllDay && (
          <aside
            aria-label="All day"
            className="w-64 shrink-0 overflow-hidden rounded-2xl border-2 border-gray-800 p-3"
            data-testid="all-day"
          >
            <h2 className="mb-2 text-2xl font-black">All day</h2>
            {data.allDay.length === 0 ? (
              <p className="text-lg text-gray-300">—</p>
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
      <footer className="border-t border-gray-800 px-4 py-1 text-base text-gray-300">
        1–9 select · ←→ move · Enter/B {station.isExpo ? "ready" : "bump"} · PgDn/N next page · PgUp/P previous · R
        recall · A all day · tap a line to bump it
      </footer>
    </div>
  );
}

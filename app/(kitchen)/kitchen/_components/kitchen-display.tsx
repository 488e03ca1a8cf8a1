"use client";

import Link from "next/link";
import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { ConnectionPill } from "@/components/realtime/connection-pill";
import { ChecklistBoard } from "@/components/tasks/checklist-board";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";

import { bumpItemsAction, markTicketReadyAction, recallTicketAction, reprintChitAction } from "../actions";
import { AllDayPanel, BoardPager, RecallStrip } from "./board-parts";
import { ForecastStrip } from "./forecast-strip";
import { TicketCard, type TicketView } from "./ticket-card";
import { useBoardFit } from "./use-board-fit";

import { useNow } from "./use-now";

import { withoutItems, withoutTicket } from "./board-edits";
import type { SnapshotView } from "./snapshot-view";
import { useBoardWrites } from "./use-board-writes";
import { useBumpBarKeys } from "./use-bump-bar-keys";
import { useStationSnapshot } from "./use-station-snapshot";
import { useTicketChime } from "./use-ticket-chime";
import { TimeClockButton } from "@/components/time-clock/time-clock-button";

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
  deviceControls,
  printsChits = false,
}: {
  initial: SnapshotView;
  config: PusherClientConfig;
  locationId: string;
  /** The station has a kitchen printer: tickets offer "Print" (a re-print of their chit). */
  printsChits?: boolean;
  /** "Switch user" (an enrolled screen) or "Enroll device", rendered by the server. */
  deviceControls?: ReactNode;
}) {
  const { station } = initial;
  const { data, queryKey, invalidate, feed, isError, refetch, dataUpdatedAt, offset, turnPage, pageBack } =
    useStationSnapshot(initial, config, locationId);

  const chime = useTicketChime(data);

  const now = useNow(1000);
  // Timers follow the server's clock, not the tablet's (a skewed clock must not make food look late).
  const offsetMs = useMemo(() => Date.parse(data.serverTime) - dataUpdatedAt, [data.serverTime, dataUpdatedAt]);

  const [selected, setSelected] = useState(0);
  const [showAllDay, setShowAllDay] = useState(!station.isExpo);
  const [showRecall, setShowRecall] = useState(false);
  const [showTasks, setShowTasks] = useState(false);

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
    turnPage(data.page.offset + tickets.length);
    setSelected(0);
  }, [fit, more, tickets.length, turnPage, data.page.offset]);
  const previousPage = useCallback(() => {
    if (offset === 0) return;
    pageBack();
    setSelected(0);
  }, [offset, pageBack]);

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
  const reprint = (t: TicketView) =>
    write(`print:${t.key}`, () =>
      reprintChitAction({ orderId: t.orderId, fireBatch: t.fireBatch, stationId: station.id }),
    );

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
          {deviceControls}
          <TimeClockButton dark />
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
          <button
            type="button"
            aria-expanded={showTasks}
            aria-controls="station-checklists"
            onClick={() => setShowTasks((v) => !v)}
            className="min-h-12 rounded-lg bg-gray-800 px-4 text-lg font-bold"
            data-testid="checklists-toggle"
          >
            Checklists
          </button>
          <Link
            href="/kitchen/my-shifts"
            className="inline-flex min-h-12 items-center rounded-lg px-3 text-lg font-bold text-gray-300 hover:bg-gray-900"
          >
            My shifts
          </Link>
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
        <RecallStrip recent={data.recentlyBumped} busy={pending === "recall"} onRecall={(key) => void recall(key)} />
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
                    onReprint={printsChits ? () => void reprint(t) : undefined}
                  />
                ))}
              </div>
            )}
          </div>
          <BoardPager
            count={count}
            offset={data.page.offset}
            shownTo={shownTo}
            more={more}
            onEarlier={previousPage}
            onMore={nextPage}
          />
          <ForecastStrip station={station} ticketCount={count} />
        </main>
        {showAllDay && !showTasks && <AllDayPanel allDay={data.allDay} />}
        {showTasks && (
          <aside
            id="station-checklists"
            aria-label={`${station.name} checklists`}
            className="w-[38rem] shrink-0 overflow-y-auto rounded-2xl border-2 border-gray-700 p-3"
            data-testid="checklist-drawer"
          >
            <div className="mb-3 flex items-center justify-between gap-2">
              <h2 className="text-3xl font-black">Checklists</h2>
              <button
                type="button"
                onClick={() => setShowTasks(false)}
                className="min-h-12 rounded-lg bg-gray-800 px-4 text-lg font-bold"
              >
                Close
              </button>
            </div>
            <ChecklistBoard config={config} locationId={locationId} audience="kitchen" station={station.slug} dark />
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

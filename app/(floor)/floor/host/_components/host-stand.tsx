"use client";

import { useEffect, useId, useState } from "react";
import { ConnectionPill } from "@/components/realtime/connection-pill";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { SegmentedControl } from "@/components/ui/segmented-control";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { addDays, isoDate, parseIsoDate } from "@/lib/time/zoned";
import { CancelDialog } from "./cancel-dialog";
import { coverCounts, useHostDay, useMediaQuery, useReservations, type HostReservation } from "./host-data";
import { HostFloorPlan } from "./host-floor-plan";
import { HostSelectionProvider, useHostSelection } from "./host-selection";
import { ReservationCard, type Notice } from "./reservation-card";
import { ReservationDialog, type DialogState } from "./reservation-dialog";
import { ReservationList } from "./reservation-list";
import { clockText } from "./timeline-math";
import { Timeline } from "./timeline";
import { useHostRealtime } from "./use-host-realtime";
import { WaitlistPanel } from "./waitlist-panel";

type Props = {
  config: PusherClientConfig;
  locationId: string;
  /** The location's today (its time zone), YYYY-MM-DD. */
  today: string;
  timezone: string;
  canManage: boolean;
};

/** The host's tablet: the day's book (list or timeline), the live floor plan and the waitlist. */
export function HostStand(props: Props) {
  return (
    <HostSelectionProvider>
      <HostStandInner {...props} />
    </HostSelectionProvider>
  );
}

const shift = (date: string, days: number) => isoDate(addDays(parseIsoDate(date), days));

function HostStandInner({ config, locationId, today, timezone, canManage }: Props) {
  const [date, setDate] = useState(today);
  const [view, setView] = useState<"list" | "timeline">("list");
  const [side, setSide] = useState<"reservations" | "waitlist">("reservations");
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [cancelling, setCancelling] = useState<HostReservation | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const { party, select } = useHostSelection();
  // 1280 px and up (a 1366 tablet, a desk screen) has room for the waitlist as a third column.
  const wide = useMediaQuery("(min-width: 1280px)");
  const dateId = useId();

  const status = useHostRealtime(config, locationId);
  const day = useHostDay(date);
  const book = useReservations(date);
  const reservations = book.data?.reservations ?? [];
  const covers = coverCounts(reservations);
  const openedReservation = reservations.find((r) => r.id === opened) ?? null;

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(t);
  }, [notice]);

  const cardProps = {
    timezone,
    canManage,
    now,
    onNotice: setNotice,
    onEdit: (r: HostReservation) => {
      setOpened(null);
      setDialog({ mode: "edit", reservation: r });
    },
    onCancel: (r: HostReservation) => {
      setOpened(null);
      setCancelling(r);
    },
  };

  // At 1024 px the header has no room for the covers: they sit above the book (or the timeline's legend).
  const coversText = (
    <p className="text-sm" data-testid="covers">
      <span className="font-black">{covers.booked}</span> covers booked ·{" "}
      <span className="font-black">{covers.seated}</span> seated
    </p>
  );

  const bookPanel = book.isPending ? (
    <p className="p-4 text-gray-700">Loading the book…</p>
  ) : book.isError ? (
    <div role="alert" className="rounded-xl bg-red-50 p-4 text-red-800">
      <p className="font-semibold">Couldn&apos;t load the reservations: {book.error.message}</p>
      <Button variant="secondary" className="mt-2" onClick={() => book.refetch()}>
        Retry
      </Button>
    </div>
  ) : (
    <ReservationList reservations={reservations} {...cardProps} />
  );

  return (
    <div className="flex h-[calc(100dvh-5.5rem)] min-h-[36rem] flex-col gap-3" data-testid="host-stand">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="sr-only">Host stand</h1>
        <div className="flex items-center gap-1" role="group" aria-label="Day">
          {[
            { label: "Yesterday", value: shift(today, -1) },
            { label: "Today", value: today },
            { label: "Tomorrow", value: shift(today, 1) },
          ].map((d) => (
            <button
              key={d.label}
              type="button"
              aria-pressed={date === d.value}
              onClick={() => setDate(d.value)}
              className={`min-h-11 rounded-lg border-2 px-3 font-semibold ${date === d.value ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white"}`}
            >
              {d.label}
            </button>
          ))}
          <label htmlFor={dateId} className="sr-only">
            Date
          </label>
          <input
            id={dateId}
            type="date"
            value={date}
            onChange={(e) => e.target.value && setDate(e.target.value)}
            className="min-h-11 rounded-lg border-2 border-gray-300 bg-white px-2"
          />
        </div>
        {wide && coversText}
        <div className="ml-auto flex items-center gap-2">
          <SegmentedControl
            label="View"
            options={[
              { value: "list", label: "List" },
              { value: "timeline", label: "Timeline" },
            ]}
            value={view}
            onChange={setView}
            className="flex gap-1"
          />
          <ConnectionPill state={status.state} lastEventAt={status.lastEventAt} error={status.error} compact />
          {canManage && (
            <Button onClick={() => setDialog({ mode: "create", date })} data-testid="new-reservation">
              New reservation
            </Button>
          )}
        </div>
      </header>

      <div role="status" aria-live="polite" className="empty:hidden">
        {notice && (
          <p
            className={`rounded-lg px-3 py-2 font-semibold ${notice.tone === "ok" ? "bg-green-100 text-green-900" : "bg-red-100 text-red-900"}`}
            data-testid="host-notice"
          >
            {notice.text}
          </p>
        )}
      </div>

      {view === "timeline" ? (
        <div className="min-h-0 flex-1">
          {day.isPending || book.isPending ? (
            <p className="p-4 text-gray-700">Loading the timeline…</p>
          ) : day.isError ? (
            <p role="alert" className="rounded-xl bg-red-50 p-4 font-semibold text-red-800">
              Couldn&apos;t load the day: {day.error.message}
            </p>
          ) : (
            <Timeline
              day={day.data}
              reservations={reservations}
              now={now}
              footer={wide ? null : coversText}
              onOpen={(r) => setOpened(r.id)}
              onNew={({ tableId, minute }) =>
                canManage && setDialog({ mode: "create", date, tableId, time: clockText(minute) })
              }
            />
          )}
        </div>
      ) : (
        <div
          className={`grid min-h-0 flex-1 gap-3 ${wide ? "grid-cols-[22rem_minmax(0,1fr)_20rem]" : "grid-cols-[22rem_minmax(0,1fr)]"}`}
        >
          <div className="flex min-h-0 flex-col gap-2">
            {!wide && coversText}
            {!wide && (
              <SegmentedControl
                label="Parties"
                options={[
                  { value: "reservations", label: `Reservations (${reservations.length})` },
                  { value: "waitlist", label: "Waitlist" },
                ]}
                value={side}
                onChange={setSide}
                className="grid grid-cols-2 gap-1"
                buttonClassName="text-sm"
              />
            )}
            {wide || side === "reservations" ? (
              <div className="min-h-0 flex-1">{bookPanel}</div>
            ) : (
              <div className="min-h-0 flex-1 overflow-auto" data-testid="waitlist-column">
                <WaitlistPanel locationId={locationId} />
              </div>
            )}
          </div>
          <div className="flex min-h-0 flex-col gap-2">
            {party && (
              <div
                className="flex items-center justify-between gap-2 rounded-lg bg-blue-100 py-1 pl-3 pr-1 font-semibold text-blue-950"
                data-testid="seating-party"
              >
                <p>
                  Seating {party.name}, {party.partySize}: tap a table on the plan.
                </p>
                <Button variant="ghost" onClick={() => select(null)}>
                  Stop
                </Button>
              </div>
            )}
            <div className="min-h-0 flex-1 overflow-auto" data-testid="floor-column">
              <HostFloorPlan />
            </div>
          </div>
          {wide && (
            <div className="min-h-0 overflow-auto" data-testid="waitlist-column">
              <WaitlistPanel locationId={locationId} />
            </div>
          )}
        </div>
      )}

      {dialog && (
        <ReservationDialog
          state={dialog}
          day={day.data}
          onClose={() => setDialog(null)}
          onSaved={(text) => {
            setDialog(null);
            setNotice({ tone: "ok", text });
          }}
        />
      )}
      {cancelling && (
        <CancelDialog
          reservation={cancelling}
          timezone={timezone}
          onClose={() => setCancelling(null)}
          onDone={(text) => {
            setCancelling(null);
            setNotice({ tone: "ok", text });
          }}
        />
      )}
      {openedReservation && (
        <Modal title="Reservation" onClose={() => setOpened(null)} testId="reservation-details">
          <ReservationCard
            reservation={openedReservation}
            {...cardProps}
            onNotice={(n) => {
              setNotice(n);
              if (n.tone === "ok") setOpened(null);
            }}
            onSeatChosen={() => {
              // The floor plan seats the party: it lives in the list view.
              setOpened(null);
              setView("list");
            }}
          />
        </Modal>
      )}
    </div>
  );
}

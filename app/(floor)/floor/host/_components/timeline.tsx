"use client";

import { useEffect, useRef, type MouseEvent, type ReactNode } from "react";
import type { ReservationStatus } from "@/generated/prisma/enums";
import { parseIsoDate, zonedInstant } from "@/lib/time/zoned";
import { STATUS_TEXT, type HostDay, type HostReservation } from "./host-data";
import { barBox, clockText, columns, minuteAt, minuteOfDay, nowOffset, timelineRange } from "./timeline-math";

/** px per 15 minutes: a 90-minute two-top is 6 cells, wide enough for "2 · Becker" at 1024 px. */
const STEP_PX = 32;
const LABEL_PX = 88;
const ROW_PX = 48;

const BAR: Partial<Record<ReservationStatus, string>> = {
  BOOKED: "border-sky-700 bg-sky-100 text-sky-950",
  CONFIRMED: "border-indigo-700 bg-indigo-100 text-indigo-950",
  ARRIVED: "border-amber-600 bg-amber-100 text-amber-950",
  SEATED: "border-green-700 bg-green-100 text-green-950",
  COMPLETED: "border-gray-400 bg-gray-100 text-gray-800",
};

/**
 * Tables down, the day's service across in 15-minute steps: each booking is a bar on its
 * table(s), coloured by status; a red line marks now. Tap a bar to open the booking, an empty
 * stretch of a row to book that table from that time. Cancelled and no-show bookings are left
 * out (they hold nothing). The grid scrolls sideways inside its own named region.
 */
export function Timeline({
  day,
  reservations,
  now,
  onOpen,
  onNew,
  footer,
}: {
  day: HostDay;
  /** Shown at the end of the legend row (the day's covers on a narrow screen). */
  footer?: ReactNode;
  reservations: readonly HostReservation[];
  now: number;
  onOpen: (r: HostReservation) => void;
  onNew: (preset: { tableId: string; minute: number }) => void;
}) {
  const dayStart = zonedInstant(parseIsoDate(day.date), 0, 0, day.timezone);
  const shown = reservations
    .filter((r) => BAR[r.status])
    .map((r) => ({ r, start: minuteOfDay(r.startsAt, dayStart), end: minuteOfDay(r.endsAt, dayStart) }));
  const range = timelineRange(day.periods, shown);
  const cols = columns(range);
  const width = cols.length * STEP_PX;
  const nowX = nowOffset(minuteOfDay(new Date(now), dayStart), range, STEP_PX);
  const scroller = useRef<HTMLDivElement>(null);

  // Open on the part of the day that matters (now, else the first booking), once per date shown.
  const focusX = useRef(0);
  useEffect(() => {
    focusX.current = nowX ?? (shown.length ? (barBox(shown[0], range, STEP_PX)?.left ?? 0) : 0);
  });
  useEffect(() => {
    if (scroller.current) scroller.current.scrollLeft = Math.max(0, focusX.current - 4 * STEP_PX);
  }, [day.date]);

  function tapRow(tableId: string, e: MouseEvent<HTMLDivElement>) {
    const box = e.currentTarget.getBoundingClientRect();
    onNew({ tableId, minute: minuteAt(e.clientX - box.left, range, STEP_PX) });
  }

  const grid = `repeating-linear-gradient(to right, transparent 0 ${STEP_PX - 1}px, rgb(229 231 235) ${STEP_PX - 1}px ${STEP_PX}px)`;
  const tables = day.areas.flatMap((a) => a.tables);
  if (tables.length === 0)
    return <p className="rounded-xl bg-white p-6 text-gray-700">No tables yet: a manager can add them in setup.</p>;

  return (
    <div className="flex h-full flex-col overflow-hidden rounded-xl border border-gray-200 bg-white">
      {/* The scrolling box itself is the named, focusable region: arrow keys scroll it. */}
      <div
        ref={scroller}
        role="region"
        aria-label="Timeline of the day's bookings by table"
        tabIndex={0}
        data-testid="timeline"
        className="relative min-h-0 flex-1 overflow-auto focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-blue-600"
      >
        <div style={{ width: LABEL_PX + width }} className="relative">
          {/* Hours across, sticky so they stay in view while the tables scroll. */}
          <div className="sticky top-0 z-20 flex border-b border-gray-300 bg-white" aria-hidden>
            <div className="sticky left-0 z-30 shrink-0 bg-white" style={{ width: LABEL_PX }} />
            {cols.map((m) => (
              <div key={m} className="shrink-0 py-1 text-xs font-semibold text-gray-700" style={{ width: STEP_PX }}>
                {m % 60 === 0 ? clockText(m) : ""}
              </div>
            ))}
          </div>
          {day.areas.map((area) => (
            <section key={area.id} aria-label={area.name}>
              <h3 className="sticky left-0 z-10 w-max bg-white px-2 pt-2 text-sm font-bold text-gray-800">
                {area.name}
              </h3>
              <ul>
                {area.tables.map((t) => (
                  <li key={t.id} className="flex border-b border-gray-100" style={{ height: ROW_PX }}>
                    <div
                      className="sticky left-0 z-10 flex shrink-0 flex-col justify-center border-r border-gray-200 bg-white px-2"
                      style={{ width: LABEL_PX }}
                    >
                      <span className="font-bold leading-tight">{t.label}</span>
                      <span className="text-xs leading-tight text-gray-700">{t.seats} seats</span>
                    </div>
                    <div
                      className="relative shrink-0 cursor-pointer"
                      style={{ width, backgroundImage: grid }}
                      data-testid="timeline-row"
                      data-table={t.label}
                      onClick={(e) => tapRow(t.id, e)}
                    >
                      {shown
                        .filter((s) => s.r.tables.some((x) => x.id === t.id))
                        .map((s) => {
                          const b = barBox(s, range, STEP_PX);
                          if (!b) return null;
                          return (
                            <button
                              key={s.r.id}
                              type="button"
                              data-testid="timeline-bar"
                              data-name={s.r.guest.name}
                              data-status={s.r.status}
                              aria-label={`${clockText(s.start)} ${s.r.guest.name}, ${s.r.partySize} guests, ${STATUS_TEXT[s.r.status].toLowerCase()}, table ${t.label}`}
                              onClick={(e) => {
                                e.stopPropagation();
                                onOpen(s.r);
                              }}
                              className={`absolute top-1 bottom-1 overflow-hidden whitespace-nowrap rounded-lg border-2 px-1.5 text-left text-sm font-semibold ${BAR[s.r.status]}`}
                              style={{ left: b.left + 1, width: b.width - 2 }}
                            >
                              <span className="font-black">{s.r.partySize}</span> · {s.r.guest.name}
                            </button>
                          );
                        })}
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {nowX !== null && (
            <div
              aria-hidden
              data-testid="timeline-now"
              className="pointer-events-none absolute top-0 bottom-0 z-20 w-0.5 bg-red-600"
              style={{ left: LABEL_PX + nowX }}
            />
          )}
        </div>
      </div>
      <div className="flex items-center justify-between gap-3 border-t border-gray-200 p-2">
        <ul className="flex flex-wrap gap-3 text-xs" aria-label="Bar colours">
          {Object.entries(BAR).map(([status, cls]) => (
            <li key={status} className="flex items-center gap-1">
              <span aria-hidden className={`inline-block h-3 w-5 rounded border-2 ${cls}`} />
              {STATUS_TEXT[status as ReservationStatus]}
            </li>
          ))}
        </ul>
        {footer}
      </div>
    </div>
  );
}

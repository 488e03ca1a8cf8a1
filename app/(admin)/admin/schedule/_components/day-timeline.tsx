"use client";

import { useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import {
  DAY_MINUTES,
  moveOffsets,
  offsetsOf,
  resizeOffsets,
  SNAP_MINUTES,
  snapMinutes,
  wallClockAt,
  type Offsets,
} from "@/lib/schedule/timeline";
import type { ScheduleWeek, ShiftView } from "./schedule-grid";

export type TimelineShift = ShiftView & { pending?: boolean };

type Drag =
  | { kind: "create"; userId: string; from: number; to: number }
  | { kind: "resize"; shift: TimelineShift; edge: "start" | "end"; now: Offsets }
  | { kind: "move"; shift: TimelineShift; grabAt: number; orig: Offsets; now: Offsets };

const HOUR_MARKS = Array.from({ length: 13 }, (_, i) => i * 2);
const pct = (minutes: number) => `${(minutes / DAY_MINUTES) * 100}%`;

/**
 * One business day, one row per person, cut-off to cut-off. Press and drag across a row to draw a
 * shift (15-minute steps); drag a shift's left or right edge to change its start or end, its middle
 * to slide it; a click opens the dialog. From the keyboard: "+" opens the dialog; on a focused shift
 * ←/→ slide it, Shift+←/→ move its end and Ctrl+←/→ its start by 15 minutes, Enter opens it. The
 * parent applies each change optimistically and rolls it back if the database refuses.
 */
export function DayTimeline({
  data,
  day,
  shifts,
  onCreate,
  onChange,
  onOpen,
  onAdd,
  refusedUserId,
}: {
  data: ScheduleWeek;
  day: string;
  shifts: TimelineShift[];
  onCreate: (userId: string, offsets: Offsets) => void;
  onChange: (shift: TimelineShift, offsets: Offsets) => void;
  onOpen: (shift: TimelineShift) => void;
  onAdd: (userId: string) => void;
  refusedUserId: string | null;
}) {
  const rules = { timeZone: data.timeZone, cutoffHour: data.cutoffHour };
  const [drag, setDrag] = useState<Drag | null>(null);
  const rect = useRef<DOMRect | null>(null);
  const stationName = new Map(data.stations.map((s) => [s.id, s.name]));
  const label = (o: Offsets) => `${wallClockAt(o.start, rules.cutoffHour)}–${wallClockAt(o.end, rules.cutoffHour)}`;

  const minuteAt = (clientX: number, snap = true) => {
    const r = rect.current;
    if (!r || r.width === 0) return 0;
    const raw = ((clientX - r.left) / r.width) * DAY_MINUTES;
    return snap ? snapMinutes(raw) : raw;
  };

  /** Every drag is captured by the row's track, so moves and the release arrive there. */
  const capture = (e: ReactPointerEvent<HTMLElement>) => {
    const track = e.currentTarget.closest<HTMLElement>("[data-track]");
    if (!track) return false;
    rect.current = track.getBoundingClientRect();
    track.setPointerCapture(e.pointerId);
    return true;
  };

  const startCreate = (e: ReactPointerEvent<HTMLDivElement>, userId: string) => {
    if (e.button !== 0 || !capture(e)) return;
    e.preventDefault();
    const at = minuteAt(e.clientX);
    setDrag({ kind: "create", userId, from: at, to: at });
  };

  const startEdge = (e: ReactPointerEvent<HTMLElement>, shift: TimelineShift, edge: "start" | "end") => {
    e.stopPropagation();
    if (e.button !== 0 || shift.pending || !capture(e)) return;
    e.preventDefault();
    setDrag({ kind: "resize", shift, edge, now: offsetsOf(toDates(shift), rules) });
  };

  const startMove = (e: ReactPointerEvent<HTMLElement>, shift: TimelineShift) => {
    e.stopPropagation();
    if (e.button !== 0 || shift.pending || !capture(e)) return;
    const orig = offsetsOf(toDates(shift), rules);
    setDrag({ kind: "move", shift, grabAt: minuteAt(e.clientX, false), orig, now: orig });
  };

  const onMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    if (drag.kind === "create") setDrag({ ...drag, to: minuteAt(e.clientX) });
    else if (drag.kind === "resize")
      setDrag({ ...drag, now: resizeOffsets(offsetsOf(toDates(drag.shift), rules), drag.edge, minuteAt(e.clientX)) });
    else setDrag({ ...drag, now: moveOffsets(drag.orig, snapMinutes(minuteAt(e.clientX, false) - drag.grabAt)) });
  };

  const onUp = () => {
    const d = drag;
    setDrag(null);
    if (!d) return;
    if (d.kind === "create") {
      const offsets = { start: Math.min(d.from, d.to), end: Math.max(d.from, d.to) };
      if (offsets.end - offsets.start > 0) onCreate(d.userId, offsets);
      return;
    }
    const before = offsetsOf(toDates(d.shift), rules);
    if (d.now.start === before.start && d.now.end === before.end) {
      if (d.kind === "move") onOpen(d.shift); // pressed without sliding: a click
      return;
    }
    onChange(d.shift, d.now);
  };

  return (
    <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white" data-testid="day-timeline">
      <div className="min-w-[960px]">
        <div className="grid grid-cols-[12rem_1fr] border-b border-gray-200 bg-gray-50 text-xs text-gray-700">
          <div className="px-3 py-2 font-semibold">Person</div>
          <div className="relative h-8" aria-hidden="true">
            {HOUR_MARKS.map((h) => (
              <span
                key={h}
                className="absolute top-2 -translate-x-1/2 tabular-nums first:translate-x-0 last:-translate-x-full"
                style={{ left: pct(h * 60) }}
              >
                {wallClockAt(h * 60, rules.cutoffHour)}
              </span>
            ))}
          </div>
        </div>
        {data.staff.map((p) => {
          const mine = shifts.filter((s) => s.userId === p.userId);
          const creating = drag?.kind === "create" && drag.userId === p.userId ? drag : null;
          return (
            <div key={p.userId} className="grid grid-cols-[12rem_1fr] border-b border-gray-100 last:border-b-0">
              <div className="flex items-center justify-between gap-1 px-3 py-1">
                <span className="min-w-0">
                  <span className="block truncate font-semibold">{p.name}</span>
                  <span className="text-xs text-gray-600">{p.role.toLowerCase()}</span>
                </span>
                <button
                  type="button"
                  onClick={() => onAdd(p.userId)}
                  className="min-h-11 min-w-11 shrink-0 rounded-lg text-lg text-gray-600 hover:bg-gray-100 hover:text-gray-900"
                  aria-label={`Add a shift for ${p.name} on ${day} (dialog)`}
                >
                  +
                </button>
              </div>
              <div
                data-track
                data-testid="track"
                data-person={p.name}
                data-refused={refusedUserId === p.userId || undefined}
                className={`relative h-14 cursor-crosshair touch-pan-y select-none ${refusedUserId === p.userId ? "bg-red-50 ring-2 ring-red-600 ring-inset" : ""}`}
                style={{
                  backgroundImage:
                    "repeating-linear-gradient(to right, rgb(229 231 235) 0 1px, transparent 1px calc(100% / 24))",
                }}
                onPointerDown={(e) => startCreate(e, p.userId)}
                onPointerMove={onMove}
                onPointerUp={onUp}
                onPointerCancel={() => setDrag(null)}
              >
                {mine.map((s) => {
                  const live = drag && drag.kind !== "create" && drag.shift.id === s.id ? drag.now : null;
                  const o = live ?? offsetsOf(toDates(s), rules);
                  const tone = s.pending
                    ? "border-dashed border-blue-400 bg-blue-100/70 text-blue-950"
                    : s.publishedAt
                      ? "border-blue-600 bg-blue-50 text-blue-950"
                      : "border-dashed border-gray-500 bg-white text-gray-900";
                  return (
                    <div
                      key={s.id}
                      className={`absolute top-1 bottom-1 rounded-lg border-2 ${tone} ${live ? "z-10 shadow-lg" : ""}`}
                      style={{ left: pct(o.start), width: pct(o.end - o.start) }}
                      data-testid="timeline-shift"
                      data-times={label(o)}
                      data-status={s.pending ? "saving" : s.publishedAt ? "published" : "draft"}
                    >
                      <button
                        type="button"
                        className="h-full w-full cursor-grab truncate px-3 text-left text-xs leading-tight active:cursor-grabbing"
                        onPointerDown={(e) => startMove(e, s)}
                        onClick={(e) => e.detail === 0 && !s.pending && onOpen(s)}
                        onKeyDown={(e) => {
                          if (s.pending || (e.key !== "ArrowLeft" && e.key !== "ArrowRight")) return;
                          const step = e.key === "ArrowRight" ? SNAP_MINUTES : -SNAP_MINUTES;
                          const now = offsetsOf(toDates(s), rules);
                          const next = e.shiftKey
                            ? resizeOffsets(now, "end", now.end + step)
                            : e.ctrlKey || e.metaKey
                              ? resizeOffsets(now, "start", now.start + step)
                              : moveOffsets(now, step);
                          e.preventDefault();
                          if (next.start !== now.start || next.end !== now.end) onChange(s, next);
                        }}
                        aria-keyshortcuts="ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight Control+ArrowLeft Control+ArrowRight"
                        aria-label={`${p.name} ${label(o)}${s.publishedAt ? "" : " (draft)"}: edit`}
                      >
                        <span className="block font-semibold tabular-nums">{label(o)}</span>
                        <span className="block truncate">
                          {s.pending
                            ? "Saving…"
                            : `${s.stationId ? stationName.get(s.stationId) : s.role.toLowerCase()}${s.publishedAt ? "" : " · draft"}`}
                        </span>
                      </button>
                      {(["start", "end"] as const).map((edge) => (
                        <span
                          key={edge}
                          aria-hidden="true"
                          data-testid={`resize-${edge}`}
                          onPointerDown={(e) => startEdge(e, s, edge)}
                          className={`absolute top-0 bottom-0 flex w-4 cursor-ew-resize items-center justify-center ${edge === "start" ? "-left-2" : "-right-2"}`}
                        >
                          <span className="h-6 w-1.5 rounded-full bg-current opacity-50" />
                        </span>
                      ))}
                    </div>
                  );
                })}
                {creating && creating.to !== creating.from && (
                  <div
                    className="pointer-events-none absolute top-1 bottom-1 rounded-lg border-2 border-blue-600 bg-blue-200/60 px-2 text-xs font-semibold text-blue-950"
                    style={{
                      left: pct(Math.min(creating.from, creating.to)),
                      width: pct(Math.abs(creating.to - creating.from)),
                    }}
                    data-testid="draw-preview"
                  >
                    <span className="tabular-nums">
                      {label({
                        start: Math.min(creating.from, creating.to),
                        end: Math.max(creating.from, creating.to),
                      })}
                    </span>
                  </div>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function toDates(s: { startsAt: string; endsAt: string }) {
  return { startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) };
}

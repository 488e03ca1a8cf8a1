"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useOptimistic, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/http/action";
import type { getScheduleWeek } from "@/lib/schedule/get-schedule-week";
import { spanFromOffsets, type Offsets } from "@/lib/schedule/timeline";
import { formatMinutes, localTimeOf, spanOnDay } from "@/lib/schedule/week";
import { businessDateOf } from "@/lib/time/business-day";
import { isoDate, parseIsoDate } from "@/lib/time/zoned";
import { Button } from "@/components/ui/button";
import { copyWeekAction, createShiftAction, publishWeekAction, updateShiftAction } from "../actions";
import { DayTimeline, type TimelineShift } from "./day-timeline";
import { ShiftDialog, type DialogState } from "./shift-dialog";

export type ScheduleWeek = Awaited<ReturnType<typeof getScheduleWeek>>;
export type ShiftView = ScheduleWeek["shifts"][number];

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

type OptimisticChange =
  { type: "add"; shift: ShiftView } | { type: "change"; id: string; userId: string; startsAt: string; endsAt: string };

/** A refusal as one line: the message, then any field errors that say more (overlap, weekly limit…). */
function refusal(r: { error: string; fieldErrors?: Record<string, string[] | undefined> }): string {
  const details = Object.values(r.fieldErrors ?? {}).flatMap((m) => m ?? []);
  return [r.error, ...details].filter((v, i, a) => a.indexOf(v) === i).join(" · ");
}

/**
 * The manager's week: one row per person, one column per business day. "+" (or a tap on an empty
 * cell) opens the quick dialog; a shift opens it to edit or delete; dragging a shift onto another
 * cell moves it there at the same times. Below, the day timeline draws and resizes shifts by drag.
 * Drags show at once (useOptimistic) and fall back if the database refuses them (overlap, weekly
 * limit), with its reason. Drafts are dashed until the week is published.
 */
export function ScheduleGrid({ data }: { data: ScheduleWeek }) {
  const router = useRouter();
  const rules = { timeZone: data.timeZone, cutoffHour: data.cutoffHour };
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const [dragOver, setDragOver] = useState<string | null>(null);
  /** The person whose row the database just refused a change on (outlined until the next change). */
  const [refused, setRefused] = useState<string | null>(null);
  const [shifts, applyOptimistic] = useOptimistic<TimelineShift[], OptimisticChange>(data.shifts, (state, c) =>
    c.type === "add"
      ? [...state, { ...c.shift, pending: true }]
      : state.map((s) =>
          s.id === c.id ? { ...s, userId: c.userId, startsAt: c.startsAt, endsAt: c.endsAt, pending: true } : s,
        ),
  );
  const [timelineDay, setTimelineDay] = useState(() => {
    const today = isoDate(businessDateOf(new Date(), rules));
    return data.days.includes(today) ? today : data.days[0];
  });

  const byCell = new Map<string, TimelineShift[]>();
  for (const s of shifts) {
    const key = `${s.userId}|${isoDate(businessDateOf(new Date(s.startsAt), rules))}`;
    byCell.set(key, [...(byCell.get(key) ?? []), s]);
  }
  const byDay = (day: string) => data.staff.flatMap((p) => byCell.get(`${p.userId}|${day}`) ?? []);
  const stationName = new Map(data.stations.map((s) => [s.id, s.name]));
  const time = (iso: string) => localTimeOf(new Date(iso), data.timeZone);

  /** Runs a write; `change` shows at once and is rolled back by React when a refused write's transition ends. */
  const run = <T,>(
    work: () => Promise<ActionResult<T>>,
    success: (data: T) => string,
    change?: OptimisticChange,
    failure = "",
    person: string | null = null,
  ) =>
    start(async () => {
      setRefused(null);
      if (change) applyOptimistic(change);
      const r = await work();
      if (r.ok) {
        setMessage({ tone: "ok", text: success(r.data) });
        router.refresh();
      } else {
        setMessage({ tone: "error", text: failure + refusal(r) });
        setRefused(person);
      }
    });

  const personName = (userId: string) => data.staff.find((p) => p.userId === userId)?.name ?? "Someone";

  const moveTo = (shiftId: string, userId: string, day: string) => {
    const s = data.shifts.find((x) => x.id === shiftId);
    if (!s) return;
    const span = spanOnDay(parseIsoDate(day), time(s.startsAt), time(s.endsAt), rules);
    const change = { startsAt: span.startsAt.toISOString(), endsAt: span.endsAt.toISOString() };
    run(
      () => updateShiftAction({ id: s.id, userId, ...change }),
      () => "Shift moved",
      { type: "change", id: s.id, userId, ...change },
      "Not moved: ",
      userId,
    );
  };

  const drawShift = (userId: string, offsets: Offsets) => {
    const span = spanFromOffsets(parseIsoDate(timelineDay), offsets.start, offsets.end, rules);
    const times = { startsAt: span.startsAt.toISOString(), endsAt: span.endsAt.toISOString() };
    const person = data.staff.find((p) => p.userId === userId);
    const label = `${personName(userId)} ${time(times.startsAt)}–${time(times.endsAt)}`;
    run(
      () => createShiftAction({ userId, ...times }),
      () => `Shift ${label} added as a draft`,
      {
        type: "add",
        shift: {
          id: `drawing-${Date.now()}`,
          userId,
          role: person?.role ?? "SERVER",
          stationId: null,
          notes: "",
          publishedAt: null,
          checklistIds: [],
          ...times,
        },
      },
      `Shift ${label} not added: `,
      userId,
    );
  };

  const resizeShift = (s: TimelineShift, offsets: Offsets) => {
    const span = spanFromOffsets(parseIsoDate(timelineDay), offsets.start, offsets.end, rules);
    const times = { startsAt: span.startsAt.toISOString(), endsAt: span.endsAt.toISOString() };
    const label = `${personName(s.userId)} ${time(times.startsAt)}–${time(times.endsAt)}`;
    run(
      () => updateShiftAction({ id: s.id, ...times }),
      () => `Shift changed to ${label}`,
      { type: "change", id: s.id, userId: s.userId, ...times },
      `Shift not changed to ${label}: `,
      s.userId,
    );
  };

  return (
    <div className="space-y-4" data-testid="schedule">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Schedule</h1>
          <p className="text-gray-600">
            Week of {data.week} · times in {data.timeZone} · limit {formatMinutes(data.limitMinutes)} per person
          </p>
        </div>
        <nav aria-label="Weeks" className="flex flex-wrap items-center gap-2">
          <Link
            href={`/admin/schedule?week=${data.previousWeek}`}
            className="inline-flex min-h-11 items-center rounded-lg border border-gray-300 bg-white px-4 font-semibold hover:bg-gray-50"
          >
            ← Previous week
          </Link>
          <Link
            href="/admin/schedule"
            className="inline-flex min-h-11 items-center rounded-lg border border-gray-300 bg-white px-4 font-semibold hover:bg-gray-50"
          >
            This week
          </Link>
          <Link
            href={`/admin/schedule?week=${data.nextWeek}`}
            className="inline-flex min-h-11 items-center rounded-lg border border-gray-300 bg-white px-4 font-semibold hover:bg-gray-50"
          >
            Next week →
          </Link>
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() =>
              run(
                () => copyWeekAction({ week: data.week }),
                (r) =>
                  `Copied ${r.copied} shift${r.copied === 1 ? "" : "s"} from last week as drafts` +
                  (r.skipped ? ` (${r.skipped} already there)` : ""),
              )
            }
          >
            Copy last week
          </Button>
          <Button
            disabled={pending || data.drafts === 0}
            data-testid="publish-week"
            onClick={() =>
              run(
                () => publishWeekAction({ week: data.week }),
                (r) => `Published ${r.published} shift${r.published === 1 ? "" : "s"}`,
              )
            }
          >
            {data.drafts ? `Publish week (${data.drafts} draft${data.drafts === 1 ? "" : "s"})` : "All published"}
          </Button>
        </nav>
      </div>

      {message && (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={`sticky top-2 z-30 rounded-lg px-4 py-2 font-medium shadow-sm ${message.tone === "error" ? "border border-red-300 bg-red-50 text-red-800" : "border border-green-200 bg-green-50 text-green-800"}`}
          data-testid="schedule-message"
        >
          {message.text}
        </p>
      )}

      {data.staff.length === 0 ? (
        <p className="rounded-xl border-2 border-dashed border-gray-300 p-10 text-center text-gray-600">
          Nobody works here yet. Add staff first, then draw their shifts.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white">
          <table className="w-full min-w-[1100px] table-fixed border-collapse text-sm">
            <caption className="sr-only">Shifts of the week of {data.week}, one row per person</caption>
            <thead>
              <tr className="bg-gray-50 text-left">
                <th scope="col" className="w-52 border-b border-gray-200 px-3 py-2">
                  Person · week total
                </th>
                {data.days.map((day, i) => (
                  <th key={day} scope="col" className="border-b border-l border-gray-200 px-2 py-2">
                    {DAY_NAMES[i]} <span className="font-normal text-gray-600">{day.slice(5)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.staff.map((p) => (
                <tr key={p.userId} data-testid={`row-${p.name}`}>
                  <th scope="row" className="border-b border-gray-200 px-3 py-2 text-left align-top font-normal">
                    <span className="block font-semibold">{p.name}</span>
                    <span className="text-gray-600">{p.role.toLowerCase()}</span>{" "}
                    <span
                      className={`ml-1 rounded px-1.5 py-0.5 font-semibold tabular-nums ${p.level === "over" ? "bg-red-100 text-red-800" : p.level === "near" ? "bg-amber-100 text-amber-900" : "text-gray-700"}`}
                      data-testid="week-total"
                      title={
                        p.level === "ok"
                          ? undefined
                          : `Near or over the weekly limit of ${formatMinutes(data.limitMinutes)}`
                      }
                    >
                      {formatMinutes(p.minutes)}
                      {p.level === "near" ? " · near limit" : p.level === "over" ? " · over limit" : ""}
                    </span>
                  </th>
                  {data.days.map((day) => {
                    const key = `${p.userId}|${day}`;
                    const shifts = byCell.get(key) ?? [];
                    return (
                      <td
                        key={day}
                        className={`border-b border-l border-gray-200 p-1 align-top ${dragOver === key ? "bg-blue-50" : ""}`}
                        onDragOver={(e) => {
                          e.preventDefault();
                          setDragOver(key);
                        }}
                        onDragLeave={() => setDragOver((k) => (k === key ? null : k))}
                        onDrop={(e) => {
                          e.preventDefault();
                          setDragOver(null);
                          const id = e.dataTransfer.getData("text/shift-id");
                          if (id) moveTo(id, p.userId, day);
                        }}
                      >
                        <div className="flex flex-col gap-1">
                          {shifts.map((s) => (
                            <button
                              key={s.id}
                              type="button"
                              draggable={!s.pending}
                              disabled={s.pending}
                              onDragStart={(e) => e.dataTransfer.setData("text/shift-id", s.id)}
                              onClick={() => setDialog({ mode: "edit", shift: s })}
                              className={`min-h-11 rounded-lg border-2 px-2 py-1 text-left leading-tight ${s.publishedAt ? "border-blue-600 bg-blue-50 text-blue-950" : "border-dashed border-gray-500 bg-white text-gray-900"}`}
                              data-testid="shift"
                              data-status={s.publishedAt ? "published" : "draft"}
                            >
                              <span className="block font-semibold tabular-nums">
                                {time(s.startsAt)}–{time(s.endsAt)}
                              </span>
                              <span className="block truncate text-xs">
                                {s.stationId ? stationName.get(s.stationId) : s.role.toLowerCase()}
                                {s.publishedAt ? "" : " · draft"}
                                {s.checklistIds.length
                                  ? ` · ${s.checklistIds.length} list${s.checklistIds.length === 1 ? "" : "s"}`
                                  : ""}
                              </span>
                            </button>
                          ))}
                          <button
                            type="button"
                            onClick={() => setDialog({ mode: "create", userId: p.userId, day })}
                            className="min-h-11 rounded-lg text-lg text-gray-500 hover:bg-gray-100 hover:text-gray-900"
                            aria-label={`Add a shift for ${p.name} on ${DAY_NAMES[data.days.indexOf(day)]} ${day}`}
                          >
                            +
                          </button>
                        </div>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="text-sm text-gray-600">
        Dashed = draft (only managers see it). Drag a shift to another day or person to move it; open it to change its
        times or delete it.
      </p>

      {data.staff.length > 0 && (
        <section aria-labelledby="timeline-title" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="timeline-title" className="text-xl font-bold">
              Day timeline
            </h2>
            <div role="group" aria-label="Day shown on the timeline" className="flex flex-wrap gap-1">
              {data.days.map((day, i) => (
                <button
                  key={day}
                  type="button"
                  aria-pressed={day === timelineDay}
                  onClick={() => setTimelineDay(day)}
                  className={`min-h-11 rounded-lg border px-3 font-semibold ${day === timelineDay ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white hover:bg-gray-50"}`}
                >
                  {DAY_NAMES[i]} <span className="font-normal">{day.slice(5)}</span>
                </button>
              ))}
            </div>
          </div>
          <p className="text-sm text-gray-600">
            Press and drag across a row to draw a shift (15-minute steps). Drag a shift&apos;s left or right edge to
            change its start or end, its middle to slide it; click it to edit. Keyboard: + opens the dialog; on a shift,
            ←/→ slide it, Shift+←/→ move its end, Ctrl+←/→ its start, Enter edits it.
          </p>
          <DayTimeline
            data={data}
            day={timelineDay}
            shifts={byDay(timelineDay)}
            onCreate={drawShift}
            onChange={resizeShift}
            onOpen={(s) => setDialog({ mode: "edit", shift: s })}
            onAdd={(userId) => setDialog({ mode: "create", userId, day: timelineDay })}
            refusedUserId={refused}
          />
        </section>
      )}

      {dialog && (
        <ShiftDialog
          state={dialog}
          data={data}
          onClose={() => setDialog(null)}
          onSaved={(text) => {
            setDialog(null);
            setMessage({ tone: "ok", text });
            router.refresh();
          }}
        />
      )}
    </div>
  );
}

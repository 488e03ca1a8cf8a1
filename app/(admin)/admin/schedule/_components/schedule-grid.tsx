"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/http/action";
import type { getScheduleWeek } from "@/lib/schedule/get-schedule-week";
import { formatMinutes, localTimeOf, spanOnDay } from "@/lib/schedule/week";
import { businessDateOf } from "@/lib/time/business-day";
import { isoDate, parseIsoDate } from "@/lib/time/zoned";
import { Button } from "@/components/ui/button";
import { copyWeekAction, publishWeekAction, updateShiftAction } from "../actions";
import { ShiftDialog, type DialogState } from "./shift-dialog";

export type ScheduleWeek = Awaited<ReturnType<typeof getScheduleWeek>>;
export type ShiftView = ScheduleWeek["shifts"][number];

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/**
 * The manager's week: one row per person, one column per business day. "+" (or a tap on an empty
 * cell) opens the quick dialog; a shift opens it to edit or delete; dragging a shift onto another
 * cell moves it there at the same times. Drafts are dashed until the week is published.
 */
export function ScheduleGrid({ data }: { data: ScheduleWeek }) {
  const router = useRouter();
  const rules = { timeZone: data.timeZone, cutoffHour: data.cutoffHour };
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const [dragOver, setDragOver] = useState<string | null>(null);

  const byCell = new Map<string, ShiftView[]>();
  for (const s of data.shifts) {
    const key = `${s.userId}|${isoDate(businessDateOf(new Date(s.startsAt), rules))}`;
    byCell.set(key, [...(byCell.get(key) ?? []), s]);
  }
  const stationName = new Map(data.stations.map((s) => [s.id, s.name]));
  const time = (iso: string) => localTimeOf(new Date(iso), data.timeZone);

  const run = <T,>(work: () => Promise<ActionResult<T>>, success: (data: T) => string) =>
    start(async () => {
      const r = await work();
      if (r.ok) {
        setMessage({ tone: "ok", text: success(r.data) });
        router.refresh();
      } else setMessage({ tone: "error", text: r.error });
    });

  const moveTo = (shiftId: string, userId: string, day: string) => {
    const s = data.shifts.find((x) => x.id === shiftId);
    if (!s) return;
    const span = spanOnDay(parseIsoDate(day), time(s.startsAt), time(s.endsAt), rules);
    run(
      () =>
        updateShiftAction({
          id: s.id,
          userId,
          startsAt: span.startsAt.toISOString(),
          endsAt: span.endsAt.toISOString(),
        }),
      () => "Shift moved",
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
          className={`rounded-lg px-4 py-2 font-medium ${message.tone === "error" ? "bg-red-50 text-red-800" : "bg-green-50 text-green-800"}`}
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
                              draggable
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

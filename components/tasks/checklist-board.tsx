"use client";

import { ApiError } from "@/components/realtime/fetch-json";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { useTodayTasks, type TodayChecklist, type TodayTasks } from "./use-today-tasks";

const KIND_LABEL: Record<string, string> = { OPENING: "Opening", CLOSING: "Closing", PREP: "Prep", OTHER: "Checklist" };

function timeIn(iso: string, timeZone: string) {
  return new Date(iso).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone });
}

/**
 * Today's checklists to tick: the tablet's list page (light) and the kitchen screen's drawer (dark,
 * big type and targets, readable from across the pass). Ticks reach every other screen live.
 */
export function ChecklistBoard({
  config,
  locationId,
  audience,
  station,
  initial,
  dark = false,
}: {
  config: PusherClientConfig;
  locationId: string;
  audience: "kitchen" | "floor";
  station?: string;
  initial?: TodayTasks;
  dark?: boolean;
}) {
  const { query, tick } = useTodayTasks({ config, locationId, audience, station, initial });
  const data = query.data;
  const error = tick.error instanceof ApiError ? tick.error.message : tick.error ? "Could not save the tick" : null;

  if (!data) {
    return query.isError ? (
      <p role="alert" className={dark ? "text-2xl text-red-300" : "text-red-700"}>
        Could not load the checklists.{" "}
        <button type="button" className="min-h-11 underline" onClick={() => void query.refetch()}>
          Try again
        </button>
      </p>
    ) : (
      <p className={dark ? "text-2xl text-gray-300" : "text-gray-600"}>Loading checklists…</p>
    );
  }
  return (
    <div className="space-y-4" data-testid="checklist-board" data-business-date={data.businessDate}>
      {error && (
        <p
          role="alert"
          className={`rounded-lg px-3 py-2 font-bold ${dark ? "bg-red-700 text-white" : "bg-red-50 text-red-800"}`}
        >
          {error}
        </p>
      )}
      {data.checklists.length === 0 && (
        <p className={dark ? "text-2xl text-gray-300" : "text-gray-600"}>No checklists for today.</p>
      )}
      {data.checklists.map((c) => (
        <ChecklistCard
          key={c.id}
          list={c}
          dark={dark}
          timeZone={data.timeZone}
          busy={
            tick.isPending && tick.variables?.taskId != null && c.tasks.some((t) => t.id === tick.variables?.taskId)
          }
          onToggle={(taskId, done) => tick.mutate({ taskId, done })}
        />
      ))}
    </div>
  );
}

function ChecklistCard({
  list,
  dark,
  timeZone,
  busy,
  onToggle,
}: {
  list: TodayChecklist;
  dark: boolean;
  timeZone: string;
  busy: boolean;
  onToggle: (taskId: string, done: boolean) => void;
}) {
  const status = list.done >= list.total && list.total > 0 ? "DONE" : list.status;
  const badge =
    status === "DONE"
      ? dark
        ? "bg-green-500 text-black"
        : "bg-green-100 text-green-900"
      : status === "OVERDUE"
        ? dark
          ? "bg-red-500 text-white"
          : "bg-red-100 text-red-900"
        : dark
          ? "bg-gray-700 text-white"
          : "bg-gray-100 text-gray-800";
  return (
    <section
      aria-labelledby={`cl-${list.id}`}
      className={`rounded-2xl p-4 ${dark ? "border-2 border-gray-700 bg-gray-950" : "border border-gray-200 bg-white shadow-sm"}`}
      data-testid="checklist"
      data-name={list.name}
      data-status={status}
    >
      <header className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h3 id={`cl-${list.id}`} className={dark ? "text-3xl font-black" : "text-xl font-bold"}>
          {list.name}
        </h3>
        <span className={`rounded-full px-3 py-1 font-bold ${dark ? "text-xl" : "text-sm"} ${badge}`}>
          {list.done}/{list.total}
          {status === "DONE" ? " · done" : status === "OVERDUE" ? ` · overdue (due ${list.dueTime})` : ""}
          {status === "OPEN" && list.dueTime ? ` · due ${list.dueTime}` : ""}
        </span>
      </header>
      <p className={`mb-2 ${dark ? "text-lg text-gray-300" : "text-sm text-gray-600"}`}>
        {KIND_LABEL[list.kind]}
        {list.stationName ? ` · ${list.stationName}` : ""}
        {list.role ? ` · ${list.role.toLowerCase()}s` : ""}
        {list.assignees.some((a) => a.me) ? " · your shift" : ""}
      </p>
      <ul className="space-y-2">
        {list.tasks.map((t) => (
          <li key={t.id}>
            <button
              type="button"
              role="checkbox"
              aria-checked={t.done}
              disabled={busy}
              onClick={() => onToggle(t.id, !t.done)}
              className={`flex w-full items-center gap-3 rounded-xl px-3 text-left ${dark ? "min-h-16 text-2xl" : "min-h-12 text-lg"} ${
                t.done
                  ? dark
                    ? "bg-green-900 text-green-50"
                    : "bg-green-50 text-green-950"
                  : dark
                    ? "bg-gray-800 text-white hover:bg-gray-700"
                    : "bg-gray-50 text-gray-900 hover:bg-gray-100"
              }`}
              data-testid="task"
            >
              <span
                aria-hidden
                className={`flex shrink-0 items-center justify-center rounded-md border-2 font-black ${dark ? "h-10 w-10 border-white" : "h-7 w-7 border-gray-700"}`}
              >
                {t.done ? "✓" : ""}
              </span>
              <span className={`flex-1 ${t.done ? "line-through decoration-2" : ""}`}>{t.label}</span>
              {t.done && t.completedBy && t.completedAt && (
                <span className={dark ? "text-lg text-green-200" : "text-sm text-green-800"}>
                  {t.completedBy} · {timeIn(t.completedAt, timeZone)}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

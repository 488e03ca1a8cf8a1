"use client";

import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { useTodayTasks, type TodayTasks } from "@/components/tasks/use-today-tasks";

const STATUS_STYLE = {
  DONE: "bg-green-100 text-green-900",
  OVERDUE: "bg-red-100 text-red-900",
  OPEN: "bg-gray-100 text-gray-800",
} as const;

/** Today's lists for the manager, overdue first, with who ticked what and when; live. */
export function TodayOverview({
  config,
  locationId,
  initial,
}: {
  config: PusherClientConfig;
  locationId: string;
  initial: TodayTasks;
}) {
  const { query } = useTodayTasks({ config, locationId, audience: "floor", initial });
  const data = query.data ?? initial;
  const order = { OVERDUE: 0, OPEN: 1, DONE: 2 } as const;
  const lists = [...data.checklists].sort((a, b) => order[a.status] - order[b.status]);
  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: data.timeZone });
  return (
    <section aria-labelledby="today-title" className="space-y-3" data-testid="today-overview">
      <h2 id="today-title" className="text-xl font-bold">
        Today ({data.businessDate}){" "}
        {data.overdue > 0 && (
          <span className="ml-2 rounded-full bg-red-100 px-3 py-1 text-base text-red-900" data-testid="overdue-count">
            {data.overdue} overdue
          </span>
        )}
      </h2>
      {query.isError && (
        <p role="alert" className="text-red-700">
          Could not refresh; showing the last known state.
        </p>
      )}
      {lists.length === 0 ? (
        <p className="rounded-xl border-2 border-dashed border-gray-300 p-6 text-center text-gray-600">
          No checklists yet. Write one below.
        </p>
      ) : (
        <div className="grid gap-3 lg:grid-cols-2 xl:grid-cols-3">
          {lists.map((c) => (
            <details
              key={c.id}
              className="rounded-xl border border-gray-200 bg-white p-4 shadow-sm"
              data-testid="today-checklist"
              data-name={c.name}
              data-status={c.status}
              open={c.status === "OVERDUE"}
            >
              <summary className="flex min-h-11 cursor-pointer list-none flex-wrap items-center justify-between gap-2">
                <span className="font-semibold">
                  {c.name}
                  {c.assignees.length > 0 && (
                    <span className="ml-2 font-normal text-gray-700">
                      · {c.assignees.map((a) => a.name).join(", ")}
                    </span>
                  )}
                </span>
                <span className={`rounded-full px-2.5 py-0.5 text-sm font-semibold ${STATUS_STYLE[c.status]}`}>
                  {c.done}/{c.total}
                  {c.status === "DONE" ? " · done" : c.status === "OVERDUE" ? " · overdue" : ""}
                  {c.dueTime ? ` · due ${c.dueTime}` : ""}
                </span>
              </summary>
              {c.assignees.length > 0 && (
                <p className="mt-2 text-sm text-gray-700" data-testid="assignees">
                  <span className="font-semibold">On shift:</span>{" "}
                  {c.assignees.map((a) => `${a.name} (${time(a.startsAt)}–${time(a.endsAt)})`).join(", ")}
                </p>
              )}
              <ul className="mt-2 space-y-1 text-sm">
                {c.tasks.map((t) => (
                  <li key={t.id} className="flex justify-between gap-2">
                    <span className={t.done ? "text-gray-600 line-through" : ""}>
                      {t.done ? "✓ " : "○ "}
                      {t.label}
                    </span>
                    {t.done && t.completedAt && (
                      <span className="shrink-0 text-gray-600">
                        {t.completedBy} · {time(t.completedAt)}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </div>
      )}
    </section>
  );
}

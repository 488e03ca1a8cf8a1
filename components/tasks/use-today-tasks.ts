"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/realtime/fetch-json";
import { useRealtime, type RealtimeStatus } from "@/components/realtime/use-realtime";
import { floorChannel, kitchenChannel, TASK_EVENTS } from "@/lib/realtime/events";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import type { getTodayTasks } from "@/lib/tasks/get-today-tasks";

export type TodayTasks = Awaited<ReturnType<typeof getTodayTasks>>;
export type TodayChecklist = TodayTasks["checklists"][number];

const TASK_EVENT_NAMES: readonly string[] = Object.values(TASK_EVENTS);

/**
 * Today's checklists, kept current by task events on the surface's channel (kitchen or floor) and a
 * one-minute poll (due times pass without any event). Ticks are optimistic and roll back on error.
 */
export function useTodayTasks({
  config,
  locationId,
  audience,
  station,
  initial,
}: {
  config: PusherClientConfig;
  locationId: string;
  audience: "kitchen" | "floor";
  station?: string;
  initial?: TodayTasks;
}) {
  const qc = useQueryClient();
  const queryKey = ["tasks", "today", station ?? null];
  const query = useQuery({
    queryKey,
    queryFn: () => fetchJson<TodayTasks>(`/api/v1/tasks${station ? `?station=${encodeURIComponent(station)}` : ""}`),
    initialData: initial,
    refetchInterval: 60_000,
  });
  const realtime: RealtimeStatus = useRealtime({
    config,
    channel: audience === "kitchen" ? kitchenChannel(locationId) : floorChannel(locationId),
    onConnected: () => void qc.invalidateQueries({ queryKey: ["tasks", "today"] }),
    onEvent: (name) => {
      if (TASK_EVENT_NAMES.includes(name)) void qc.invalidateQueries({ queryKey: ["tasks", "today"] });
    },
  });

  const tick = useMutation({
    mutationFn: ({ taskId, done }: { taskId: string; done: boolean }) =>
      fetchJson(`/api/v1/tasks/${encodeURIComponent(taskId)}/complete`, {
        method: done ? "POST" : "DELETE",
        headers: { "content-type": "application/json" },
      }),
    onMutate: async ({ taskId, done }) => {
      await qc.cancelQueries({ queryKey });
      const before = qc.getQueryData<TodayTasks>(queryKey);
      if (before)
        qc.setQueryData<TodayTasks>(queryKey, {
          ...before,
          checklists: before.checklists.map((c) => {
            if (!c.tasks.some((t) => t.id === taskId)) return c;
            const tasks = c.tasks.map((t) => (t.id === taskId ? { ...t, done } : t));
            return { ...c, tasks, done: tasks.filter((t) => t.done).length };
          }),
        });
      return { before };
    },
    onError: (_e, _v, context) => {
      if (context?.before) qc.setQueryData(queryKey, context.before);
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: ["tasks", "today"] }),
  });

  return { query, realtime, tick };
}

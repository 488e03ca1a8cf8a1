import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

import { getTodayTasks } from "@/lib/tasks/get-today-tasks";
import { pusherClientConfig } from "@/lib/realtime/pusher-server";
import { ChecklistBoard } from "@/components/tasks/checklist-board";
import type { TodayTasks } from "@/components/tasks/use-today-tasks";

export const metadata: Metadata = { title: "Tasks" };

export default async function FloorTasks() {
  const ctx = await requireUser("tasks.tick");
  const initial = JSON.parse(JSON.stringify(await getTodayTasks(ctx))) as TodayTasks;
  return (
    <main className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Today&apos;s checklists</h1>
      <ChecklistBoard config={pusherClientConfig()} locationId={ctx.locationId} audience="floor" initial={initial} />
    </main>
  );
}

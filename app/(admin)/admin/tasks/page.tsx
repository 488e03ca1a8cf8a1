import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

import { listChecklists } from "@/lib/tasks/list-checklists";
import { getTodayTasks } from "@/lib/tasks/get-today-tasks";
import { pusherClientConfig } from "@/lib/realtime/pusher-server";
import type { TodayTasks } from "@/components/tasks/use-today-tasks";
import { TodayOverview } from "./_components/today-overview";
import { ChecklistEditor } from "./_components/checklist-editor";

export const metadata: Metadata = { title: "Tasks" };

export default async function TasksPage() {
  const ctx = await requireUser("tasks.manage");
  const [lists, today] = await Promise.all([listChecklists(ctx), getTodayTasks(ctx)]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Tasks</h1>
        <p className="text-gray-600">
          Opening, closing and prep checklists, ticked on the tablets and kitchen screens.
        </p>
      </div>
      <TodayOverview
        config={pusherClientConfig()}
        locationId={ctx.locationId}
        initial={JSON.parse(JSON.stringify(today)) as TodayTasks}
      />
      <ChecklistEditor checklists={lists.checklists} stations={lists.stations} />
    </div>
  );
}

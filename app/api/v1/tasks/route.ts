import { route } from "@/lib/http/route";

import { getTodayTasks } from "@/lib/tasks/get-today-tasks";
import { todayTasksSchema } from "@/lib/tasks/schemas";

/** Today's checklists with each task's tick: the caller's role's lists (all for managers); ?station= narrows. */
export const GET = route({ permission: "tasks.tick", query: todayTasksSchema }, async ({ ctx, query }) =>
  getTodayTasks(ctx, query),
);

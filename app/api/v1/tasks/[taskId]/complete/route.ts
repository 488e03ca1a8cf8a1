import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { completeTask } from "@/lib/tasks/complete-task";
import { uncompleteTask } from "@/lib/tasks/uncomplete-task";

const params = z.object({ taskId: idSchema });

/** Tick for today's business day; ticking again is not an error (the first tick stands). */
export const POST = route({ permission: "tasks.tick", params }, async ({ ctx, params }) =>
  completeTask(ctx, { taskId: params.taskId }),
);

/** Untick (audited). */
export const DELETE = route({ permission: "tasks.tick", params }, async ({ ctx, params }) =>
  uncompleteTask(ctx, { taskId: params.taskId }),
);

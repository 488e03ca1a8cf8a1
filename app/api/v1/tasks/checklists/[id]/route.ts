import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { archiveChecklist } from "@/lib/tasks/archive-checklist";
import { getChecklist } from "@/lib/tasks/get-checklist";
import { saveChecklist } from "@/lib/tasks/save-checklist";
import { saveChecklistSchema } from "@/lib/tasks/schemas";

const params = z.object({ id: idSchema });

export const GET = route({ permission: "tasks.manage", params }, async ({ ctx, params }) =>
  getChecklist(ctx, { id: params.id }),
);

export const PUT = route(
  { permission: "tasks.manage", params, body: saveChecklistSchema.omit({ id: true }) },
  async ({ ctx, params, body }) => saveChecklist(ctx, { ...body, id: params.id }),
);

/** Archives (past ticks refer to the list's tasks); nothing is deleted. */
export const DELETE = route({ permission: "tasks.manage", params }, async ({ ctx, params }) =>
  archiveChecklist(ctx, { id: params.id }),
);

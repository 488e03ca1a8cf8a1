import { route } from "@/lib/http/route";

import { listChecklists, listChecklistsSchema } from "@/lib/tasks/list-checklists";
import { saveChecklist } from "@/lib/tasks/save-checklist";
import { saveChecklistSchema } from "@/lib/tasks/schemas";

export const GET = route({ permission: "tasks.manage", query: listChecklistsSchema }, async ({ ctx, query }) =>
  listChecklists(ctx, query),
);

export const POST = route(
  { permission: "tasks.manage", body: saveChecklistSchema.omit({ id: true }) },
  async ({ ctx, body }) => saveChecklist(ctx, body),
  201,
);

"use server";

// Server actions of the checklist editor: the wrapper checks session, role and input; lib/tasks works.
import { action } from "@/lib/http/action";

import { archiveChecklist, archiveChecklistSchema } from "@/lib/tasks/archive-checklist";
import { saveChecklist } from "@/lib/tasks/save-checklist";
import { saveChecklistSchema } from "@/lib/tasks/schemas";

const PAGES = ["/admin/tasks", "/admin"];

export const saveChecklistAction = action(
  { permission: "tasks.manage", input: saveChecklistSchema, revalidate: PAGES },
  saveChecklist,
);

export const archiveChecklistAction = action(
  { permission: "tasks.manage", input: archiveChecklistSchema, revalidate: PAGES },
  archiveChecklist,
);

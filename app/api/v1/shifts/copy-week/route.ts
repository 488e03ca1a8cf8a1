import { route } from "@/lib/http/route";

import { copyWeek } from "@/lib/schedule/copy-week";
import { weekInputSchema } from "@/lib/schedule/schemas";

/** Copy the week before `week` into it, as drafts. */
export const POST = route({ permission: "schedule.manage", body: weekInputSchema }, async ({ ctx, body }) =>
  copyWeek(ctx, body),
);

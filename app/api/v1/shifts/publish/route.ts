import { route } from "@/lib/http/route";

import { publishWeek } from "@/lib/schedule/publish-week";
import { weekInputSchema } from "@/lib/schedule/schemas";

/** Publish the drafts of `week`: staff see them from now on. */
export const POST = route({ permission: "schedule.manage", body: weekInputSchema }, async ({ ctx, body }) =>
  publishWeek(ctx, body),
);

import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { rejectGuestSubmission } from "@/lib/guest/decide-guest-submission";
import { decideGuestSubmissionSchema } from "@/lib/guest/schemas";

/** POST /api/v1/guest-submissions/:id/reject { reason } — declines a pending guest order; the phones show the reason. */
export const POST = route(
  {
    permission: "orders.take",
    params: z.object({ id: idSchema }),
    body: decideGuestSubmissionSchema.pick({ reason: true }),
  },
  async ({ ctx, params, body }) => rejectGuestSubmission(ctx, { submissionId: params.id, reason: body.reason }),
);

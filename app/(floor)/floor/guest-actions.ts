"use server";

import { z } from "zod";
import { action } from "@/lib/http/action";
import { idSchema } from "@/lib/validation";
import { acknowledgeGuestRequest } from "@/lib/guest/guest-requests";
import { approveGuestSubmission } from "@/lib/guest/decide-guest-submission";
import { closeGuestSession } from "@/lib/guest/close-guest-session";
import { getTableGuestSession } from "@/lib/guest/get-table-guest-session";
import { listGuestRequests } from "@/lib/guest/guest-requests";
import { listGuestSubmissions } from "@/lib/guest/decide-guest-submission";
import { openGuestSession } from "@/lib/guest/open-guest-session";
import { rejectGuestSubmission } from "@/lib/guest/decide-guest-submission";
import {
  acknowledgeGuestRequestSchema,
  closeGuestSessionSchema,
  decideGuestSubmissionSchema,
  listGuestSubmissionsSchema,
  openGuestSessionSchema,
} from "@/lib/guest/schemas";

// Guest ordering on the floor tablets (ADR 0034): the same use cases as /api/v1/tables/:id/guest-session,
// /api/v1/guest-submissions and /api/v1/guest-requests, through the action wrapper. The tablets read
// through those routes (TanStack Query); these are the writes, plus the reads for parity.

export const openGuestSessionAction = action(
  { permission: "orders.take", input: openGuestSessionSchema },
  (ctx, input) => openGuestSession(ctx, input),
);

export const closeGuestSessionAction = action(
  { permission: "orders.take", input: closeGuestSessionSchema },
  (ctx, input) => closeGuestSession(ctx, input),
);

export const getTableGuestSessionAction = action(
  { permission: "orders.take", input: z.object({ tableId: idSchema }) },
  (ctx, input) => getTableGuestSession(ctx, input.tableId),
);

export const listGuestSubmissionsAction = action(
  { permission: "orders.take", input: listGuestSubmissionsSchema },
  (ctx, input) => listGuestSubmissions(ctx, input),
);

/** One tap on the tray: the guest order goes to the kitchen like a server's send. */
export const approveGuestSubmissionAction = action(
  { permission: "orders.take", input: decideGuestSubmissionSchema },
  (ctx, input) => approveGuestSubmission(ctx, { submissionId: input.submissionId }),
);

export const rejectGuestSubmissionAction = action(
  { permission: "orders.take", input: decideGuestSubmissionSchema },
  (ctx, input) => rejectGuestSubmission(ctx, input),
);

export const listGuestRequestsAction = action({ permission: "orders.take", input: z.object({}) }, (ctx) =>
  listGuestRequests(ctx),
);

export const acknowledgeGuestRequestAction = action(
  { permission: "orders.take", input: acknowledgeGuestRequestSchema },
  (ctx, input) => acknowledgeGuestRequest(ctx, input),
);

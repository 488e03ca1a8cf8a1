"use server";

import { action } from "@/lib/http/action";
import { addWaitlistEntry } from "@/lib/waitlist/add-waitlist-entry";
import { markWaitlistEntryLeft, notifyWaitlistEntry } from "@/lib/waitlist/change-waitlist-status";
import { listWaitlist } from "@/lib/waitlist/list-waitlist";
import {
  addWaitlistEntrySchema,
  listWaitlistSchema,
  seatWaitlistEntrySchema,
  updateWaitlistEntrySchema,
  waitlistIdSchema,
} from "@/lib/waitlist/schemas";
import { seatWaitlistEntry } from "@/lib/waitlist/seat-waitlist-entry";
import { updateWaitlistEntry } from "@/lib/waitlist/update-waitlist-entry";

// The host stand's waitlist: the same use cases as /api/v1/waitlist, through the action wrapper.

export const listWaitlistAction = action({ permission: "reservations.read", input: listWaitlistSchema }, (ctx, input) =>
  listWaitlist(ctx, input),
);

export const addWaitlistEntryAction = action(
  { permission: "waitlist.manage", input: addWaitlistEntrySchema },
  (ctx, input) => addWaitlistEntry(ctx, input),
);

export const notifyWaitlistEntryAction = action(
  { permission: "waitlist.manage", input: waitlistIdSchema },
  (ctx, input) => notifyWaitlistEntry(ctx, input),
);

export const seatWaitlistEntryAction = action(
  { permission: "waitlist.manage", input: seatWaitlistEntrySchema },
  (ctx, input) => seatWaitlistEntry(ctx, input),
);

export const markWaitlistEntryLeftAction = action(
  { permission: "waitlist.manage", input: waitlistIdSchema },
  (ctx, input) => markWaitlistEntryLeft(ctx, input),
);

export const updateWaitlistEntryAction = action(
  { permission: "waitlist.manage", input: updateWaitlistEntrySchema },
  (ctx, input) => updateWaitlistEntry(ctx, input),
);

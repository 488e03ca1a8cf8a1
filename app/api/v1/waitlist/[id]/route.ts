import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { markWaitlistEntryLeft, notifyWaitlistEntry } from "@/lib/waitlist/change-waitlist-status";
import { patchWaitlistEntrySchema } from "@/lib/waitlist/schemas";
import { seatWaitlistEntry } from "@/lib/waitlist/seat-waitlist-entry";
import { updateWaitlistEntry } from "@/lib/waitlist/update-waitlist-entry";

const params = z.object({ id: idSchema });

// { "status": "NOTIFIED" } tells the party their table is ready (answer: the entry and the message,
// SENT / SHOWN / FAILED); { "status": "SEATED", "tableIds"? } seats them (a walk-in booking opens the
// table's order); { "status": "LEFT" } takes them off the list; { partySize?, notes?, requote? } edits.
export const PATCH = route(
  { permission: "waitlist.manage", params, body: patchWaitlistEntrySchema },
  async ({ ctx, params, body }) => {
    const { status, tableIds, ...edit } = body;
    const id = params.id;
    switch (status) {
      case "NOTIFIED":
        return notifyWaitlistEntry(ctx, { id });
      case "SEATED":
        return seatWaitlistEntry(ctx, { id, tableIds });
      case "LEFT":
        return { entry: await markWaitlistEntryLeft(ctx, { id }) };
      default:
        return { entry: await updateWaitlistEntry(ctx, { ...edit, id }) };
    }
  },
);

import { route } from "@/lib/http/route";
import { addWaitlistEntry } from "@/lib/waitlist/add-waitlist-entry";
import { listWaitlist } from "@/lib/waitlist/list-waitlist";
import { addWaitlistEntrySchema, listWaitlistSchema } from "@/lib/waitlist/schemas";

// GET ?partySize=4: the queue (place, waited, quoted, expected), messages to relay, today's quote
// accuracy, tables; with partySize, the quote a new party of that size would get now.
export const GET = route({ permission: "reservations.read", query: listWaitlistSchema }, async ({ ctx, query }) =>
  listWaitlist(ctx, query),
);

// POST { guestName, partySize, phone?, notes? } → 201 { entry, quotedMinutes, token, statusPath } (the token once).
export const POST = route(
  { permission: "waitlist.manage", body: addWaitlistEntrySchema },
  async ({ ctx, body }) => addWaitlistEntry(ctx, body),
  201,
);

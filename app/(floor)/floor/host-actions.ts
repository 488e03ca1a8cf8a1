"use server";

import { z } from "zod";
import { action } from "@/lib/http/action";
import { getHostFloor } from "@/lib/host/get-host-floor";
import { pusherClientConfig } from "@/lib/realtime/pusher-server";
import { setGuestCount } from "@/lib/orders/set-guest-count";
import { setGuestCountSchema } from "@/lib/orders/schemas";
import { mergeTablesSchema, movePartySchema, partTablesSchema } from "@/lib/tables/arrange-schemas";
import { clearTable, clearTableSchema } from "@/lib/tables/clear-table";
import { mergeTables } from "@/lib/tables/merge-tables";
import { moveParty } from "@/lib/tables/move-party";
import { partTables } from "@/lib/tables/part-tables";

// The host stand's floor plan: its read and its table arranging, the same use cases as the
// REST routes (/api/v1/host/floor, /api/v1/tables/merge, /part, /move-party).

/** The plan's data, with the realtime config so the plan follows the floor channel wherever it is mounted. */
export const getHostFloorAction = action({ permission: "floor.use", input: z.object({}) }, async (ctx) => ({
  ...(await getHostFloor(ctx)),
  realtime: pusherClientConfig(),
}));

export const mergeTablesAction = action({ permission: "tables.arrange", input: mergeTablesSchema }, (ctx, input) =>
  mergeTables(ctx, input),
);

export const partTablesAction = action({ permission: "tables.arrange", input: partTablesSchema }, (ctx, input) =>
  partTables(ctx, input),
);

export const movePartyAction = action({ permission: "tables.arrange", input: movePartySchema }, (ctx, input) =>
  moveParty(ctx, input),
);

/** The party grew or shrank after seating: the order's guests and the booking's party size. */
export const setPartyGuestsAction = action({ permission: "orders.take", input: setGuestCountSchema }, (ctx, input) =>
  setGuestCount(ctx, input),
);

/** A group whose party left is cleared (bussing step): free, and the tables part. */
export const markClearedAction = action({ permission: "floor.use", input: clearTableSchema }, (ctx, input) =>
  clearTable(ctx, input),
);

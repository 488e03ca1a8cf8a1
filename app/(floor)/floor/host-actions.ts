"use server";

import { z } from "zod";
import { action } from "@/lib/http/action";
import { getHostFloor } from "@/lib/host/get-host-floor";
import { setGuestCount } from "@/lib/orders/set-guest-count";
import { setGuestCountSchema } from "@/lib/orders/schemas";
import { mergeTablesSchema, movePartySchema, partTablesSchema } from "@/lib/tables/arrange-schemas";
import { clearTable, clearTableSchema } from "@/lib/tables/clear-table";
import { mergeTables } from "@/lib/tables/merge-tables";
import { moveParty } from "@/lib/tables/move-party";
import { partTables } from "@/lib/tables/part-tables";

// The host stand's floor plan: its read and its table arranging, the same use cases as the
// REST routes (/api/v1/host/floor, /api/v1/tables/merge, /part, /move-party).

/** The plan's data; the host stand's one floor-channel subscription refetches it (ADR 0031). */
export const getHostFloorAction = action({ permission: "floor.use", input: z.object({}) }, (ctx) => getHostFloor(ctx));

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

// Inputs of the host's table arranging (merge, part, move a party), shared by the host stand's
// actions and the REST routes.
import { z } from "zod";
import { idSchema } from "../validation";
import { MAX_MERGED_TABLES } from "./merge-limits";

const tableIdsSchema = z
  .array(idSchema, { error: "Pick tables" })
  .min(1, "Pick at least one table")
  .max(MAX_MERGED_TABLES, `At most ${MAX_MERGED_TABLES} tables together`)
  .refine((ids) => new Set(ids).size === ids.length, "A table is listed twice");

export const mergeTablesSchema = z.object({
  /** The table the party's order lives on (or will). */
  primaryId: idSchema,
  /** The tables pushed against it. */
  tableIds: tableIdsSchema,
});
export type MergeTablesInput = z.input<typeof mergeTablesSchema>;

export const partTablesSchema = z.object({ tableId: idSchema });
export type PartTablesInput = z.input<typeof partTablesSchema>;

export const movePartySchema = z.object({
  /** Any table of the party's group. */
  fromTableId: idSchema,
  /** One table, or several pushed together (the first by label takes the order). */
  toTableIds: tableIdsSchema,
  /** Move even though a booking on the new tables starts before the party would leave. */
  force: z.boolean().default(false),
});
export type MovePartyInput = z.input<typeof movePartySchema>;

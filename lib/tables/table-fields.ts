// Areas' and tables' input schemas, shared by the editor's actions and /api/v1/areas, /api/v1/tables.
import { z } from "zod";
import { idSchema, text } from "../validation";
import { GRID_COLS, GRID_ROWS, MAX_TABLE_CELLS } from "./floor-grid";

export const TABLE_SHAPES = ["SQUARE", "ROUND", "RECT"] as const;

export const areaNameSchema = text("Enter a name").trim().min(1, "Enter a name").max(40, "At most 40 characters");

const cells = (max: number, what: string) =>
  z
    .number({ error: `Enter the ${what}` })
    .int("Whole cells")
    .min(0, "Not negative")
    .max(max, `At most ${max}`);

export const tableFields = {
  areaId: idSchema,
  label: text("Enter a label")
    .trim()
    .min(1, "Enter a label")
    .max(12, "At most 12 characters")
    .regex(/^[\p{L}\p{N} ._#-]+$/u, "Letters, digits, spaces and . _ # - only"),
  seats: z.number({ error: "Enter the seats" }).int("Whole seats").min(1, "At least 1").max(40, "At most 40"),
  shape: z.enum(TABLE_SHAPES, { error: "Choose square, round or rectangle" }),
  width: cells(MAX_TABLE_CELLS, "width").min(1, "At least 1"),
  height: cells(MAX_TABLE_CELLS, "height").min(1, "At least 1"),
  posX: cells(GRID_COLS - 1, "position"),
  posY: cells(GRID_ROWS - 1, "position"),
  rotation: z
    .number({ error: "Enter an angle" })
    .int()
    .min(0, "0–359")
    .max(359, "0–359")
    .refine((r) => r % 15 === 0, "Turn in 15° steps"),
};

export const createTableSchema = z.object({
  areaId: tableFields.areaId,
  label: tableFields.label,
  seats: tableFields.seats.default(4),
  shape: tableFields.shape.default("SQUARE"),
  width: tableFields.width.default(2),
  height: tableFields.height.default(2),
  /** Omitted: the first free spot of the area. */
  posX: tableFields.posX.optional(),
  posY: tableFields.posY.optional(),
  rotation: tableFields.rotation.default(0),
});
export type CreateTableInput = z.input<typeof createTableSchema>;

/** Any subset: a drag sends posX/posY, the rotate buttons send rotation, the form the rest. */
export const tableChangesSchema = z.object(tableFields).partial().strict();
export const updateTableSchema = z.object({ id: idSchema, changes: tableChangesSchema });
export type UpdateTableInput = z.input<typeof updateTableSchema>;

export const archiveSchema = z.object({ id: idSchema, archived: z.boolean().default(true) });
export type ArchiveInput = z.input<typeof archiveSchema>;

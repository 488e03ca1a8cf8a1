// Kitchen stations' input schema, shared by the setup console's actions and /api/v1/stations.
import { z } from "zod";
import { idSchema, text } from "../validation";

const minutes = z.number({ error: "Enter minutes" }).int("Whole minutes").min(1, "At least 1").max(240, "At most 240");

export const stationFieldsSchema = z
  .object({
    name: text("Enter a name").trim().min(1, "Enter a name").max(40, "At most 40 characters"),
    slug: text("Enter a short name for the URL")
      .trim()
      .toLowerCase()
      .min(1, "Enter a short name for the URL")
      .max(30, "At most 30 characters")
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Lower-case letters, digits and single dashes"),
    isExpo: z.boolean().default(false),
    showOnExpo: z.boolean().default(true),
    /** null = the location's kitchen minutes. */
    warnMinutes: minutes.nullable().default(null),
    lateMinutes: minutes.nullable().default(null),
    sortOrder: z.number({ error: "Enter a number" }).int().min(0, "Not negative").max(999, "At most 999").default(0),
  })
  .superRefine((s, ctx) => {
    if (s.warnMinutes !== null && s.lateMinutes !== null && s.lateMinutes <= s.warnMinutes) {
      ctx.addIssue({ code: "custom", path: ["lateMinutes"], message: "Late must be after the warning" });
    }
    if ((s.warnMinutes === null) !== (s.lateMinutes === null)) {
      ctx.addIssue({ code: "custom", path: ["lateMinutes"], message: "Set both minutes or neither" });
    }
  });
export type StationFieldsInput = z.input<typeof stationFieldsSchema>;

export const saveStationSchema = z.object({ id: idSchema.optional(), fields: stationFieldsSchema });
export type SaveStationInput = z.input<typeof saveStationSchema>;

export const setCategoryStationSchema = z.object({ categoryId: idSchema, stationId: idSchema.nullable() });
export type SetCategoryStationInput = z.input<typeof setCategoryStationSchema>;

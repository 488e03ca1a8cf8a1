// Printers' and print jobs' input schemas, shared by the setup console's actions and /api/v1/printers.
import { z } from "zod";
import { idSchema, text } from "../validation";

// A host name or an IPv4/IPv6 address, as typed on a printer's self-test slip: no scheme, no path.
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^[0-9A-Fa-f:.]+$/;

export const printerFieldsSchema = z
  .object({
    name: text("Enter a name").trim().min(1, "Enter a name").max(40, "At most 40 characters"),
    host: text("Enter the printer's address")
      .trim()
      .min(1, "Enter the printer's address")
      .max(253, "At most 253 characters")
      .regex(HOST, "An IP address (192.168.1.50) or a host name, without http:// or a port"),
    port: z.coerce
      .number({ error: "Enter a port" })
      .int("A whole number")
      .min(1, "1 to 65535")
      .max(65535, "1 to 65535")
      .default(9100),
    kind: z.enum(["RECEIPT", "KITCHEN"], { error: "Receipt or kitchen" }),
    /** KITCHEN printers: the station whose chits they print. */
    stationId: idSchema.nullable().default(null),
    lineWidth: z.coerce
      .number({ error: "Choose a paper width" })
      .refine((n) => n === 32 || n === 42 || n === 48, "32 (58 mm), 42 or 48 (80 mm) characters"),
  })
  .superRefine((p, ctx) => {
    if (p.kind === "KITCHEN" && !p.stationId)
      ctx.addIssue({ code: "custom", path: ["stationId"], message: "Choose the station this printer serves" });
    if (p.kind === "RECEIPT" && p.stationId)
      ctx.addIssue({ code: "custom", path: ["stationId"], message: "Receipt printers serve no station" });
  });
export type PrinterFieldsInput = z.input<typeof printerFieldsSchema>;

export const createPrinterSchema = z.object({ fields: printerFieldsSchema });
export type CreatePrinterInput = z.input<typeof createPrinterSchema>;

/** PATCH: the whole field set (the form sends it all), and/or archive or restore. */
export const updatePrinterSchema = z
  .object({ id: idSchema, fields: printerFieldsSchema.optional(), archived: z.boolean().optional() })
  .refine((u) => u.fields !== undefined || u.archived !== undefined, "Nothing to change");
export type UpdatePrinterInput = z.input<typeof updatePrinterSchema>;

export const byIdSchema = z.object({ id: idSchema });
export type ByIdInput = z.input<typeof byIdSchema>;

export const PRINT_JOB_STATUSES = ["QUEUED", "PRINTING", "PRINTED", "FAILED", "CANCELLED"] as const;
export const listPrintJobsSchema = z.object({
  status: z.enum(PRINT_JOB_STATUSES).optional(),
  printerId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListPrintJobsInput = z.input<typeof listPrintJobsSchema>;

export const reprintChitSchema = z.object({
  orderId: idSchema,
  fireBatch: z.coerce.number().int().min(1).max(10_000),
  stationId: idSchema,
});
export type ReprintChitInput = z.input<typeof reprintChitSchema>;

export const printReceiptSchema = z.object({ checkId: idSchema, printerId: idSchema.optional() });
export type PrintReceiptInput = z.input<typeof printReceiptSchema>;

"use server";

// Server actions of the printers page: thin — the `action` wrapper checks the session, the
// permission and the input; lib/printing does the work (the same use cases as /api/v1/printers).
import { action } from "@/lib/http/action";
import { byIdSchema, createPrinterSchema, updatePrinterSchema } from "@/lib/printing/printer-fields";
import { printTestPage } from "@/lib/printing/print-test-page";
import { retryPrintJob } from "@/lib/printing/retry-print-job";
import { createPrinter, updatePrinter } from "@/lib/printing/save-printer";

const PRINTERS = ["/admin/setup/printers"];

export const createPrinterAction = action(
  { permission: "payments.setup", input: createPrinterSchema, revalidate: PRINTERS },
  createPrinter,
);
export const updatePrinterAction = action(
  { permission: "payments.setup", input: updatePrinterSchema, revalidate: PRINTERS },
  updatePrinter,
);
export const printTestPageAction = action({ permission: "payments.setup", input: byIdSchema }, printTestPage);
export const retryPrintJobAction = action({ permission: "printing.use", input: byIdSchema }, retryPrintJob);

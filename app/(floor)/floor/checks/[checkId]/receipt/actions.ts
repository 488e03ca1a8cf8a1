"use server";

import { action } from "@/lib/http/action";
import { printReceiptSchema } from "@/lib/printing/printer-fields";
import { printReceipt } from "@/lib/printing/print-receipt";

/** The receipt page's "Send to printer" (same use case as POST /api/v1/checks/:id/print). */
export const printReceiptAction = action({ permission: "printing.use", input: printReceiptSchema }, printReceipt);

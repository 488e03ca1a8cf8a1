import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getCheckForReceipt } from "@/lib/checks/get-order-checks";
import { orNotFound } from "@/lib/http/or-not-found";
import { isPaid, receiptDocument, receiptTitle } from "@/lib/printing/receipt-document";
import { ReceiptActions } from "./_components/receipt-actions";
import { ReceiptPaper } from "./_components/receipt-paper";

export const metadata: Metadata = { title: "Receipt" };

// On paper only the receipt shows, on an 80 mm roll with no browser margins.
const PRINT_CSS = `@media print {
  @page { size: 80mm auto; margin: 0; }
  body * { visibility: hidden; }
  [data-receipt], [data-receipt] * { visibility: visible; }
  [data-receipt] { position: absolute; left: 0; top: 0; }
}`;

export default async function ReceiptPage({ params }: { params: Promise<{ checkId: string }> }) {
  const ctx = await requireUser("orders.read");
  const { checkId } = await params;
  const view = await orNotFound(getCheckForReceipt(ctx, { checkId }), ["NOT_FOUND", "VALIDATION"]);
  const doc = receiptDocument(view, { printedAt: new Date() });
  const backHref = view.order.table ? `/floor/tables/${view.order.table.id}` : "/floor";
  return (
    <div className="space-y-4 py-2">
      <style>{PRINT_CSS}</style>
      <h1 className="text-center text-2xl font-bold print:hidden">
        {isPaid(view) ? "Receipt" : "Guest check"} · order #{view.order.number}
      </h1>
      <ReceiptActions checkId={checkId} backHref={backHref} canSendToPrinter={can(ctx, "printing.use")} />
      <ReceiptPaper doc={doc} label={receiptTitle(view)} />
    </div>
  );
}

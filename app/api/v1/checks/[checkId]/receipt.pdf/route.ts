import { z } from "zod";
import { getCheckForReceipt } from "@/lib/checks/get-order-checks";
import { route } from "@/lib/http/route";
import { receiptDocument, receiptTitle } from "@/lib/printing/receipt-document";
import { renderPdf } from "@/lib/printing/render-pdf";
import { idSchema } from "@/lib/validation";

/** GET /api/v1/checks/:id/receipt.pdf → the guest check or receipt as an 80 mm PDF (a download). */
export const GET = route(
  { permission: "orders.read", params: z.object({ checkId: idSchema }) },
  async ({ ctx, params }) => {
    const view = await getCheckForReceipt(ctx, { checkId: params.checkId });
    const title = receiptTitle(view);
    const pdf = await renderPdf(receiptDocument(view, { printedAt: new Date() }), { title });
    const file = `order-${view.order.number}-check-${view.check.number}.pdf`;
    return new Response(Buffer.from(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${file}"`,
        "cache-control": "no-store",
      },
    });
  },
);

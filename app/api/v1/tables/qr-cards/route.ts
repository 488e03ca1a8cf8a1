import { route } from "@/lib/http/route";
import { tableCardsPdf, tableCardsQuerySchema } from "@/lib/tables/table-cards";

/** GET /api/v1/tables/qr-cards?areaId=&paper=a4|letter — the table cards as a PDF download. */
export const GET = route({ permission: "setup.manage", query: tableCardsQuerySchema }, async ({ ctx, query }) => {
  const pdf = await tableCardsPdf(ctx, query);
  return new Response(Buffer.from(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": 'attachment; filename="table-cards.pdf"',
      "cache-control": "no-store",
      "x-request-id": ctx.requestId,
    },
  });
});

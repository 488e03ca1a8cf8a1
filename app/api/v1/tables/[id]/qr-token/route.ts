import { z } from "zod";
import { route } from "@/lib/http/route";
import { rotateQrToken } from "@/lib/tables/rotate-qr-token";
import { idSchema } from "@/lib/validation";

/** POST /api/v1/tables/:id/qr-token — a new QR token for the table; the printed card stops working. */
export const POST = route(
  { permission: "setup.manage", params: z.object({ id: idSchema }) },
  async ({ ctx, params }) => {
    const { qrToken, url } = await rotateQrToken(ctx, { id: params.id });
    return { qrToken, url };
  },
);

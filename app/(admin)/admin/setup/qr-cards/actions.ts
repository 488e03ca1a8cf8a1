"use server";

// Server actions of the table cards page: thin — the `action` wrapper checks the session, the
// permission and the input; lib/tables does the work (the same use case as POST /api/v1/tables/:id/qr-token).
import { action } from "@/lib/http/action";
import { rotateQrToken, rotateQrTokenSchema } from "@/lib/tables/rotate-qr-token";

export const rotateQrTokenAction = action(
  { permission: "setup.manage", input: rotateQrTokenSchema, revalidate: ["/admin/setup/qr-cards"] },
  async (ctx, input) => {
    const { label } = await rotateQrToken(ctx, input);
    return { label };
  },
);

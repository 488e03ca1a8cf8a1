import { route } from "@/lib/http/route";
import { exportGuestData } from "@/lib/privacy/export-guest-data";
import { personIdSchema } from "@/lib/privacy/privacy-schemas";

/** GET /api/v1/guests/:id/export: everything stored about the guest, decrypted (GDPR access request; audited). */
export const GET = route({ permission: "guests.privacy", params: personIdSchema }, async ({ ctx, params }) =>
  exportGuestData(ctx, params),
);

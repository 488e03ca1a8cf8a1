import { createGuestRequest } from "@/lib/guest/guest-requests";
import { guestRoute, readGuestBody } from "@/lib/guest/guest-route";

// POST /api/guest/requests { kind: "CALL_SERVER" | "BILL" } — a notice on the floor tablets.
export const POST = guestRoute({ member: true, status: 201 }, async ({ guest, req }) =>
  createGuestRequest(guest, await readGuestBody(req)),
);

import { route } from "@/lib/http/route";
import { getMyPin } from "@/lib/staff/get-my-pin";
import { setMyPin, setMyPinSchema } from "@/lib/staff/set-pin";

/** GET /api/v1/me/pin — whether the signed-in person has a PIN at this location (never the PIN). */
export const GET = route({ permission: "staff.signedIn" }, async ({ ctx }) => getMyPin(ctx));

/** PUT /api/v1/me/pin { pin } — set or change one's quick-switch PIN here (the PIN policy's field errors). */
export const PUT = route({ permission: "staff.signedIn", body: setMyPinSchema }, async ({ ctx, body }) => ({
  pin: { set: true, ...(await setMyPin(ctx, body)) },
}));

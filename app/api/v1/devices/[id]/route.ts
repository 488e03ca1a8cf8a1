import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { revokeDevice } from "@/lib/devices/revoke-device";

/** DELETE /api/v1/devices/:id — revoke an enrolled device at once (PIN switch there stops working). */
export const DELETE = route(
  { permission: "devices.enroll", params: z.object({ id: idSchema }) },
  async ({ ctx, params }) => revokeDevice(ctx, { deviceId: params.id }),
);

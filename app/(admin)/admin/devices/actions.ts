"use server";

import { action } from "@/lib/http/action";
import { revokeDevice, revokeDeviceSchema } from "@/lib/devices/revoke-device";

export const revokeDeviceAction = action(
  { permission: "devices.enroll", input: revokeDeviceSchema, revalidate: ["/admin/devices"] },
  async (ctx, input) => {
    const { id } = await revokeDevice(ctx, input);
    return { id };
  },
);

import { cookies } from "next/headers";
import type { Ctx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { deviceCookieName } from "@/lib/devices/device-cookie";
import { findEnrolledDevice } from "@/lib/devices/find-device";
import { listSwitchStaff, type Surface } from "@/lib/devices/list-switch-staff";
import { EnrollDeviceButton } from "./enroll-device-button";
import { SwitchUserButton } from "./switch-user";

/**
 * The floor and kitchen headers' device control: "Switch user" on a device enrolled here, else
 * "Enroll device" for whoever may enroll one, else nothing.
 */
export async function DeviceControls({ ctx, surface, dark = false }: { ctx: Ctx; surface: Surface; dark?: boolean }) {
  const device = await findEnrolledDevice((await cookies()).get(deviceCookieName())?.value, { touch: true });
  if (device && device.locationId === ctx.locationId) {
    const tiles = await listSwitchStaff(ctx.locationId, surface);
    return <SwitchUserButton tiles={tiles} surface={surface} dark={dark} deviceName={device.name} />;
  }
  if (can(ctx, "devices.enroll"))
    return <EnrollDeviceButton dark={dark} defaultName={surface === "kitchen" ? "Kitchen screen" : "Floor tablet"} />;
  return null;
}

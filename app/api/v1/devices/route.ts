import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { deviceCookieName, deviceCookieOptions } from "@/lib/devices/device-cookie";
import { enrollDevice, enrollDeviceSchema } from "@/lib/devices/enroll-device";
import { listDevices } from "@/lib/devices/list-devices";

/** GET /api/v1/devices — this location's enrolled devices (`current`: the browser asking). */
export const GET = route({ permission: "devices.enroll" }, async ({ ctx, req }) => ({
  devices: await listDevices(ctx, { currentToken: req.cookies.get(deviceCookieName())?.value }),
}));

/**
 * POST /api/v1/devices { name } — enroll the browser making the request as a shared device of the
 * current location: 201 with the device, and the device cookie (HttpOnly; the token is never in the body).
 */
export const POST = route({ permission: "devices.enroll", body: enrollDeviceSchema }, async ({ ctx, body, req }) => {
  const { device, token } = await enrollDevice(ctx, body, {
    currentToken: req.cookies.get(deviceCookieName())?.value,
  });
  const res = NextResponse.json({ device }, { status: 201, headers: { "x-request-id": ctx.requestId } });
  res.cookies.set(deviceCookieName(), token, deviceCookieOptions());
  return res;
});

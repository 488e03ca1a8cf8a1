import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { assertSameOrigin, errorResponse } from "@/lib/http/route";
import { isJsonContentType } from "@/lib/http/same-origin";
import { assertStorableInput } from "@/lib/validation";
import { issueSessionCookie } from "@/lib/auth/issue-session-cookie";
import { pinSwitchSchema, switchUserByPin } from "@/lib/auth/switch-user-by-pin";
import { deviceCookieName } from "@/lib/devices/device-cookie";
import { findEnrolledDevice } from "@/lib/devices/find-device";
import { instrumented } from "@/lib/observability/instrumented";
import { countedAuthAttempt } from "@/lib/auth/auth-metrics";

/**
 * POST /api/v1/auth/pin-switch { userId, pin, surface? } — on an enrolled device only (its cookie,
 * else 403): the current user's session here ends and the chosen person's begins (a new session
 * cookie). Not through route(): the device may be signed out. Throttled per device by verifyStaffPin.
 */
async function handle(req: NextRequest): Promise<NextResponse> {
  const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
  try {
    assertSameOrigin(req);
    const device = await findEnrolledDevice(req.cookies.get(deviceCookieName())?.value, { touch: true });
    if (!device) throw new AppError("FORBIDDEN", "This device is not enrolled for PIN switch. Ask a manager.");
    const text = await req.text();
    if (text.length > 4_000) throw new AppError("PAYLOAD_TOO_LARGE", "Request body too large");
    if (!isJsonContentType(req.headers.get("content-type")))
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json");
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError("VALIDATION", "Body must be valid JSON");
    }
    assertStorableInput(body);
    const previous = await getToken({ req, secret: env().NEXTAUTH_SECRET }).catch(() => null);
    const { staff, home } = await countedAuthAttempt("pin", () =>
      switchUserByPin(device, body, {
        ip: clientIp(req.headers),
        userAgent: req.headers.get("user-agent"),
        requestId,
        previous: previous?.sub
          ? { userId: previous.sub, sessionId: previous.sid, locationId: previous.locationId }
          : null,
      }),
    );
    const cookie = await issueSessionCookie(staff);
    const res = NextResponse.json(
      { user: { id: staff.id, name: staff.name, role: staff.role }, home },
      { headers: { "x-request-id": requestId, "cache-control": "no-store" } },
    );
    res.cookies.set(cookie.name, cookie.value, cookie.options);
    return res;
  } catch (error) {
    return errorResponse(error, requestId);
  }
}

// The schema travels with the handler: the route fuzz test generates its inputs from it.
export const POST = Object.assign(instrumented(handle), { schemas: { body: pinSwitchSchema } });

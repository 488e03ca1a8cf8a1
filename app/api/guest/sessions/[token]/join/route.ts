import { NextResponse } from "next/server";
import { DEVICE_COOKIE, isDeviceId, MEMBER_COOKIE } from "@/lib/guest/guest-cookie";
import { guestRoute, readGuestBody } from "@/lib/guest/guest-route";
import { joinGuestSession } from "@/lib/guest/join-guest-session";
import type { JoinGuestSessionInput } from "@/lib/guest/schemas";

// POST /api/guest/sessions/:token/join { pin, nickname } — a phone joins its table's session
// (ADR 0034). Sets the HttpOnly member cookie; a wrong PIN, unknown table or closed session: 401.
export const POST = guestRoute({ member: false }, async ({ req, requestId, ip, params }) => {
  const token = params.token ?? "";
  const device = req.cookies.get(DEVICE_COOKIE)?.value;
  const joined = await joinGuestSession(token, (await readGuestBody(req)) as JoinGuestSessionInput, {
    requestId,
    ip,
    deviceId: isDeviceId(device) ? device : null,
  });
  const res = NextResponse.json({ member: joined.member, resumed: joined.resumed, session: joined.session });
  // Gone with the browser session; only this site's own requests carry it.
  res.cookies.set(MEMBER_COOKIE, joined.cookie, {
    httpOnly: true,
    sameSite: "strict",
    secure: req.nextUrl.protocol === "https:",
    path: "/",
  });
  return res;
});

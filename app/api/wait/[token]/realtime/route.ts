import { publicWaitRoute } from "@/lib/waitlist/public-wait-route";
import { authenticateWaitSocket } from "@/lib/waitlist/authenticate-wait-socket";

// POST /api/wait/<token>/realtime (form: socket_id) — pusher-js's user authenticator for a waiting
// guest's socket: the realtime server closes sockets that never sign in (ADR 0009, ADR 0030).
export const POST = publicWaitRoute(async (req, token) =>
  authenticateWaitSocket(token, Object.fromEntries(new URLSearchParams(await req.text()))),
);

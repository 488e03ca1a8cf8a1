import { customerRoute } from "@/lib/customers/customer-route";
import { authenticateTrackSocket } from "@/lib/online/authenticate-track-socket";

// POST /api/public/track/<token>/realtime (form: socket_id) — pusher-js's user authenticator for a
// tracking page's socket: the realtime server closes sockets that never sign in (ADR 0009).
export const POST = customerRoute({ customer: false }, async ({ req, params }) =>
  authenticateTrackSocket(params.token ?? "", Object.fromEntries(new URLSearchParams(await req.text()))),
);

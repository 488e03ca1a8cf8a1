import { route } from "@/lib/http/route";
import { positionSchema } from "@/lib/driver/schemas";
import { sharePosition } from "@/lib/driver/share-position";

// POST { lat, lng, accuracy?, at? } — the driver's position while delivering, passed on to the
// customers' tracking pages with an ETA; 409 when nothing is out for delivery.
export const POST = route({ permission: "delivery.drive", body: positionSchema }, async ({ ctx, body }) =>
  sharePosition(ctx, body),
);

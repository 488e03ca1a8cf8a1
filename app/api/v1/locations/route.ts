import { route } from "@/lib/http/route";
import { copyLocation, copyLocationSchema } from "@/lib/locations/copy-location";

/** POST /api/v1/locations → a new location copied from one the caller administers. */
export const POST = route(
  { permission: "locations.create", body: copyLocationSchema },
  async ({ ctx, body }) => copyLocation(ctx, body),
  201,
);

import { route } from "@/lib/http/route";
import { getLocationSettings } from "@/lib/locations/get-location-settings";
import { updateLocationSettingsSchema } from "@/lib/locations/location-settings";
import { updateLocationSettings } from "@/lib/locations/update-location-settings";

/** GET /api/v1/location → the acting location's settings. */
export const GET = route({ permission: "setup.manage" }, async ({ ctx }) => getLocationSettings(ctx));

/** PATCH /api/v1/location → change any subset of them (audited before/after). */
export const PATCH = route({ permission: "setup.manage", body: updateLocationSettingsSchema }, async ({ ctx, body }) =>
  updateLocationSettings(ctx, body),
);

import { route } from "@/lib/http/route";

import { listMyLocations } from "@/lib/locations/list-my-locations";

export const GET = route({ permission: "staff.signedIn" }, async ({ ctx }) => ({
  user: { id: ctx.userId, name: ctx.name, email: ctx.email, role: ctx.role, locationId: ctx.locationId },
  locations: await listMyLocations(ctx),
}));

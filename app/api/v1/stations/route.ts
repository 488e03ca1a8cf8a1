import { route } from "@/lib/http/route";
import { listStationSetup } from "@/lib/kitchen/list-station-setup";
import { saveStation } from "@/lib/kitchen/save-station";
import { stationFieldsSchema } from "@/lib/kitchen/station-fields";

/** GET /api/v1/stations → every station (archived ones flagged) and the categories' routing defaults. */
export const GET = route({ permission: "setup.manage" }, async ({ ctx }) => listStationSetup(ctx));

export const POST = route(
  { permission: "setup.manage", body: stationFieldsSchema },
  async ({ ctx, body }) => saveStation(ctx, { fields: body }),
  201,
);

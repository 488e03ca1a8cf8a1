import { z } from "zod";
import { route } from "@/lib/http/route";
import { archiveStation } from "@/lib/kitchen/archive-station";
import { getStationSetup } from "@/lib/kitchen/get-station-setup";
import { saveStation } from "@/lib/kitchen/save-station";
import { stationFieldsSchema } from "@/lib/kitchen/station-fields";
import { idSchema } from "@/lib/validation";

const params = z.object({ id: idSchema });

export const GET = route({ permission: "setup.manage", params }, async ({ ctx, params }) =>
  getStationSetup(ctx, params.id),
);

export const PUT = route(
  { permission: "setup.manage", params, body: stationFieldsSchema },
  async ({ ctx, params, body }) => saveStation(ctx, { id: params.id, fields: body }),
);

/** Archives (history names the station); POST …/restore brings it back. */
export const DELETE = route({ permission: "setup.manage", params }, async ({ ctx, params }) =>
  archiveStation(ctx, { id: params.id, archived: true }),
);

import { route } from "@/lib/http/route";
import { listAreas } from "@/lib/tables/list-areas";
import { saveArea, saveAreaSchema } from "@/lib/tables/save-area";

export const GET = route({ permission: "setup.manage" }, async ({ ctx }) => ({ areas: await listAreas(ctx) }));

export const POST = route(
  { permission: "setup.manage", body: saveAreaSchema.omit({ id: true }) },
  async ({ ctx, body }) => saveArea(ctx, body),
  201,
);

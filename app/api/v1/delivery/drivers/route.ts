import { route } from "@/lib/http/route";
import { listDrivers } from "@/lib/delivery/list-drivers";

/** GET /api/v1/delivery/drivers → the location's drivers, on duty first: { drivers: [{ id, name, onDuty, load, position }] }. */
export const GET = route({ permission: "delivery.dispatch" }, async ({ ctx }) => ({ drivers: await listDrivers(ctx) }));

import { route } from "@/lib/http/route";
import { listMyDeliveries } from "@/lib/driver/list-my-deliveries";

// GET — the signed-in driver's open routes and their stops in route order (address, notes, cash to
// collect, change for, promised time), the shift on duty and the cash to hand in.
export const GET = route({ permission: "delivery.drive" }, async ({ ctx }) => listMyDeliveries(ctx));

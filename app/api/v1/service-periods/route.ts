import { route } from "@/lib/http/route";
import { getReservationSettings } from "@/lib/reservations/get-reservation-settings";
import { createServicePeriod } from "@/lib/reservations/save-service-period";
import { createServicePeriodSchema } from "@/lib/reservations/schemas";

// GET: the active service periods. POST {"name","daysOfWeek":[1,2],"startTime":"17:00","endTime":"22:00",
// "slotMinutes":15,"maxCoversPerSlot":24,"maxPartiesPerSlot":5}: a new one (no overlap on a weekday).
export const GET = route({ permission: "setup.manage" }, async ({ ctx }) => ({
  periods: (await getReservationSettings(ctx)).periods,
}));

export const POST = route(
  { permission: "setup.manage", body: createServicePeriodSchema },
  async ({ ctx, body }) => createServicePeriod(ctx, body),
  201,
);

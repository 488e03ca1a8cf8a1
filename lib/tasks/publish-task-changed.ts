import "server-only";
import type { Ctx } from "../auth/context";
import { floorChannel, kitchenChannel, TASK_EVENTS, taskChangedSchema, type TaskChanged } from "../realtime/events";
import { publishBuilt } from "../realtime/publish";

/** After commit: every screen showing checklists refetches them. Never throws (realtime is a hint). */
export function publishTaskChanged(
  ctx: Pick<Ctx, "locationId" | "requestId">,
  change: TaskChanged,
  name: (typeof TASK_EVENTS)[keyof typeof TASK_EVENTS] = TASK_EVENTS.taskChanged,
): void {
  publishBuilt(() => {
    const data = taskChangedSchema.parse(change);
    return [kitchenChannel(ctx.locationId), floorChannel(ctx.locationId)].map((channel) => ({ channel, name, data }));
  }, ctx);
}

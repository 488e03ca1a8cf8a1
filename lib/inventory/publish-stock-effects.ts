import "server-only";
import type { Ctx } from "../auth/context";
import { log } from "../log";
import { menuChangedMessages } from "../menu/publish-menu-changed";
import { INVENTORY_EVENTS, floorChannel, lowStockEventSchema } from "../realtime/events";
import { publishMessages } from "../realtime/publish";
import type { LowStockAlert } from "./low-stock";

export type PublishableEffects = {
  eightySixed?: { id: string }[];
  restored?: { id: string }[];
  eightySixedMenuItemIds?: string[];
  lowStock?: LowStockAlert[];
};

/**
 * After commit: tell order pads which items were (un)86'd (menu.changed → they refetch) and the
 * admin console which ingredients fell low. Never throws: realtime is a hint, clients refetch.
 */
export async function publishStockEffects(
  ctx: Pick<Ctx, "locationId" | "requestId">,
  effects: PublishableEffects,
): Promise<void> {
  try {
    const menuItemIds = [
      ...(effects.eightySixed ?? []).map((i) => i.id),
      ...(effects.restored ?? []).map((i) => i.id),
      ...(effects.eightySixedMenuItemIds ?? []),
    ];
    const messages = menuChangedMessages(ctx.locationId, menuItemIds);
    if (effects.lowStock?.length) {
      messages.push({
        channel: floorChannel(ctx.locationId),
        name: INVENTORY_EVENTS.lowStock,
        data: lowStockEventSchema.parse({ items: effects.lowStock.slice(0, 50), at: new Date().toISOString() }),
      });
    }
    if (messages.length) publishMessages(messages);
  } catch (error) {
    log.warn("publishing stock effects failed", { error, requestId: ctx.requestId });
  }
}

import "server-only";
import type { Ctx } from "../auth/context";
import { log } from "../log";
import { FLOOR_EVENTS, INVENTORY_EVENTS, floorChannel, lowStockEventSchema, menuChangedSchema } from "../realtime/events";
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
export async function publishStockEffects(ctx: Pick<Ctx, "locationId" | "requestId">, effects: PublishableEffects): Promise<void> {
  try {
    const menuItemIds = [...new Set([...(effects.eightySixed ?? []).map((i) => i.id), ...(effects.restored ?? []).map((i) => i.id), ...(effects.eightySixedMenuItemIds ?? [])])];
    const channel = floorChannel(ctx.locationId);
    const messages = [];
    for (let i = 0; i < menuItemIds.length; i += 200) {
      messages.push({ channel, name: FLOOR_EVENTS.menuChanged, data: menuChangedSchema.parse({ menuItemIds: menuItemIds.slice(i, i + 200) }) });
    }
    if (effects.lowStock?.length) {
      messages.push({ channel, name: INVENTORY_EVENTS.lowStock, data: lowStockEventSchema.parse({ items: effects.lowStock.slice(0, 50), at: new Date().toISOString() }) });
    }
    if (messages.length) publishMessages(messages);
  } catch (error) {
    log.warn("publishing stock effects failed", { error, requestId: ctx.requestId });
  }
}

/** For the menu's own changes (manual 86, prices, edits): order pads refetch these items. */
export async function publishMenuChanged(ctx: Pick<Ctx, "locationId" | "requestId">, menuItemIds: readonly string[]): Promise<void> {
  await publishStockEffects(ctx, { eightySixedMenuItemIds: [...menuItemIds] });
}

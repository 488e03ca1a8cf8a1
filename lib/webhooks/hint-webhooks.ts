import "server-only";
import type { LowStockAlert } from "../inventory/low-stock";
import { emitAfterCommit } from "./emit-webhook-event";

const MAX_IDS = 1000;

/**
 * Right after commit, where the realtime hints are published (ADR 0042): these changes come from
 * many use cases that already report them there. Never throws.
 */
export function emitStockLow(locationId: string, items: readonly LowStockAlert[]): Promise<void> {
  if (items.length === 0) return Promise.resolve();
  return emitAfterCommit({ locationId, type: "stock.low", data: { items: items.slice(0, MAX_IDS) } });
}

export function emitMenuChanged(locationId: string, menuItemIds: readonly string[]): Promise<void> {
  const ids = [...new Set(menuItemIds)];
  if (ids.length === 0) return Promise.resolve();
  return emitAfterCommit({
    locationId,
    type: "menu.changed",
    data: { menuItemIds: ids.slice(0, MAX_IDS), truncated: ids.length > MAX_IDS },
  });
}

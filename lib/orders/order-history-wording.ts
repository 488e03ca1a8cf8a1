// An order's history in words (issue 14): what each OrderEvent type and audited action means to
// a manager reading it. Pure; the reads are in get-order-history.ts.
import type { OrderEventPayload } from "../realtime/events";

export type Names = {
  item: (id: string) => string | null;
  station: (id: string | null) => string | null;
  table: (id: string | null | undefined) => string | null;
  user: (id: string | null | undefined) => string | null;
};

/** "Soup, Steak and 2 more" — at most three names. */
export function listNames(names: (string | null)[]): string {
  const known = names.filter((n): n is string => !!n);
  if (!known.length) return names.length ? `${names.length} item${names.length === 1 ? "" : "s"}` : "";
  const shown = known.slice(0, 3).join(", ");
  const more = names.length - Math.min(3, known.length);
  return more > 0 ? `${shown} and ${more} more` : shown;
}

/** One order event in words: "Sent Soup, Steak to the kitchen", "Grill finished Steak". */
export function describeOrderEvent(type: string, p: Partial<OrderEventPayload>, names: Names): string {
  const items = listNames((p.itemIds ?? []).map(names.item));
  const stations = listNames((p.stationIds ?? []).map(names.station).filter((s) => s !== null));
  const reason = p.reason ? ` (${p.reason})` : "";
  const approved = p.approvedById ? `, approved by ${names.user(p.approvedById) ?? "a manager"}` : "";
  const batch = p.fireBatch != null ? ` (fire ${p.fireBatch})` : "";
  switch (type) {
    case "order.opened":
      return "Opened the order";
    case "items.added":
      return `Added ${items || "items"}`;
    case "items.fired":
      return `Sent ${items || "items"} to the kitchen${batch}`;
    case "items.voided":
      return `Voided ${items || "items"}${reason}${approved}`;
    case "items.bumped":
      return `${stations || "The kitchen"} finished ${items || "items"}`;
    case "items.recalled":
      return `Recalled ${items || "items"} to ${stations || "the kitchen"}`;
    case "ticket.ready":
      return `Expo passed the ticket${batch}: food ready`;
    case "items.served":
      return `Served ${items || "items"}`;
    case "order.closed":
      return "Closed the order";
    case "order.voided":
      return `Voided the order${reason}${approved}`;
    case "checks.changed":
      return `Changed the checks${p.checkIds?.length ? ` (${p.checkIds.length})` : ""}`;
    case "payment.recorded":
      return "Recorded a payment";
    case "payment.refunded":
      return `Refunded a payment${reason}`;
    case "check.reopened":
      return `Reopened a check${reason}`;
    case "order.transferred": {
      const to = [
        p.toTableId !== undefined ? `table ${names.table(p.toTableId) ?? "—"}` : null,
        p.toServerId ? `server ${names.user(p.toServerId) ?? "—"}` : null,
      ].filter(Boolean);
      return `Moved the order${to.length ? ` to ${to.join(" and ")}` : ""}`;
    }
    default:
      return type;
  }
}

/** An audited action in words: "order.close_unpaid" → "Order: close unpaid". */
export function describeAuditAction(action: string): string {
  const [area, ...rest] = action.split(".");
  const what = rest.join(" ").replace(/_/g, " ");
  const Area = area.charAt(0).toUpperCase() + area.slice(1).replace(/_/g, " ");
  return what ? `${Area}: ${what}` : Area;
}

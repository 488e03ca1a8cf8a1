// The order lifecycle as pure rules (no I/O): which item moves are legal, what an order's
// status is given its items, and which table status follows. Use cases call these inside their
// transaction; the kitchen display and the order pad reuse them to enable/disable buttons.
import type { OrderItemStatus, OrderStatus, TableStatus } from "@/generated/prisma/enums";

export type ItemMove =
  | "hold" // PENDING → HELD (course kept back)
  | "fire" // PENDING/HELD → SENT (on a kitchen ticket)
  | "bump" // SENT stays SENT, bumpedAt set (station finished it); VOIDED acknowledged
  | "recall" // bumped SENT or READY → SENT with bumpedAt cleared
  | "ready" // bumped SENT → READY (expo passed the ticket)
  | "serve" // READY → SERVED
  | "void"; // anything not yet VOIDED → VOIDED

type ItemState = { status: OrderItemStatus; bumpedAt?: Date | string | null };

/** Whether `move` is legal for an item in `item`'s state. */
export function canMoveItem(item: ItemState, move: ItemMove): boolean {
  const bumped = item.bumpedAt != null;
  switch (move) {
    case "hold":
      return item.status === "PENDING";
    case "fire":
      return item.status === "PENDING" || item.status === "HELD";
    case "bump":
      return !bumped && (item.status === "SENT" || item.status === "VOIDED");
    case "recall":
      return (item.status === "SENT" && bumped) || item.status === "READY";
    case "ready":
      return item.status === "SENT" && bumped;
    case "serve":
      return item.status === "READY";
    case "void":
      return item.status !== "VOIDED";
  }
}

/** The kitchen has seen it: voiding it needs a manager (see docs/adr/0006). */
export function itemReachedKitchen(status: OrderItemStatus): boolean {
  return status === "SENT" || status === "READY" || status === "SERVED";
}

const TERMINAL: readonly OrderStatus[] = ["CLOSED", "VOIDED"];

export function isTerminalOrder(status: OrderStatus): boolean {
  return TERMINAL.includes(status);
}

/**
 * An open order's status follows from its items:
 * nothing fired → OPEN; something on the line and untouched → SENT; a station started
 * (bumped) while items remain on the line → IN_PROGRESS; nothing on the line but food at
 * the pass → READY; everything fired has been served → SERVED. Held courses do not count
 * until fired. CLOSED and VOIDED are only set explicitly and never left.
 */
export function deriveOrderStatus(current: OrderStatus, items: readonly ItemState[]): OrderStatus {
  if (isTerminalOrder(current)) return current;
  const live = items.filter((i) => i.status !== "VOIDED");
  const onLine = live.filter((i) => i.status === "SENT");
  const atPass = live.filter((i) => i.status === "READY");
  const served = live.filter((i) => i.status === "SERVED");
  if (onLine.length > 0) {
    const started = onLine.some((i) => i.bumpedAt != null);
    return started ? "IN_PROGRESS" : "SENT";
  }
  if (atPass.length > 0) return "READY";
  if (served.length > 0) return "SERVED";
  return "OPEN";
}

export type OrderMove = "close" | "void" | "serve";

/** Explicit order moves (the others are derived from items). */
export function canMoveOrder(status: OrderStatus, items: readonly ItemState[], move: OrderMove): boolean {
  if (isTerminalOrder(status)) return false;
  switch (move) {
    case "void":
      return true;
    case "serve":
      return items.some((i) => i.status === "READY");
    case "close":
      // Nothing may still be cooking or waiting at the pass; held/pending lines are dropped.
      return !items.some((i) => i.status === "SENT" || i.status === "READY");
  }
}

/**
 * The table status that mirrors an order (null order = table left). Food waiting at the pass
 * wins over everything else while the order is open: starters can be ready while mains cook.
 */
export function tableStatusFor(order: OrderStatus | null, opts: { foodWaiting?: boolean } = {}): TableStatus {
  if (order && !isTerminalOrder(order) && opts.foodWaiting) return "FOOD_READY";
  switch (order) {
    case null:
    case "CLOSED":
    case "VOIDED":
      return "FREE";
    case "OPEN":
    case "SERVED":
      return "SEATED";
    case "SENT":
    case "IN_PROGRESS":
      return "ORDERED";
    case "READY":
      return "FOOD_READY";
  }
}

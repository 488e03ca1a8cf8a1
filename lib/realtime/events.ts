// The realtime contract, in one place: channel names, event names and their payload schemas.
// Imported by the publisher (server), the channel authoriser (server) and the browsers'
// subscribers (client), so it must stay free of server-only imports.
//
// Events are hints, not state: they carry ids and small deltas (well under Pusher's 10 KB)
// and clients refetch through TanStack Query. Kitchen events carry the per-location `seq`
// (OrderEvent.seq, gapless, commit-ordered) so a display can detect what it missed and
// replay it from GET /api/v1/kitchen/events?after=N. Kitchen events never carry prices.
import { z } from "zod";
import type { OnlineOrderStatus, Role } from "@/generated/prisma/enums";
import { rolesFor } from "../auth/permissions";

export type ChannelAudience = "kitchen" | "floor";

const CHANNEL = /^private-loc-([A-Za-z0-9_-]{1,64}?)-(kitchen|floor)$/;

export function kitchenChannel(locationId: string): string {
  return `private-loc-${locationId}-kitchen`;
}

export function floorChannel(locationId: string): string {
  return `private-loc-${locationId}-floor`;
}

export function parseChannel(name: string): { locationId: string; audience: ChannelAudience } | null {
  const m = CHANNEL.exec(name);
  return m ? { locationId: m[1], audience: m[2] as ChannelAudience } : null;
}

/**
 * Who may subscribe to each audience's channel (same location only; checked in
 * app/api/realtime/auth). Floor roles do not get kitchen channels; managers get both.
 */
export const CHANNEL_ROLES: Record<ChannelAudience, readonly Role[]> = {
  kitchen: rolesFor("kitchen.work"),
  floor: rolesFor("floor.use"),
};

// ---- A driver's own channel (issue 16) ----------------------------------------------------------
// Drivers cannot follow the floor or kitchen channels (they carry every table and ticket), so each
// driver has a private channel per location that only they may join (lib/realtime/channel-access.ts).
// User ids are cuids (no hyphen), which keeps the name unambiguous next to the audiences above.

const DRIVER_CHANNEL = /^private-loc-([A-Za-z0-9_-]{1,64}?)-driver-([A-Za-z0-9_]{1,64})$/;

export function driverChannel(locationId: string, userId: string): string {
  return `private-loc-${locationId}-driver-${userId}`;
}

export function parseDriverChannel(name: string): { locationId: string; userId: string } | null {
  const m = DRIVER_CHANNEL.exec(name);
  return m ? { locationId: m[1], userId: m[2] } : null;
}

export const DRIVER_EVENTS = {
  /** Something on the driver's list changed: the app refetches GET /api/v1/delivery/drivers/me/deliveries. */
  changed: "driver.changed",
} as const;

export const ONLINE_ORDER_STATUSES = [
  "RECEIVED",
  "IN_KITCHEN",
  "READY",
  "OUT_FOR_DELIVERY",
  "DELIVERED",
  "PICKED_UP",
  "FAILED",
  "CANCELLED",
] as const satisfies readonly OnlineOrderStatus[];

/**
 * Ids only, strict: a stray field (a phone, an address) fails the parse and is not published.
 * `assigned`/`unassigned`: orders joined or left one of the driver's routes (the rest closed up);
 * `status`: an order of theirs moved (ready in the kitchen, cancelled, …).
 */
export const driverChangedSchema = z
  .object({
    what: z.enum(["assigned", "unassigned", "status"]),
    routeId: z.string().max(64).nullable(),
    orderIds: z.array(z.string().max(64)).max(50),
    status: z.enum(ONLINE_ORDER_STATUSES).optional(),
  })
  .strict();
export type DriverChanged = z.infer<typeof driverChangedSchema>;

// ---- Kitchen channel -------------------------------------------------------------------------

/** Every OrderEvent type; the event's name on the kitchen channel is the same string. */
export const ORDER_EVENT_TYPES = [
  "order.opened",
  "items.added",
  "items.fired",
  "items.voided",
  "items.bumped",
  "items.recalled",
  "ticket.ready",
  "items.served",
  "order.closed",
  "order.voided",
  /** Checks were split, merged, discounted; lines moved between them. */
  "checks.changed",
  "payment.recorded",
  "payment.refunded",
  "check.reopened",
  /** The order moved to another table or server: tickets show the new table. */
  "order.transferred",
] as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

/** Types after which a station's tickets look different (chime + refetch). */
export const TICKET_CHANGING_TYPES: readonly OrderEventType[] = [
  "items.fired",
  "items.voided",
  "items.bumped",
  "items.recalled",
  "ticket.ready",
  "order.voided",
  "order.transferred",
];

/** What OrderEvent.payload holds (stored as JSON; never prices). */
export const orderEventPayloadSchema = z.object({
  /** Stations whose tickets this event touches (null = items without a station). */
  stationIds: z.array(z.string().nullable()).max(50).default([]),
  itemIds: z.array(z.string()).max(200).default([]),
  fireBatch: z.number().int().nullable().optional(),
  status: z.string().max(32).optional(),
  reason: z.string().max(200).optional(),
  /** The manager whose PIN approved the change (a void of a sent line by a server), beside the event's actor. */
  approvedById: z.string().max(64).optional(),
  /** Checks and payments events: which checks and payment (amounts stay in their rows and the audit). */
  checkIds: z.array(z.string().max(64)).max(50).optional(),
  paymentId: z.string().max(64).optional(),
  fromTableId: z.string().max(64).nullable().optional(),
  toTableId: z.string().max(64).nullable().optional(),
  toServerId: z.string().max(64).optional(),
});
export type OrderEventPayload = z.infer<typeof orderEventPayloadSchema>;

/** The data of every kitchen-channel event. Deliberately small: ids and a seq. */
export const kitchenEventSchema = z.object({
  seq: z.number().int().positive(),
  type: z.enum(ORDER_EVENT_TYPES),
  orderId: z.string().nullable(),
  stationIds: z.array(z.string().nullable()).max(50),
  fireBatch: z.number().int().nullable(),
  at: z.string(),
});
export type KitchenEvent = z.infer<typeof kitchenEventSchema>;

/** A stored OrderEvent row → the kitchen event published for it (and replayed later). */
export function toKitchenEvent(row: {
  seq: number;
  type: string;
  orderId: string | null;
  payload: unknown;
  createdAt: Date | string;
}): KitchenEvent {
  const payload = orderEventPayloadSchema.safeParse(row.payload);
  const type = (ORDER_EVENT_TYPES as readonly string[]).includes(row.type)
    ? (row.type as OrderEventType)
    : "order.opened";
  return {
    seq: row.seq,
    type,
    orderId: row.orderId,
    stationIds: payload.success ? payload.data.stationIds : [],
    fireBatch: payload.success ? (payload.data.fireBatch ?? null) : null,
    at: typeof row.createdAt === "string" ? row.createdAt : row.createdAt.toISOString(),
  };
}

/** GET /api/v1/kitchen/events?after=N */
export const kitchenReplaySchema = z.object({
  /** The location's latest committed seq when the query ran. */
  seq: z.number().int().nonnegative(),
  events: z.array(kitchenEventSchema),
  /** More events exist after the last one returned: take a snapshot instead. */
  truncated: z.boolean(),
});
export type KitchenReplay = z.infer<typeof kitchenReplaySchema>;

// ---- Floor channel ---------------------------------------------------------------------------

export const FLOOR_EVENTS = {
  tableChanged: "table.changed",
  orderChanged: "order.changed",
  /** Items were 86'd or came back: order pads refetch the menu. */
  menuChanged: "menu.changed",
  /** A table's guest session opened/closed, a guest order waits for approval, a guest asked for the server or the bill. */
  guestChanged: "guest.changed",
  /** Areas or tables were added, moved, edited or archived: floor views refetch the room. */
  layoutChanged: "floor.layout-changed",
  /** A reservation was booked, edited or changed status: host stands and floor views refetch that day. */
  reservationsChanged: "reservations.changed",
  /** A waitlist party was added, edited, notified, seated or left: host stands refetch the queue. */
  waitlistChanged: "waitlist.changed",
  /**
   * Delivery orders were assigned to a driver or unassigned (issue 16): dispatch boards and the
   * driver app refetch. Also sent on the kitchen channel, where the dispatch board of a chef listens.
   */
  deliveryChanged: "delivery.changed",
} as const;

export const tableChangedSchema = z.object({
  tableId: z.string(),
  status: z.enum(["FREE", "SEATED", "ORDERED", "FOOD_READY", "NEEDS_ATTENTION", "NEEDS_BUSSING"]),
  orderId: z.string().nullable(),
  seq: z.number().int().nullable(),
});
export type TableChanged = z.infer<typeof tableChangedSchema>;

export const orderChangedSchema = z.object({
  orderId: z.string(),
  tableId: z.string().nullable(),
  status: z.enum(["OPEN", "SENT", "IN_PROGRESS", "READY", "SERVED", "CLOSED", "VOIDED"]),
  type: z.enum(ORDER_EVENT_TYPES),
  seq: z.number().int(),
  /** How much of the bill is paid (the floor tile shows it). */
  paymentState: z.enum(["UNPAID", "PARTLY_PAID", "PAID"]).optional(),
});
export type OrderChanged = z.infer<typeof orderChangedSchema>;

export const menuChangedSchema = z.object({
  menuItemIds: z.array(z.string()).max(200),
});
export type MenuChanged = z.infer<typeof menuChangedSchema>;

export const layoutChangedSchema = z.object({
  /** The areas whose room changed (empty = areas themselves were added, renamed, reordered or archived). */
  areaIds: z.array(z.string()).max(50),
  tableIds: z.array(z.string()).max(200),
});
export type LayoutChanged = z.infer<typeof layoutChangedSchema>;

export const reservationsChangedSchema = z.object({
  reservationId: z.string(),
  status: z.enum(["BOOKED", "CONFIRMED", "ARRIVED", "SEATED", "COMPLETED", "CANCELLED", "NO_SHOW"]),
  /** The local date (YYYY-MM-DD) the booking is on; an edit that moves it to another day also names the old one. */
  dates: z.array(z.string().max(10)).min(1).max(2),
  tableIds: z.array(z.string()).max(10),
});
export type ReservationsChanged = z.infer<typeof reservationsChangedSchema>;

export const deliveryChangedSchema = z.object({
  what: z.enum(["assigned", "unassigned"]),
  routeId: z.string().max(64).nullable(),
  driverId: z.string().max(64).nullable(),
  orderIds: z.array(z.string().max(64)).max(50),
});
export type DeliveryChanged = z.infer<typeof deliveryChangedSchema>;

export const WAITLIST_STATUSES = ["WAITING", "NOTIFIED", "SEATED", "LEFT"] as const;

export const waitlistChangedSchema = z.object({
  entryId: z.string(),
  status: z.enum(WAITLIST_STATUSES),
});
export type WaitlistChanged = z.infer<typeof waitlistChangedSchema>;

// ---- A waiting guest's status page (ADR 0030) ---------------------------------------------------
// A public channel per waitlist entry, named from the hash of the status link's token
// (lib/waitlist/wait-channel.ts): unguessable, and it carries no personal data — only the hint
// to refetch. Floor changes that move the queue are sent to every waiting party's channel.

export const WAIT_EVENTS = { changed: "wait.changed" } as const;

export const waitChangedSchema = z.object({ status: z.enum(WAITLIST_STATUSES) });
export type WaitChanged = z.infer<typeof waitChangedSchema>;

// ---- An online order's tracking page (issue 16) ------------------------------------------------
// A public channel per online order, named from a hash of the tracking link's token
// (lib/online/tracking-channel.ts), like a waiting party's. `changed` is a hint to refetch the
// status; `position` carries the driver's position while the order is out for delivery (no
// personal data of the customer: the page already knows its own address).

export const TRACK_EVENTS = { changed: "track.changed", position: "track.position" } as const;

export const trackChangedSchema = z.object({ status: z.string().max(32) });
export type TrackChanged = z.infer<typeof trackChangedSchema>;

export const trackPositionSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** Epoch milliseconds the position was taken. */
  at: z.number().int(),
  /** Minutes to the customer's door, when the server could estimate it. */
  etaMinutes: z.number().int().min(0).max(600).nullable(),
});
export type TrackPosition = z.infer<typeof trackPositionSchema>;

// ---- Guest table sessions (ADR 0034) -------------------------------------------------------------
// A private channel per session, authorised by the member cookie (app/api/guest/realtime/auth).
// Hints only: phones refetch their session, cart or menu.

const GUEST_CHANNEL = /^private-guest-([A-Za-z0-9_-]{1,64})$/;

export function guestChannel(sessionId: string): string {
  return `private-guest-${sessionId}`;
}

export function parseGuestChannel(name: string): string | null {
  return GUEST_CHANNEL.exec(name)?.[1] ?? null;
}

export const GUEST_EVENTS = {
  cart: "guest.cart",
  session: "guest.session",
  order: "guest.order",
  menu: "guest.menu",
} as const;

export const guestCartEventSchema = z.object({ version: z.number().int(), by: z.string().max(64).nullable() });

export const guestChangedSchema = z.object({
  tableId: z.string(),
  what: z.enum(["session", "submission", "request"]),
});
export type GuestChanged = z.infer<typeof guestChangedSchema>;

/** Whether a kitchen event concerns a station (expo sees everything). */
export function concernsStation(
  event: Pick<KitchenEvent, "stationIds">,
  station: { id: string; isExpo: boolean },
): boolean {
  return station.isExpo || event.stationIds.includes(station.id);
}

// ---- Menu & inventory events (owned by issue #4, menu/inventory) ------------------------------
// Published on the floor channel: managers (the admin console) may subscribe to it, and floor
// clients bind events by name, so they ignore these. Menu changes (86, un-86, prices) reuse
// FLOOR_EVENTS.menuChanged above so every order pad refetches its menu.

export const INVENTORY_EVENTS = {
  /** Ingredients just fell to or below their reorder point. */
  lowStock: "inventory.low-stock",
} as const;

export const lowStockEventSchema = z.object({
  items: z
    .array(
      z.object({
        ingredientId: z.string(),
        name: z.string().max(80),
        onHand: z.string().max(24),
        reorderPoint: z.string().max(24),
        baseUnit: z.enum(["G", "ML", "EACH"]),
      }),
    )
    .max(50),
  at: z.string(),
});
export type LowStockEvent = z.infer<typeof lowStockEventSchema>;

// ---- Checklists (issue 10, tasks) -------------------------------------------------------------
// Published on both the kitchen and the floor channel: kitchen screens, tablets and the console
// (which follows the floor channel) refetch today's lists. Kitchen clients ignore it in their seq'd
// feed (it is no kitchenEventSchema payload).

export const TASK_EVENTS = {
  /** A task was ticked or unticked for a business day. */
  taskChanged: "task.changed",
  /** A checklist was created, edited or archived. */
  checklistChanged: "checklist.changed",
} as const;

export const taskChangedSchema = z.object({
  checklistId: z.string(),
  taskId: z.string().nullable(),
  stationId: z.string().nullable(),
  businessDate: z.string().max(10),
  done: z.boolean().nullable(),
});
export type TaskChanged = z.infer<typeof taskChangedSchema>;

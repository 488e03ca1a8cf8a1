// Who may do what: the one table of roles per action. Use cases assert it, the transports and
// pages check it, and client components read it to decide what to offer (never to enforce).
// No server-only import: the order pad and the kitchen screen read the same rules.
import type { Role } from "./roles";
import { ROLES } from "./roles";
import { AppError } from "../errors";

const MANAGEMENT = ["ADMIN", "MANAGER"] as const satisfies readonly Role[];
const KITCHEN = ["ADMIN", "MANAGER", "CHEF"] as const satisfies readonly Role[];
/** Who settles a table's bill: everyone front of house except the host. */
const CHECKOUT = ["ADMIN", "MANAGER", "SERVER", "CASHIER"] as const satisfies readonly Role[];
const FRONT_OF_HOUSE = ["ADMIN", "MANAGER", "SERVER", "CASHIER", "HOST"] as const satisfies readonly Role[];

export const PERMISSIONS = {
  /** Any signed-in staff member: their own account, /me, signing the realtime socket in. */
  "staff.signedIn": ROLES,
  /** The staff surfaces' pages (floor, kitchen, console); drivers have their own app, /driver (issue 16). */
  "surfaces.staff": ["ADMIN", "MANAGER", "SERVER", "CHEF", "CASHIER", "HOST"],
  /** The admin console's pages (dashboard, staff list). */
  "console.use": MANAGEMENT,
  /** Create, edit, price, archive and import menu items, categories, modifiers, windows. */
  "menu.edit": MANAGEMENT,
  /** 86 a dish or bring it back (the kitchen runs out). */
  "menu.86": KITCHEN,
  /** Ingredients, suppliers, purchase orders, counts, recipes, stock corrections. */
  "inventory.manage": MANAGEMENT,
  /** Log waste (the kitchen drops a tray). */
  "inventory.waste": KITCHEN,
  /** The floor plan and a table's order pad. */
  "floor.use": FRONT_OF_HOUSE,
  /** Open tables, add and send items, fire held courses, mark served, flag a table. */
  "orders.take": FRONT_OF_HOUSE,
  /** Read orders with prices. */
  "orders.read": FRONT_OF_HOUSE,
  /** Close a check (the table becomes free). */
  "orders.close": ["ADMIN", "MANAGER", "SERVER", "CASHIER"],
  /** Void what the kitchen has already received, or a whole order (docs/adr/0006). */
  "orders.voidSent": MANAGEMENT,
  /** Kitchen screens: read tickets (never prices), bump, recall, mark ready. */
  "kitchen.work": KITCHEN,
  /** The station load forecast: expected items per station for the next hours (kitchen screens, dashboard). */
  "kitchen.forecast": KITCHEN,
  /** Location settings, stations, areas, tables and the floor plan. */
  "setup.manage": MANAGEMENT,
  /** Open another location by copying menu, stations and settings from one they administer. */
  "locations.create": ["ADMIN"],
  /** Create staff, change roles and rates, deactivate, unlock, issue password-reset links. */
  "staff.manage": MANAGEMENT,
  /** Create an ADMIN or make someone one (managers manage everyone else). */
  "staff.grantAdmin": ["ADMIN"],
  /** Export everything stored about a staff member (GDPR) and erase it on request. */
  "staff.privacy": ["ADMIN"],
  /** Create and revoke personal/integration API tokens (console only: a token cannot make tokens). */
  "apiTokens.manage": MANAGEMENT,
  /** Webhook endpoints for integrations: subscribe URLs to events, rotate secrets, redeliver (ADR 0042). */
  "webhooks.manage": MANAGEMENT,
  /** Enroll a shared tablet or kitchen screen for PIN quick switch; revoke it. */
  "devices.enroll": MANAGEMENT,
  /** Give a manager's approval (by PIN on someone else's device) for a sensitive action. */
  "approvals.give": MANAGEMENT,
  /** The weekly schedule: draw, copy, publish shifts. */
  "schedule.manage": MANAGEMENT,
  /** Clock in and out, take breaks; see one's own shifts and punches. */
  "timeclock.punch": ROLES,
  /** Correct punches, read and export timesheets and labour cost. */
  "timeclock.manage": MANAGEMENT,
  /** Write opening/closing/prep checklists. */
  "tasks.manage": MANAGEMENT,
  /** Tick (and untick) a checklist task on a tablet or kitchen screen. */
  "tasks.tick": ROLES,
  /** Split, merge, move lines between checks, transfer a check or table, print a guest check. */
  "checks.manage": CHECKOUT,
  /** Discount or comp within the role's limit (Location.discountLimits); above it a manager approves. */
  "checks.discount": CHECKOUT,
  /** Discount or comp any amount (and approve others' discounts above their limit). */
  "checks.discountAny": MANAGEMENT,
  /** Record payments: cash, card on the external terminal, house account; tips. */
  "payments.take": CHECKOUT,
  /** Refund a payment (full or partial), with a reason. */
  "payments.refund": MANAGEMENT,
  /** Reopen a paid check; close a table whose checks are not all paid (with a reason). */
  "checks.reopen": MANAGEMENT,
  /** Open and count a cash drawer; pay-ins and pay-outs. */
  "cash.drawer": ["ADMIN", "MANAGER", "CASHIER"],
  /** Discount reasons and limits, tenders, tips, service charges, printers. */
  "payments.setup": MANAGEMENT,
  /** End-of-day (Z) reports and cash drawer history. */
  "reports.money": MANAGEMENT,
  /** Read the audit log: who did what, when, with before/after values. */
  "audit.view": MANAGEMENT,
  /** Re-print a receipt, guest check or kitchen chit; see the print queue. */
  "printing.use": ROLES,
  /** Book, edit, confirm, seat, cancel reservations; guests; mark arrivals and no-shows. */
  "reservations.manage": ["ADMIN", "MANAGER", "HOST", "SERVER"],
  /** Read the reservation book, guests and availability. */
  "reservations.read": FRONT_OF_HOUSE,
  /** Add walk-ins to the waitlist, notify them, seat them or mark them gone. */
  "waitlist.manage": ["ADMIN", "MANAGER", "HOST", "SERVER"],
  /** Export everything stored about a guest (GDPR) and erase it on request. */
  "guests.privacy": MANAGEMENT,
  /** Push tables together for one party and part them; move a seated party to another table. */
  "tables.arrange": ["ADMIN", "MANAGER", "HOST", "SERVER"],
  /** Detailed health (checks, timings, process figures). */
  "ops.health": ["ADMIN"],
  /** Online orders on the floor side: the list, marking a pickup collected (issue 16). */
  "online.orders": [...CHECKOUT, "HOST", "CHEF"],
  /** Online customers: list, look up, block and lift blocks, GDPR export and erase. */
  "customers.manage": MANAGEMENT,
  /** Delivery areas (fee, minimum, travel time) and the online-ordering settings. */
  "delivery.setup": MANAGEMENT,
  /** The dispatch board: assign ready orders to drivers, batch them into routes (expo or manager). */
  "delivery.dispatch": KITCHEN,
  /** The driver app: go on duty, own deliveries, share position while delivering. */
  "delivery.drive": ["ADMIN", "DRIVER"],
  /** Count a driver's cash at the end of a shift and reconcile it. */
  "delivery.cashup": MANAGEMENT,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function rolesFor(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

export function can(who: Role | { role: Role }, permission: Permission): boolean {
  const role = typeof who === "string" ? who : who.role;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

const REFUSALS: Partial<Record<Permission, string>> = {
  "orders.voidSent": "Only a manager can void a line the kitchen has received",
  "payments.refund": "Only a manager can refund a payment",
  "checks.reopen": "Only a manager can reopen a paid check",
};

/** Throws FORBIDDEN unless the acting role has the permission. */
export function assertCan(ctx: { role: Role }, permission: Permission, message?: string): void {
  if (!can(ctx, permission))
    throw new AppError("FORBIDDEN", message ?? REFUSALS[permission] ?? "Your role cannot do this");
}

// ---- Rules that depend on the data ------------------------------------------------------------

/** A line the kitchen has not received can be voided by whoever takes orders; after that, a manager. */
export function canVoidLine(role: Role, reachedKitchen: boolean): boolean {
  return can(role, "orders.take") && (!reachedKitchen || can(role, "orders.voidSent"));
}

/** Why a role may not void a line, for the button that says so (null when it may). */
export function voidRefusal(role: Role, reachedKitchen: boolean): string | null {
  if (canVoidLine(role, reachedKitchen)) return null;
  return can(role, "orders.take") ? REFUSALS["orders.voidSent"]! : "Your role cannot void lines";
}

// What an API token may be used for (ADR 0037). A scope is `<area>:<read|write>`; the scope a
// request needs is derived from its route's permission (the area) and its method (read for GET,
// write otherwise), so no route names its scope by hand. Scopes only narrow: the role table
// still applies to every token request. No server-only import: the console's token form reads it.
import type { Permission } from "./permissions";

export const SCOPE_AREAS = [
  "orders",
  "kitchen",
  "menu",
  "inventory",
  "reports",
  "reservations",
  "staff",
  "setup",
  "delivery",
] as const;
export type ScopeArea = (typeof SCOPE_AREAS)[number];
export type Scope = `${ScopeArea}:${"read" | "write"}`;

export const SCOPES: readonly Scope[] = SCOPE_AREAS.flatMap((a) => [`${a}:read`, `${a}:write`] as Scope[]);

/**
 * The area of each permission. `any`: every token may use it (its own account); `none`: no token
 * may, only a signed-in browser (making tokens: a leaked token must not mint wider ones).
 */
const AREA: Record<Permission, ScopeArea | "any" | "none"> = {
  "staff.signedIn": "any",
  "surfaces.staff": "none",
  "console.use": "reports",
  "menu.edit": "menu",
  "menu.86": "menu",
  "inventory.manage": "inventory",
  "inventory.waste": "inventory",
  "floor.use": "orders",
  "orders.take": "orders",
  "orders.read": "orders",
  "orders.close": "orders",
  "orders.voidSent": "orders",
  "kitchen.work": "kitchen",
  "kitchen.forecast": "kitchen",
  "setup.manage": "setup",
  "locations.create": "setup",
  "staff.manage": "staff",
  "staff.grantAdmin": "staff",
  "staff.privacy": "none",
  "apiTokens.manage": "none",
  "webhooks.manage": "setup",
  "devices.enroll": "setup",
  "approvals.give": "staff",
  "schedule.manage": "staff",
  "timeclock.punch": "staff",
  "timeclock.manage": "staff",
  "tasks.manage": "staff",
  "tasks.tick": "staff",
  "checks.manage": "orders",
  "checks.discount": "orders",
  "checks.discountAny": "orders",
  "payments.take": "orders",
  "payments.refund": "orders",
  "checks.reopen": "orders",
  "cash.drawer": "orders",
  "payments.setup": "setup",
  "reports.money": "reports",
  "audit.view": "reports",
  "printing.use": "orders",
  "reservations.manage": "reservations",
  "reservations.read": "reservations",
  "waitlist.manage": "reservations",
  "guests.privacy": "none",
  "tables.arrange": "orders",
  "ops.health": "setup",
  "online.orders": "orders",
  "customers.manage": "none",
  "delivery.setup": "delivery",
  "delivery.dispatch": "delivery",
  "delivery.drive": "delivery",
  "delivery.cashup": "delivery",
};

/** The scope a request needs: null = none needed; "none" = no token may make it. */
export function scopeFor(permission: Permission, method: string): Scope | null | "none" {
  const area = AREA[permission];
  if (area === "any") return null;
  if (area === "none") return "none";
  return `${area}:${method === "GET" || method === "HEAD" ? "read" : "write"}`;
}

/** Whether granted scopes allow a request (`x:write` includes `x:read`). */
export function scopesAllow(granted: readonly string[], permission: Permission, method: string): boolean {
  const needed = scopeFor(permission, method);
  if (needed === null) return true;
  if (needed === "none") return false;
  return granted.includes(needed) || (needed.endsWith(":read") && granted.includes(needed.replace(/:read$/, ":write")));
}

export function isScope(s: string): s is Scope {
  return (SCOPES as readonly string[]).includes(s);
}

/**
 * A space-separated scope string (OAuth style) → the distinct scopes, or the unknown words.
 * Empty or missing means every scope (the role still limits what the token can do).
 */
export function parseScopeString(raw: string | undefined | null): { scopes: Scope[] } | { unknown: string[] } {
  const words = (raw ?? "").split(/\s+/).filter(Boolean);
  if (words.length === 0) return { scopes: [...SCOPES] };
  const unknown = words.filter((w) => !isScope(w));
  if (unknown.length) return { unknown: [...new Set(unknown)].slice(0, 10) };
  return { scopes: [...new Set(words as Scope[])] };
}

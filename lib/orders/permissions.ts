// Who may do what with orders. The transports check roles first; the use cases check again
// (they are also called from scripts and tests), and some rules depend on the data (voids).
import type { Ctx } from "../auth/context";
import type { Role } from "../auth/roles";
import { AppError } from "../errors";

/** Open tables, add and send items, fire held courses, mark food served. */
export const ORDER_TAKERS = ["ADMIN", "MANAGER", "SERVER", "CASHIER", "HOST"] as const satisfies readonly Role[];
/** Read orders with prices (floor side). */
export const ORDER_READERS = ORDER_TAKERS;
/** Close a paid check (the table becomes free). */
export const ORDER_CLOSERS = ["ADMIN", "MANAGER", "SERVER", "CASHIER"] as const satisfies readonly Role[];
/** Void what the kitchen has already seen, or a whole order (docs/adr/0006). */
export const VOID_APPROVERS = ["ADMIN", "MANAGER"] as const satisfies readonly Role[];
/** Bump, recall, mark ready, read tickets (never prices). */
export const KITCHEN_ACTORS = ["ADMIN", "MANAGER", "CHEF"] as const satisfies readonly Role[];

export function hasRole(ctx: Pick<Ctx, "role">, roles: readonly Role[]): boolean {
  return roles.includes(ctx.role);
}

export function assertRole(ctx: Pick<Ctx, "role">, roles: readonly Role[], message = "Your role cannot do this"): void {
  if (!hasRole(ctx, roles)) throw new AppError("FORBIDDEN", message);
}

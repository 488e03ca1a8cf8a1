import "server-only";
import type { Ctx } from "../auth/context";
import { MANAGERS, type Role } from "../auth/roles";
import { AppError } from "../errors";

/**
 * Defence in depth: the transports' wrappers check roles, and the use cases check again so a
 * future caller (a job, another route) cannot skip it. Menu and inventory changes are managers'.
 */
export function assertRole(ctx: Ctx, roles: readonly Role[] = MANAGERS): void {
  if (!roles.includes(ctx.role)) throw new AppError("FORBIDDEN", "Your role cannot do this");
}

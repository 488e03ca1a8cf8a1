import type { Role } from "@/generated/prisma/enums";

export type { Role };
export const ROLES = [
  "ADMIN",
  "MANAGER",
  "SERVER",
  "CHEF",
  "CASHIER",
  "HOST",
  "DRIVER",
] as const satisfies readonly Role[];

/** Where each role lands after sign-in. */
export function homeFor(role: Role): string {
  switch (role) {
    case "ADMIN":
    case "MANAGER":
      return "/admin";
    case "CHEF":
      return "/kitchen";
    case "CASHIER":
      return "/floor/checks";
    // The host's night is the book, the waitlist and the room: the host stand.
    case "HOST":
      return "/floor/host";
    case "DRIVER":
      return "/driver";
    default:
      return "/floor";
  }
}

/**
 * Session lifetimes per role (see docs/adr/0005-session-lifetimes.md). A kitchen screen stays
 * signed in for a whole service; a console with the power to change prices does not sit open
 * unattended for long. No session outlives 12 hours.
 */
export const SESSION_POLICY: Record<Role, { idleMinutes: number; absoluteHours: number }> = {
  ADMIN: { idleMinutes: 60, absoluteHours: 10 },
  MANAGER: { idleMinutes: 120, absoluteHours: 12 },
  CASHIER: { idleMinutes: 240, absoluteHours: 12 },
  SERVER: { idleMinutes: 240, absoluteHours: 12 },
  HOST: { idleMinutes: 240, absoluteHours: 12 },
  CHEF: { idleMinutes: 720, absoluteHours: 12 },
  // A driver's phone sits in a pocket between deliveries.
  DRIVER: { idleMinutes: 240, absoluteHours: 12 },
};

export const ABSOLUTE_MAX_SECONDS = 12 * 3600;

export function sessionExpired(role: Role, authAt: number, lastSeenAt: number, now = Date.now()): boolean {
  const p = SESSION_POLICY[role];
  return now - authAt > p.absoluteHours * 3600_000 || now - lastSeenAt > p.idleMinutes * 60_000;
}

// A location with its counter row and one staff member per role, each with a ctx to act as.
import { randomUUID } from "node:crypto";
import type { Role } from "@/generated/prisma/client";
import type { Ctx } from "@/lib/auth/context";
import { ROLES } from "@/lib/auth/roles";
import { testDb } from "../helpers";
import { tag } from "./tag";

export type StaffMember = { userId: string; email: string; name: string; role: Role; ctx: Ctx };
export type BuiltLocation = {
  id: string;
  slug: string;
  timezone: string;
  staff: Record<Role, StaffMember>;
  /** The acting context of each role's staff member (`location.ctx.SERVER`). */
  ctx: Record<Role, Ctx>;
};

/**
 * Not an argon2 hash: nobody signs in as a built user. Tests of sign-in and passwords need a real
 * hash (hashPassword) and stay on the demo seed.
 */
const NO_PASSWORD = "built-user-without-password";

export type LocationSpec = {
  slug?: string;
  name?: string;
  timezone?: string;
  taxRateBps?: number;
  /** Display names by role (what tickets and audits show); default "Test <role>". */
  names?: Partial<Record<Role, string>>;
};

export async function buildLocation(spec: LocationSpec = {}): Promise<BuiltLocation> {
  const db = testDb();
  const slug = spec.slug ?? `loc-${tag()}`;
  const location = await db.location.create({
    data: {
      slug,
      name: spec.name ?? `Test location ${slug}`,
      timezone: spec.timezone ?? "UTC",
      taxRateBps: spec.taxRateBps ?? 0,
      counter: { create: {} },
    },
  });
  const staff = {} as Record<Role, StaffMember>;
  for (const role of ROLES) {
    staff[role] = await addStaff(location, role, { name: spec.names?.[role] });
  }
  const ctx = Object.fromEntries(ROLES.map((role) => [role, staff[role].ctx])) as Record<Role, Ctx>;
  return { id: location.id, slug, timezone: location.timezone, staff, ctx };
}

/** Another staff member at a location (a second server, say). */
export async function addStaff(
  location: { id: string; slug: string },
  role: Role,
  opts: { name?: string; email?: string } = {},
): Promise<StaffMember> {
  const email = opts.email ?? `${role.toLowerCase()}-${tag()}@${location.slug}.test`;
  const name = opts.name ?? `Test ${role.toLowerCase()}`;
  const user = await testDb().user.create({
    data: { email, name, passwordHash: NO_PASSWORD, memberships: { create: { locationId: location.id, role } } },
  });
  const ctx: Ctx = { userId: user.id, name, email, role, locationId: location.id, requestId: randomUUID() };
  return { userId: user.id, email, name, role, ctx };
}

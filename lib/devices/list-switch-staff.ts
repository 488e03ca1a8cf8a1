import "server-only";
import { z } from "zod";
import { rolesFor, type Permission } from "../auth/permissions";
import { db } from "../db";

export const SURFACES = ["floor", "kitchen"] as const;
export const surfaceSchema = z.enum(SURFACES, { error: "Surface must be floor or kitchen" });
export type Surface = z.infer<typeof surfaceSchema>;

/** What a person must be allowed to use to be offered on a surface's PIN pad. */
export const SURFACE_PERMISSION: Record<Surface, Permission> = { floor: "floor.use", kitchen: "kitchen.work" };

export type SwitchTile = { userId: string; name: string; role: string };

/**
 * The name tiles of a location's PIN pad: active staff with a PIN there whose role may use the
 * surface (any role for a signed-out device's pad that does not know where it is going). Only
 * names and roles: the pad never learns anything else about them.
 */
export async function listSwitchStaff(locationId: string, surface: Surface | null): Promise<SwitchTile[]> {
  const rows = await db.membership.findMany({
    where: {
      locationId,
      pinHash: { not: null },
      ...(surface ? { role: { in: [...rolesFor(SURFACE_PERMISSION[surface])] } } : {}),
      user: { active: true },
    },
    select: { role: true, user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
    take: 200,
  });
  return rows.map((m) => ({ userId: m.user.id, name: m.user.name, role: m.role }));
}

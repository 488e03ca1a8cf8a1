import "server-only";
import { randomUUID } from "node:crypto";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { AppError, type FieldErrors } from "../errors";
import { isAvailable } from "../menu/availability";
import { menuForLines, type MenuForLine } from "../orders/menu-for-lines";
import { checkModifierSelection, modifiersCents } from "../orders/modifier-rules";
import { parseInput } from "../validation";
import type { GuestCtx } from "./guest-context";
import { publishGuest } from "./publish-guest";
import { putGuestCartSchema, type PutGuestCartInput } from "./schemas";

export type CartLine = {
  id: string;
  menuItemId: string;
  name: string;
  quantity: number;
  modifierIds: string[];
  modifierNames: string[];
  notes: string;
  unitPriceCents: number;
  lineTotalCents: number;
  memberId: string;
  memberNickname: string;
  mine: boolean;
};
export type GuestCart = {
  version: number;
  mode: GuestCtx["mode"];
  items: CartLine[];
  subtotalCents: number;
  /** Lines dropped because their dish was 86'd or went off the menu since they were added. */
  removed: { name: string; reason: string }[];
};

/** Which cart lines a phone sees and edits: the table's (FAMILY) or its own (INDIVIDUAL). */
export const cartScope = (g: GuestCtx) =>
  g.mode === "FAMILY" ? { sessionId: g.sessionId } : { sessionId: g.sessionId, memberId: g.memberId };

/** The session's checkout lease, if someone other than this phone holds it. */
export async function lockSession(tx: Tx, sessionId: string) {
  const rows = await tx.$queryRaw<
    {
      status: string;
      cartVersion: number;
      checkoutMemberId: string | null;
      checkoutUntil: Date | null;
      expiresAt: Date;
    }[]
  >`SELECT "status"::text AS "status", "cartVersion", "checkoutMemberId", "checkoutUntil", "expiresAt"
    FROM "GuestSession" WHERE "id" = ${sessionId} FOR UPDATE`;
  return rows[0] ?? null;
}

export async function checkoutHolder(
  tx: Tx,
  g: GuestCtx,
  s: { checkoutMemberId: string | null; checkoutUntil: Date | null },
): Promise<string | null> {
  if (g.mode !== "FAMILY" || !s.checkoutMemberId || s.checkoutMemberId === g.memberId) return null;
  if (!s.checkoutUntil || s.checkoutUntil <= new Date()) return null;
  const m = await tx.guestMember.findUnique({ where: { id: s.checkoutMemberId }, select: { nickname: true } });
  return m?.nickname ?? "Someone";
}

export const checkoutBusy = (by: string) =>
  new AppError("CHECKOUT_IN_PROGRESS", `${by} is sending the order. Wait a moment.`, undefined, { by });

/** The phone's cart, priced from the live menu; lines whose dish became unavailable are dropped (with a notice). */
export async function getGuestCart(g: GuestCtx, now = new Date()): Promise<GuestCart> {
  const removed: GuestCart["removed"] = [];
  const cart = await db.$transaction(async (tx) => {
    const { lines, gone } = await readCart(tx, g, now);
    if (gone.length) {
      await tx.guestCartItem.deleteMany({ where: { id: { in: gone.map((x) => x.id) }, ...cartScope(g) } });
      await bumpVersion(tx, g);
      removed.push(...gone.map((x) => ({ name: x.name, reason: x.reason })));
    }
    return { lines, version: await currentVersion(tx, g) };
  });
  if (removed.length && g.mode === "FAMILY")
    publishGuest(g, g.sessionId, ["cart"], undefined, { version: cart.version, by: null });
  return toCart(g, cart.version, cart.lines, removed);
}

/**
 * Replace the phone's cart (FAMILY: the table's) with `items`, if it was edited on the current
 * version; otherwise 409 VERSION_CONFLICT with the current cart, and the phone re-applies its edits.
 * Lines keep who added them; every dish is checked against the live menu and its option rules.
 */
export async function putGuestCart(g: GuestCtx, raw: PutGuestCartInput, now = new Date()): Promise<GuestCart> {
  const input = parseInput(putGuestCartSchema, raw);
  const outcome = await db.$transaction(async (tx) => {
    const s = await lockSession(tx, g.sessionId);
    if (!s || s.status !== "ACTIVE") throw new AppError("SESSION_ENDED", "Ordering from this table has ended.");
    const by = await checkoutHolder(tx, g, s);
    if (by) throw checkoutBusy(by);
    const version = await currentVersion(tx, g, s.cartVersion);
    if (version !== input.version) return { conflict: true as const };

    const location = await tx.location.findUniqueOrThrow({ where: { id: g.locationId }, select: { timezone: true } });
    const menu = await menuForLines(tx, g.locationId, [...new Set(input.items.map((i) => i.menuItemId))]);
    const byId = new Map(menu.map((m) => [m.id, m]));
    const errors: FieldErrors = {};
    input.items.forEach((line, i) => {
      const problem = lineProblem(byId.get(line.menuItemId), line.modifierIds, location.timezone, now);
      if (problem) (errors[`items.${i}.${problem.field}`] ??= []).push(problem.message);
    });
    if (Object.keys(errors).length) {
      const first = Object.values(errors)[0][0];
      throw new AppError(first.includes("sold out") ? "UNAVAILABLE_ITEM" : "VALIDATION", first, errors);
    }

    const existing = await tx.guestCartItem.findMany({
      where: cartScope(g),
      select: { id: true, memberId: true, createdAt: true },
    });
    const kept = new Map(existing.map((e) => [e.id, e]));
    await tx.guestCartItem.deleteMany({ where: cartScope(g) });
    const base = now.getTime();
    if (input.items.length)
      await tx.guestCartItem.createMany({
        data: input.items.map((line, i) => {
          const old = line.id ? kept.get(line.id) : undefined;
          return {
            id: old?.id ?? randomUUID(),
            sessionId: g.sessionId,
            memberId: old?.memberId ?? g.memberId,
            menuItemId: line.menuItemId,
            quantity: line.quantity,
            modifierIds: line.modifierIds,
            notes: line.notes,
            // Cart order is the order the phone sent; ms steps keep it stable.
            createdAt: new Date(base + i),
          };
        }),
      });
    const next = await bumpVersion(tx, g);
    const { lines } = await readCart(tx, g, now);
    return { conflict: false as const, version: next, lines };
  });
  if (outcome.conflict) {
    const current = await getGuestCart(g, now);
    throw new AppError(
      "VERSION_CONFLICT",
      "The cart changed on another phone; your edit was applied again.",
      undefined,
      {
        cart: current,
      },
    );
  }
  if (g.mode === "FAMILY")
    publishGuest(g, g.sessionId, ["cart"], undefined, { version: outcome.version, by: g.nickname });
  return toCart(g, outcome.version, outcome.lines, []);
}

/** Start or drop the FAMILY checkout lease (60 s): while held, other phones can't edit or send. */
export async function setCheckout(g: GuestCtx, action: "start" | "cancel") {
  const CHECKOUT_SECONDS = 60;
  const lease = await db.$transaction(async (tx) => {
    const s = await lockSession(tx, g.sessionId);
    if (!s || s.status !== "ACTIVE") throw new AppError("SESSION_ENDED", "Ordering from this table has ended.");
    if (g.mode !== "FAMILY") return null;
    const by = await checkoutHolder(tx, g, s);
    if (by) {
      if (action === "cancel") return null;
      throw checkoutBusy(by);
    }
    if (action === "cancel") {
      if (s.checkoutMemberId === g.memberId)
        await tx.guestSession.update({
          where: { id: g.sessionId },
          data: { checkoutMemberId: null, checkoutUntil: null },
        });
      return null;
    }
    const until = new Date(Date.now() + CHECKOUT_SECONDS * 1000);
    await tx.guestSession.update({
      where: { id: g.sessionId },
      data: { checkoutMemberId: g.memberId, checkoutUntil: until },
    });
    return { memberId: g.memberId, nickname: g.nickname, until };
  });
  if (g.mode === "FAMILY") publishGuest(g, g.sessionId, ["session"]);
  return { checkout: lease };
}

export async function currentVersion(tx: Tx, g: GuestCtx, sessionVersion?: number): Promise<number> {
  if (g.mode === "FAMILY") {
    if (sessionVersion !== undefined) return sessionVersion;
    const s = await tx.guestSession.findUniqueOrThrow({ where: { id: g.sessionId }, select: { cartVersion: true } });
    return s.cartVersion;
  }
  const m = await tx.guestMember.findUniqueOrThrow({ where: { id: g.memberId }, select: { cartVersion: true } });
  return m.cartVersion;
}

export async function bumpVersion(tx: Tx, g: GuestCtx): Promise<number> {
  if (g.mode === "FAMILY") {
    const s = await tx.guestSession.update({
      where: { id: g.sessionId },
      data: { cartVersion: { increment: 1 } },
      select: { cartVersion: true },
    });
    return s.cartVersion;
  }
  const m = await tx.guestMember.update({
    where: { id: g.memberId },
    data: { cartVersion: { increment: 1 } },
    select: { cartVersion: true },
  });
  return m.cartVersion;
}

type StoredLine = Omit<CartLine, "mine" | "lineTotalCents" | "unitPriceCents" | "name" | "modifierNames"> & {
  menu: MenuForLine | undefined;
};

/** The cart's lines with their dishes, split into lines still orderable and lines to drop. */
export async function readCart(tx: Tx, g: GuestCtx, now: Date) {
  const rows = await tx.guestCartItem.findMany({
    where: cartScope(g),
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      menuItemId: true,
      quantity: true,
      modifierIds: true,
      notes: true,
      memberId: true,
      member: { select: { nickname: true } },
    },
  });
  const location = await tx.location.findUniqueOrThrow({ where: { id: g.locationId }, select: { timezone: true } });
  const menu = await menuForLines(tx, g.locationId, [...new Set(rows.map((r) => r.menuItemId))]);
  const byId = new Map(menu.map((m) => [m.id, m]));
  const lines: (StoredLine & { name: string; unitPriceCents: number; modifierNames: string[] })[] = [];
  const gone: { id: string; name: string; reason: string }[] = [];
  for (const r of rows) {
    const m = byId.get(r.menuItemId);
    const problem = lineProblem(m, r.modifierIds, location.timezone, now);
    if (problem || !m) {
      gone.push({ id: r.id, name: m?.name ?? "A dish", reason: problem?.message ?? "is no longer on the menu" });
      continue;
    }
    const chosen = new Set(r.modifierIds);
    lines.push({
      id: r.id,
      menuItemId: r.menuItemId,
      quantity: r.quantity,
      modifierIds: r.modifierIds,
      notes: r.notes,
      memberId: r.memberId,
      memberNickname: r.member.nickname,
      menu: m,
      name: m.name,
      unitPriceCents: m.priceCents + modifiersCents(m.groups, r.modifierIds),
      modifierNames: m.groups.flatMap((gr) => gr.modifiers.filter((x) => chosen.has(x.id)).map((x) => x.name)),
    });
  }
  return { lines, gone };
}

function toCart(
  g: GuestCtx,
  version: number,
  lines: Awaited<ReturnType<typeof readCart>>["lines"],
  removed: GuestCart["removed"],
): GuestCart {
  const items = lines.map(({ menu: _m, ...l }) => ({
    ...l,
    lineTotalCents: l.unitPriceCents * l.quantity,
    mine: l.memberId === g.memberId,
  }));
  return {
    version,
    mode: g.mode,
    items,
    subtotalCents: items.reduce((n, l) => n + l.lineTotalCents, 0),
    removed,
  };
}

/** Why a dish (with these options) cannot go in a cart right now, or null. */
export function lineProblem(
  m: MenuForLine | undefined,
  modifierIds: readonly string[],
  timezone: string,
  now: Date,
): { field: string; message: string } | null {
  if (!m || m.archived || !m.category.active) return { field: "menuItemId", message: "This dish is not on the menu" };
  if (m.is86d) return { field: "menuItemId", message: `${m.name} is sold out` };
  if (!isAvailable({ seasonalFrom: m.seasonalFrom, seasonalTo: m.seasonalTo, windows: m.windows }, now, timezone))
    return { field: "menuItemId", message: `${m.name} is not served at this time` };
  const soldOption = m.groups.flatMap((gr) => gr.modifiers).find((x) => modifierIds.includes(x.id) && x.is86d);
  if (soldOption) return { field: "modifierIds", message: `${m.name}: ${soldOption.name} is sold out` };
  const problems = checkModifierSelection(m.groups, modifierIds);
  if (problems.length) return { field: "modifierIds", message: problems[0].message };
  return null;
}

/** Audit helper for guest actions: the member and the device's address ride along. */
export function auditGuest(g: GuestCtx, action: string, entityId: string, details: Record<string, unknown>, tx: Tx) {
  return auditAs(
    g,
    {
      action,
      entityType: "GuestSession",
      entityId,
      details: { memberId: g.memberId, nickname: g.nickname, ...details } as never,
    },
    tx,
  );
}

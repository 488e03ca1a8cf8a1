import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { cachedAtMenuVersion } from "./live-menu-cache";

import { defaultCourseFor } from "./courses";
import { effectiveTaxRate } from "./tax-rate";
import { formatAvailableFrom, isAvailable, localTime, nextAvailableAt, type AvailabilityRule } from "./availability";
import { assertCan } from "../auth/permissions";

/**
 * The menu as the order pad shows it right now: active categories, items on the menu at this
 * hour and season, items back within the week flagged with `availableFrom` ("11:00": shown
 * greyed, so a server can tell a guest when; others hidden), 86'd items kept but flagged so the
 * server sees "sold out" instead of a missing dish. Prices, effective tax rates and modifier rules for the running total
 * and the min/max checks on the tablet (the server checks again on send).
 */
export async function getOrderPadMenu(ctx: Ctx, opts: { at?: Date } = {}) {
  assertCan(ctx, "orders.take");
  return loadLiveMenu(ctx.locationId, opts.at);
}

/** The live menu of a location (no role check: the caller decides who may see it; the guest menu too). */
export async function loadLiveMenu(locationId: string, at = new Date()) {
  // The rows change only with the menu (or the location); what is on it now is worked out below
  // on every call, so availability windows and seasons follow the clock. Cached per menu version.
  const { location, categories } = await cachedAtMenuVersion(`live-menu:${locationId}`, () => readMenuRows(locationId));
  const now = localTime(at, location.timezone);
  /** null: on the menu now; a label: back then; undefined: not this week (hidden). */
  const availableFrom = (rule: AvailabilityRule): string | null | undefined => {
    const next = nextAvailableAt(rule, at, location.timezone);
    if (next) return formatAvailableFrom(next, now);
    return isAvailable(rule, at, location.timezone) ? null : undefined;
  };

  return {
    location,
    generatedAt: at.toISOString(),
    categories: categories
      .map((c) => ({
        id: c.id,
        name: c.name,
        defaultCourse: defaultCourseFor(c.name),
        items: c.items
          .map((i) => ({
            ...i,
            availableFrom: availableFrom({
              seasonalFrom: i.seasonalFrom,
              seasonalTo: i.seasonalTo,
              windows: i.availability.map((a) => a.window),
            }),
          }))
          .filter((i) => i.availableFrom !== undefined)
          .map((i) => ({
            id: i.id,
            name: i.name,
            description: i.description,
            imageUrl: i.imageUrl,
            priceCents: i.priceCents,
            taxRateBps: effectiveTaxRate(i.taxRateBps, location.taxRateBps),
            allergens: i.allergens,
            dietaryTags: i.dietaryTags,
            is86d: i.is86d,
            availableFrom: i.availableFrom ?? null,
            modifierGroups: i.modifierGroups.map((g) => g.group),
          })),
      }))
      .filter((c) => c.items.length > 0),
  };
}

/** The menu's rows as stored (shared between calls: never mutated). */
async function readMenuRows(locationId: string) {
  const ctx = { locationId };
  const [location, categories] = await Promise.all([
    db.location.findUniqueOrThrow({
      where: { id: ctx.locationId },
      select: { taxRateBps: true, currency: true, timezone: true, coursesUsed: true },
    }),
    db.menuCategory.findMany({
      where: { locationId: ctx.locationId, active: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        items: {
          where: { archivedAt: null },
          orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
          select: {
            id: true,
            name: true,
            description: true,
            imageUrl: true,
            priceCents: true,
            taxRateBps: true,
            allergens: true,
            dietaryTags: true,
            is86d: true,
            seasonalFrom: true,
            seasonalTo: true,
            availability: { select: { window: { select: { daysOfWeek: true, startMinute: true, endMinute: true } } } },
            modifierGroups: {
              orderBy: { sortOrder: "asc" },
              select: {
                group: {
                  select: {
                    id: true,
                    name: true,
                    minSelect: true,
                    maxSelect: true,
                    modifiers: {
                      orderBy: { sortOrder: "asc" },
                      select: { id: true, name: true, priceDeltaCents: true, is86d: true },
                    },
                  },
                },
              },
            },
          },
        },
      },
    }),
  ]);

  return { location, categories };
}

export type OrderPadMenu = Awaited<ReturnType<typeof loadLiveMenu>>;
export type OrderPadItem = OrderPadMenu["categories"][number]["items"][number];

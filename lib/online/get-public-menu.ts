import "server-only";
import { db } from "../db";
import { notFound } from "../errors";
import { loadLiveMenu } from "../menu/get-order-pad-menu";
import { effectiveTaxRate } from "../menu/tax-rate";

/** A location that takes online orders, by its public slug; anything else is 404. */
export async function onlineLocationBySlug(slug: string) {
  const location = await db.location.findFirst({
    where: { slug, archivedAt: null, onlineOrdering: true },
    select: {
      id: true,
      slug: true,
      name: true,
      phone: true,
      address: true,
      currency: true,
      taxRateBps: true,
      deliveryFeeTaxRateBps: true,
      onlinePrepMinutes: true,
      onlineSlotCapacity: true,
      latitude: true,
      longitude: true,
    },
  });
  if (!location) throw notFound("Restaurant");
  return location;
}

/**
 * The ordering site's menu: the live menu the order pad and guest phones read (86'd items and
 * items outside their windows marked unavailable, items off the menu this week left out), with
 * what customers choose by — description, allergens, dietary tags, options — and no cost data.
 * The tax rate of each item is its effective rate, so the cart can show the tax it will pay.
 */
export async function getPublicMenu(slug: string, at = new Date()) {
  const location = await onlineLocationBySlug(slug);
  const menu = await loadLiveMenu(location.id, at);
  return {
    location: {
      slug: location.slug,
      name: location.name,
      phone: location.phone,
      address: location.address,
      currency: location.currency,
      taxRateBps: location.taxRateBps,
      /** The delivery fee's effective tax rate, so the cart shows the tax the order will carry. */
      deliveryFeeTaxRateBps: effectiveTaxRate(location.deliveryFeeTaxRateBps, location.taxRateBps),
      prepMinutes: location.onlinePrepMinutes,
    },
    categories: menu.categories.map((c) => ({
      id: c.id,
      name: c.name,
      items: c.items.map((i) => ({
        id: i.id,
        name: i.name,
        description: i.description,
        priceCents: i.priceCents,
        taxRateBps: i.taxRateBps,
        photoUrl: i.imageUrl,
        allergens: i.allergens,
        dietaryTags: i.dietaryTags,
        available: !i.is86d && i.availableFrom === null,
        availableFrom: i.availableFrom,
        modifierGroups: i.modifierGroups.map((g) => ({
          id: g.id,
          name: g.name,
          minSelect: g.minSelect,
          maxSelect: g.maxSelect,
          modifiers: g.modifiers.map((m) => ({
            id: m.id,
            name: m.name,
            priceDeltaCents: m.priceDeltaCents,
            available: !m.is86d,
          })),
        })),
      })),
    })),
  };
}

export type PublicMenu = Awaited<ReturnType<typeof getPublicMenu>>;

import "server-only";
import { db } from "../db";
import { loadLiveMenu } from "../menu/get-order-pad-menu";
import { guestChannel } from "../realtime/events";
import type { GuestCtx } from "./guest-context";

/** What a guest sees of a line's progress (never prices or stations). */
const LINE_STATUS = {
  PENDING: "RECEIVED",
  HELD: "RECEIVED",
  SENT: "IN_KITCHEN",
  READY: "READY",
  SERVED: "SERVED",
} as const;

/** Everything a phone shows beside the menu and cart: the table, who is here, the order's progress. */
export async function getGuestSessionView(g: GuestCtx) {
  const session = await db.guestSession.findUniqueOrThrow({
    where: { id: g.sessionId },
    select: {
      id: true,
      cartMode: true,
      checkoutMemberId: true,
      checkoutUntil: true,
      table: { select: { label: true } },
      location: { select: { name: true, currency: true, guestOrderApproval: true } },
      members: { orderBy: { joinedAt: "asc" }, select: { id: true, nickname: true } },
      submissions: {
        orderBy: { createdAt: "desc" },
        take: 10,
        select: { id: true, status: true, createdAt: true, reason: true, member: { select: { nickname: true } } },
      },
      requests: {
        orderBy: { createdAt: "desc" },
        take: 5,
        select: { kind: true, createdAt: true, acknowledgedAt: true },
      },
      orders: {
        where: { status: { notIn: ["VOIDED"] } },
        orderBy: { openedAt: "desc" },
        take: 1,
        select: {
          number: true,
          items: {
            where: { status: { not: "VOIDED" }, guestLabel: { not: null } },
            orderBy: { createdAt: "asc" },
            select: {
              id: true,
              name: true,
              quantity: true,
              guestLabel: true,
              status: true,
              modifiers: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  const holder =
    session.checkoutMemberId && session.checkoutUntil && session.checkoutUntil > new Date()
      ? session.members.find((m) => m.id === session.checkoutMemberId)
      : undefined;
  const order = session.orders[0];
  return {
    session: {
      id: session.id,
      mode: session.cartMode,
      tableLabel: session.table.label,
      locationName: session.location.name,
      currency: session.location.currency,
      approvalRequired: session.location.guestOrderApproval,
      checkout: holder ? { memberId: holder.id, nickname: holder.nickname, until: session.checkoutUntil } : null,
      channel: guestChannel(session.id),
    },
    me: { id: g.memberId, nickname: g.nickname },
    members: session.members,
    order: order
      ? {
          number: order.number,
          lines: order.items.map((i) => ({
            id: i.id,
            name: i.name,
            quantity: i.quantity,
            guestLabel: i.guestLabel,
            modifiers: i.modifiers.map((m) => m.name),
            status: LINE_STATUS[i.status as keyof typeof LINE_STATUS] ?? "RECEIVED",
          })),
        }
      : null,
    submissions: session.submissions.map((s) => ({
      id: s.id,
      status: s.status,
      memberNickname: s.member.nickname,
      createdAt: s.createdAt,
      reason: s.reason,
    })),
    requests: session.requests.map((r) => ({ kind: r.kind, createdAt: r.createdAt, acknowledged: !!r.acknowledgedAt })),
  };
}

/** The live menu for guests: what the pad shows, minus what only staff need (tax rates, courses). */
export async function getGuestMenu(g: Pick<GuestCtx, "locationId">, at = new Date()) {
  const menu = await loadLiveMenu(g.locationId, at);
  return {
    currency: menu.location.currency,
    categories: menu.categories.map((c) => ({
      id: c.id,
      name: c.name,
      items: c.items.map((i) => ({
        id: i.id,
        name: i.name,
        description: i.description,
        priceCents: i.priceCents,
        photoUrl: i.imageUrl,
        allergens: i.allergens,
        dietaryTags: i.dietaryTags,
        available: !i.is86d && i.availableFrom === null,
        availableFrom: i.availableFrom,
        modifierGroups: i.modifierGroups,
      })),
    })),
  };
}

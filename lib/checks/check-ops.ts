import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { AppError, notFound } from "../errors";
import type { NewOrderEvent } from "../orders/append-order-events";
import { changeOrder } from "../orders/change-order";
import { defaultCheckId, NEW_CHECK } from "./check-math";
import { loadCheckState, type CheckState } from "./load-check-state";

type Locked = Parameters<Parameters<typeof changeOrder>[2]>[1];

/**
 * Change an order's checks: the order is locked, `mutate` changes check rows, then the order is
 * settled with its checks recomputed, the events recorded and published after commit.
 */
export async function changeChecks<R>(
  ctx: Ctx,
  target: string | ((tx: Tx) => Promise<string>),
  mutate: (tx: Tx, order: Locked) => Promise<{ result: R; events: NewOrderEvent[] }>,
  opts: { open?: boolean } = { open: true },
) {
  const { result } = await changeOrder(
    ctx,
    target,
    async (tx, order) => ({ ...(await mutate(tx, order)), checks: true }),
    opts,
  );
  return result;
}

/** The order a check of this location belongs to (another location's check is a 404). */
export function orderOfCheck(ctx: Pick<Ctx, "locationId">, checkId: string) {
  return async (tx: Tx): Promise<string> => {
    const check = await tx.check.findFirst({
      where: { id: checkId, locationId: ctx.locationId },
      select: { orderId: true },
    });
    if (!check) throw notFound("Check");
    return check.orderId;
  };
}

/**
 * The order's checks with every live item placed explicitly: items nobody placed go on the first
 * open check (making check 1 if the order has none), so moves and splits work on rows only.
 */
export async function placedState(tx: Tx, ctx: Pick<Ctx, "locationId">, orderId: string): Promise<CheckState> {
  let state = (await loadCheckState(tx, orderId, ctx.locationId))!;
  if (state.checks.length === 0) {
    await tx.check.create({ data: { locationId: ctx.locationId, orderId, number: 1 } });
    state = (await loadCheckState(tx, orderId, ctx.locationId))!;
  }
  const placed = new Set(
    state.checks.filter((c) => c.status !== "VOIDED").flatMap((c) => c.lines.map((l) => l.orderItemId)),
  );
  const loose = state.items.filter((i) => i.status !== "VOIDED" && !placed.has(i.id));
  if (loose.length === 0) return state;
  let target = defaultCheckId(state.checks);
  if (target === NEW_CHECK) target = (await createCheck(tx, ctx, state)).id;
  await tx.checkLine.createMany({ data: loose.map((i) => ({ checkId: target, orderItemId: i.id, parts: 1 })) });
  return (await loadCheckState(tx, orderId, ctx.locationId))!;
}

export async function createCheck(tx: Tx, ctx: Pick<Ctx, "locationId">, state: CheckState, label = "") {
  const number = Math.max(0, ...state.checks.map((c) => c.number)) + 1;
  const check = await tx.check.create({
    data: { locationId: ctx.locationId, orderId: state.id, number, label },
    select: { id: true, number: true },
  });
  state.checks.push({
    ...check,
    label,
    status: "OPEN",
    serviceChargeWaived: false,
    subtotalCents: 0,
    discountCents: 0,
    compCents: 0,
    serviceChargeCents: 0,
    serviceChargeName: null,
    deliveryFeeCents: 0,
    taxCents: 0,
    totalCents: 0,
    taxLines: [],
    paidCents: 0,
    tipCents: 0,
    refundedCents: 0,
    paidAt: null,
    lines: [],
    discounts: [],
    payments: [],
  });
  return check;
}

type StateCheck = CheckState["checks"][number];

/** A check of the order that can still change: open and without payments (those must be refunded first). */
export function changeableCheck(state: CheckState, checkId: string, what = "change"): StateCheck {
  const check = state.checks.find((c) => c.id === checkId && c.status !== "VOIDED");
  if (!check) throw notFound("Check");
  if (check.status === "PAID")
    throw new AppError("INVALID_STATE", `Check ${check.number} is paid; reopen it to ${what} it`);
  if (check.payments.length > 0)
    throw new AppError(
      "INVALID_STATE",
      `Check ${check.number} has payments; it cannot be ${what === "change" ? "changed" : what}`,
    );
  return check;
}

/** Empty open checks without payments (made empty by a move or split) are voided, but one open check always stays. */
export async function voidEmptyChecks(tx: Tx, orderId: string): Promise<string[]> {
  const checks = await tx.check.findMany({
    where: { orderId, status: "OPEN" },
    orderBy: { number: "asc" },
    select: {
      id: true,
      _count: { select: { lines: true, payments: true, discounts: { where: { removedAt: null } } } },
    },
  });
  const empty = checks.filter((c) => c._count.lines === 0 && c._count.payments === 0);
  const keep = empty.length === checks.length ? empty[0]?.id : undefined;
  const doomed = empty.filter((c) => c.id !== keep).map((c) => c.id);
  if (doomed.length > 0) {
    await tx.checkDiscount.updateMany({
      where: { checkId: { in: doomed }, removedAt: null },
      data: { removedAt: new Date() },
    });
    await tx.check.updateMany({ where: { id: { in: doomed } }, data: { status: "VOIDED" } });
  }
  return doomed;
}

export function checksEvent(
  orderId: string,
  checkIds: string[],
  extra: Partial<NewOrderEvent["payload"]> = {},
): NewOrderEvent {
  return { orderId, type: "checks.changed", payload: { stationIds: [], itemIds: [], checkIds, ...extra } };
}

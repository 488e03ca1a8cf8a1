// The money of an order's checks, in integer cents (ADR 0025). Pure and client-safe: the check
// panel previews with it, the server stores its answer. Rules, in the order they apply:
// 1. An item's cents are shared between the checks holding it by largest remainder; equal shares
//    break ties by rotating through the checks per item, so an even split spreads the odd cents.
// 2. Line discounts, then check discounts, in the order given, each capped at what is left; a
//    percentage is rounded half up on what is left when it applies.
// 3. Service charge: the rule's rate on the check's subtotal after discounts, half up.
// 4. An online delivery's fee is a line of the first open check (of the paid check that carried
//    it, once paid): never discounted nor service-charged, taxed at its own rate.
// 5. Tax per rate on the discounted base (check discounts shared across rates by largest
//    remainder). The order's tax per rate is rounded once on the sum of every check's base and
//    shared between the checks by largest remainder, so the checks always add up to the order:
//    splitting never invents or loses a cent. Paid checks keep their frozen figures; open checks
//    share what is left.
import { lineCents, taxOn, type DeliveryFee, type PricedLine } from "../orders/totals";
import { effectiveTaxRate } from "../menu/tax-rate";

export type MathItem = PricedLine & { id: string; name: string; seat?: number | null };
export type MathCheck = {
  id: string;
  number: number;
  status: "OPEN" | "PAID" | "VOIDED";
  serviceChargeWaived?: boolean;
  /** A paid check's stored figures: they never move again. */
  frozen?: FrozenFigures | null;
};
export type MathLine = { checkId: string; orderItemId: string; parts: number };
export type MathDiscount = {
  id: string;
  checkId: string;
  orderItemId: string | null;
  kind: "PERCENT" | "AMOUNT";
  /** Basis points for PERCENT, cents for AMOUNT. */
  value: number;
  comp: boolean;
};
export type ServiceCharge = { name: string; rateBps: number; taxable?: boolean };
export type TaxLine = { rateBps: number; baseCents: number; taxCents: number };
export type FrozenFigures = {
  subtotalCents: number;
  discountCents: number;
  compCents: number;
  serviceChargeCents: number;
  serviceChargeName: string | null;
  /** The delivery fee carried by this check (one check of the order carries it, untouched by discounts). */
  deliveryFeeCents: number;
  taxCents: number;
  totalCents: number;
  taxLines: TaxLine[];
};

export type CheckLineShare = {
  orderItemId: string;
  name: string;
  quantity: number;
  /** This check's parts of the item's total parts (1 of 1 when not shared). */
  parts: number;
  ofParts: number;
  taxRateBps: number;
  cents: number;
  /** Line discounts and comps taken off this share. */
  discountCents: number;
};

export type ComputedCheck = FrozenFigures & {
  checkId: string;
  number: number;
  status: MathCheck["status"];
  lines: CheckLineShare[];
  /** What each discount took off (discount id → cents). */
  discountAmounts: Record<string, number>;
};

export type ChecksInput = {
  items: readonly MathItem[];
  checks: readonly MathCheck[];
  lines: readonly MathLine[];
  discounts: readonly MathDiscount[];
  locationRateBps: number;
  /** The rule that applies to this party (serviceChargeFor), or null. */
  serviceCharge: ServiceCharge | null;
  /** An online delivery's fee with its tax rate, or null. */
  deliveryFee?: DeliveryFee | null;
};

/** The id the computation gives items that no open check can take (the caller creates the check). */
export const NEW_CHECK = "new";

/**
 * Share `total` by `weights` by largest remainder. Ties go to the index that comes first when
 * counting from `rotate`, so equal shares of successive items start their odd cent one further on.
 */
export function allocate(total: number, weights: readonly number[], rotate = 0): number[] {
  const n = weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  if (n === 0) return [];
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = weights
    .map((w, i) => ({ i, rem: (total * w) % sum, turn: (((i - rotate) % n) + n) % n }))
    .sort((a, b) => b.rem - a.rem || a.turn - b.turn);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}

/** `amount × bps / 10 000`, half up (the same rounding as tax). */
export function percentOf(amountCents: number, bps: number): number {
  return taxOn(amountCents, bps);
}

/** The check that takes items nobody placed: the first open one, else a check still to be made. */
export function defaultCheckId(checks: readonly MathCheck[]): string {
  const open = checks.filter((c) => c.status === "OPEN").sort((a, b) => a.number - b.number);
  return open[0]?.id ?? NEW_CHECK;
}

type Work = {
  check: MathCheck;
  lines: CheckLineShare[];
  /** Discounted base per tax rate. */
  base: Map<number, number>;
  subtotal: number;
  discount: number;
  comp: number;
  serviceCharge: number;
  deliveryFee: number;
  amounts: Record<string, number>;
};

export function computeChecks(input: ChecksInput): ComputedCheck[] {
  const live = input.checks.filter((c) => c.status !== "VOIDED");
  const fallback = defaultCheckId(live);
  const work = new Map<string, Work>();
  const ensure = (check: MathCheck) => {
    let w = work.get(check.id);
    if (!w) {
      w = {
        check,
        lines: [],
        base: new Map(),
        subtotal: 0,
        discount: 0,
        comp: 0,
        serviceCharge: 0,
        deliveryFee: 0,
        amounts: {},
      };
      work.set(check.id, w);
    }
    return w;
  };
  for (const c of live) ensure(c);
  const byId = new Map(live.map((c) => [c.id, c]));
  const nextNumber = Math.max(0, ...input.checks.map((c) => c.number)) + 1;
  const newCheck: MathCheck = { id: NEW_CHECK, number: nextNumber, status: "OPEN" };

  // 1. Shares of each item.
  input.items.forEach((item, index) => {
    if (item.voided) return;
    const held = input.lines
      .filter((l) => l.orderItemId === item.id && byId.has(l.checkId))
      .sort((a, b) => byId.get(a.checkId)!.number - byId.get(b.checkId)!.number);
    const holders = held.length > 0 ? held : [{ checkId: fallback, orderItemId: item.id, parts: 1 }];
    const ofParts = holders.reduce((a, l) => a + l.parts, 0);
    const cents = allocate(
      lineCents(item),
      holders.map((l) => l.parts),
      index,
    );
    const rate = effectiveTaxRate(item.taxRateBps, input.locationRateBps);
    holders.forEach((l, i) => {
      const check = byId.get(l.checkId) ?? newCheck;
      ensure(check).lines.push({
        orderItemId: item.id,
        name: item.name,
        quantity: item.quantity,
        parts: l.parts,
        ofParts,
        taxRateBps: rate,
        cents: cents[i]!,
        discountCents: 0,
      });
    });
  });

  // 2. Discounts: lines first, then the check, each capped at what is left.
  for (const w of work.values()) {
    for (const line of w.lines) {
      w.subtotal += line.cents;
      w.base.set(line.taxRateBps, (w.base.get(line.taxRateBps) ?? 0) + line.cents);
    }
    const mine = input.discounts.filter((d) => d.checkId === w.check.id);
    for (const d of mine.filter((x) => x.orderItemId !== null)) {
      const line = w.lines.find((l) => l.orderItemId === d.orderItemId);
      const left = line ? line.cents - line.discountCents : 0;
      const amount = discountAmount(d, left);
      if (line) line.discountCents += amount;
      if (line) w.base.set(line.taxRateBps, w.base.get(line.taxRateBps)! - amount);
      take(w, d, amount);
    }
    // Check discounts take off what is left of the food: the delivery fee is added after them
    // (step 4), so a percentage never discounts the fee and an amount is capped without it.
    const checkWide = mine.filter((x) => x.orderItemId === null);
    if (checkWide.length > 0) {
      const before = w.subtotal - w.discount - w.comp;
      let left = before;
      for (const d of checkWide) {
        const amount = discountAmount(d, left);
        left -= amount;
        take(w, d, amount);
      }
      // Share the check-wide part across tax rates in proportion to each rate's base.
      const rates = [...w.base.keys()].sort((a, b) => a - b);
      const off = allocate(
        before - left,
        rates.map((r) => w.base.get(r)!),
      );
      rates.forEach((r, i) => w.base.set(r, w.base.get(r)! - off[i]!));
    }
    // 3. Service charge on what the guests pay for the food after discounts.
    const sc = input.serviceCharge;
    if (sc && !w.check.serviceChargeWaived) {
      w.serviceCharge = percentOf(w.subtotal - w.discount - w.comp, sc.rateBps);
      if (sc.taxable && w.serviceCharge > 0) {
        const rate = input.locationRateBps;
        w.base.set(rate, (w.base.get(rate) ?? 0) + w.serviceCharge);
      }
    }
  }

  // 4. The delivery fee: on the paid check that carried it (already paid), else on the first open
  // check. Either way its base counts in the order's base for its rate, so the tax rounds once.
  // Every check paid and none carried it: paid before fees rode on checks; it is not owed again.
  const fee = Math.max(0, input.deliveryFee?.cents ?? 0);
  const paidWith = live.find((c) => c.frozen && c.frozen.deliveryFeeCents > 0);
  const settledBefore = !paidWith && fallback === NEW_CHECK && live.some((c) => c.frozen);
  if (fee > 0 && !settledBefore) {
    const holder = ensure(paidWith ?? byId.get(fallback) ?? newCheck);
    holder.deliveryFee = fee;
    const rate = input.deliveryFee!.rateBps;
    holder.base.set(rate, (holder.base.get(rate) ?? 0) + fee);
  }

  // 5. Tax: rounded once per rate over the order, shared between the open checks.
  const all = [...work.values()];
  const open = all.filter((w) => !w.check.frozen);
  const frozen = all.filter((w) => w.check.frozen);
  const rates = [...new Set(all.flatMap((w) => [...w.base.keys()]))].sort((a, b) => a - b);
  const taxLines = new Map<string, TaxLine[]>(open.map((w) => [w.check.id, []]));
  for (const rate of rates) {
    const orderBase = all.reduce((a, w) => a + Math.max(0, w.base.get(rate) ?? 0), 0);
    const frozenTax = frozen.reduce(
      (a, w) => a + (w.check.frozen!.taxLines.find((t) => t.rateBps === rate)?.taxCents ?? 0),
      0,
    );
    const openTax = Math.max(0, taxOn(orderBase, rate) - frozenTax);
    const bases = open.map((w) => Math.max(0, w.base.get(rate) ?? 0));
    const shares = allocate(openTax, bases);
    open.forEach((w, i) => {
      if (bases[i]! > 0 || shares[i]! > 0)
        taxLines.get(w.check.id)!.push({ rateBps: rate, baseCents: bases[i]!, taxCents: shares[i]! });
    });
  }

  return all
    .map((w): ComputedCheck => {
      if (w.check.frozen)
        return {
          ...w.check.frozen,
          checkId: w.check.id,
          number: w.check.number,
          status: w.check.status,
          lines: w.lines,
          discountAmounts: w.amounts,
        };
      const lines = taxLines.get(w.check.id)!;
      const taxCents = lines.reduce((a, t) => a + t.taxCents, 0);
      return {
        checkId: w.check.id,
        number: w.check.number,
        status: w.check.status,
        lines: w.lines,
        subtotalCents: w.subtotal,
        discountCents: w.discount,
        compCents: w.comp,
        serviceChargeCents: w.serviceCharge,
        serviceChargeName: w.serviceCharge > 0 ? (input.serviceCharge?.name ?? null) : null,
        deliveryFeeCents: w.deliveryFee,
        taxCents,
        taxLines: lines,
        totalCents: w.subtotal - w.discount - w.comp + w.serviceCharge + w.deliveryFee + taxCents,
        discountAmounts: w.amounts,
      };
    })
    .sort((a, b) => a.number - b.number);
}

function discountAmount(d: MathDiscount, left: number): number {
  if (left <= 0) return 0;
  return Math.min(left, d.kind === "PERCENT" ? percentOf(left, d.value) : d.value);
}

function take(w: Work, d: MathDiscount, amount: number) {
  w.amounts[d.id] = amount;
  if (d.comp) w.comp += amount;
  else w.discount += amount;
}

/** The sum of the checks: what the whole order owes. */
export function orderDue(checks: readonly ComputedCheck[]): number {
  return checks.filter((c) => c.status !== "VOIDED").reduce((a, c) => a + c.totalCents, 0);
}

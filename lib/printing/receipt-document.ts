// A guest check (before payment: balance due and suggested tips) or a receipt (paid: tenders,
// change, tips) as a PrintDocument. One function for the three outputs — the receipt page, the
// PDF and the ESC/POS printer — so they never disagree (ADR 0027). Pure.
import type { getCheckForReceipt } from "../checks/get-order-checks";
import { percentOf } from "../checks/check-math";
import { formatCents } from "../money";
import type { Jsonify } from "../jsonify";
import type { PrintDocument, PrintLine } from "./document";

type View = Awaited<ReturnType<typeof getCheckForReceipt>>;
/** The check view as the server has it, or as a client receives it (dates as strings). */
export type ReceiptView = View | Jsonify<View>;

const TENDER: Record<string, string> = { CASH: "Cash", CARD: "Card", HOUSE_ACCOUNT: "House account" };

export function receiptTitle(view: ReceiptView): string {
  const kind = isPaid(view) ? "Receipt" : "Guest check";
  return `${kind} · Order #${view.order.number} · ${view.check.label}`;
}

export function isPaid(view: ReceiptView): boolean {
  return view.check.status === "PAID" || (view.check.totalCents > 0 && view.check.balanceCents === 0);
}

export function receiptDocument(view: ReceiptView, opts: { printedAt: Date }): PrintDocument {
  const { order, location, check } = view;
  const money = (cents: number) => formatCents(cents, location.currency);
  const minus = (cents: number) => `-${money(cents)}`;
  const paid = isPaid(view);
  const lines: PrintLine[] = [];
  const text = (t: string, extra: Omit<Extract<PrintLine, { kind: "text" }>, "kind" | "text"> = {}) =>
    lines.push({ kind: "text", text: t, ...extra });
  const cols = (left: string, right: string, bold?: boolean, size?: "tall") =>
    lines.push({ kind: "columns", left, right, ...(bold ? { bold } : {}), ...(size ? { size } : {}) });

  text(location.name, { align: "center", bold: true, size: "double" });
  if (location.address) text(location.address, { align: "center" });
  if (location.taxId) text(`Tax ID: ${location.taxId}`, { align: "center" });
  lines.push({ kind: "separator", style: "double" });
  text(paid ? "RECEIPT" : "GUEST CHECK", { align: "center", bold: true });
  const checkCount = view.checks.length;
  cols(order.table ? `Table ${order.table.label}` : "Counter", `Order #${order.number}`, true);
  if (checkCount > 1) cols(check.label, `${check.number} of ${checkCount}`);
  if (order.server) text(`Server: ${order.server.name}`);
  if (order.guestCount) text(`Guests: ${order.guestCount}`);
  text(dateTime(opts.printedAt, location.timezone));
  lines.push({ kind: "separator" });

  for (const l of check.lines) {
    const share = l.ofParts > 1 ? ` (${l.parts}/${l.ofParts})` : "";
    cols(`${l.quantity} x ${l.name}${share}`, money(l.cents));
    if (l.seat != null) text(`   Seat ${l.seat}`);
    for (const m of l.modifiers) text(`   + ${m}`);
    for (const d of check.discounts.filter((x) => x.orderItemId === l.orderItemId)) {
      cols(`   ${d.comp ? "Comp" : "Discount"}: ${d.reason}`, minus(d.amountCents));
    }
  }
  lines.push({ kind: "separator" });
  cols("Subtotal", money(check.subtotalCents));
  for (const d of check.discounts.filter((x) => x.orderItemId === null)) {
    const what = d.kind === "PERCENT" ? ` ${d.value / 100}%` : "";
    cols(`${d.comp ? "Comp" : "Discount"}${what} (${d.reason})`, minus(d.amountCents));
  }
  if (check.serviceChargeCents) cols(check.serviceChargeName ?? "Service charge", money(check.serviceChargeCents));
  // After the discounts: they never take anything off the fee.
  if (check.deliveryFeeCents) cols("Delivery fee", money(check.deliveryFeeCents));
  if (check.taxLines.length > 1) {
    for (const t of check.taxLines) cols(`Tax ${t.rateBps / 100}% on ${money(t.baseCents)}`, money(t.taxCents));
  } else cols(check.taxLines[0] ? `Tax ${check.taxLines[0].rateBps / 100}%` : "Tax", money(check.taxCents));
  cols("TOTAL", money(check.totalCents), true, "tall");

  if (check.payments.length) {
    lines.push({ kind: "separator" });
    for (const p of check.payments) {
      const card =
        p.cardBrand || p.cardLast4 ? ` ${p.cardBrand ?? ""} ****${p.cardLast4 ?? ""}`.replace(/\s+/g, " ") : "";
      cols(`${TENDER[p.tender] ?? p.tender}${card}`, money(p.amountCents));
      if (p.tenderedCents != null && p.tender === "CASH") cols("   Tendered", money(p.tenderedCents));
      if (p.changeCents) cols("   Change", money(p.changeCents));
      if (p.tipCents) cols("   Tip", money(p.tipCents));
      if (p.reference) text(`   Ref: ${p.reference}`);
      if (p.refundedCents || p.refundedTipCents) cols("   Refunded", minus(p.refundedCents + p.refundedTipCents));
    }
    if (check.tipCents) cols("Tips", money(check.tipCents));
    cols("Paid", money(check.paidCents + check.tipCents), true);
  }
  if (check.balanceCents > 0) {
    cols("BALANCE DUE", money(check.balanceCents), true, "tall");
  }

  if (!paid && location.tipSuggestionsBps.length) {
    // Tips on what the guest ordered after discounts, before tax and service charge.
    const base = Math.max(0, check.subtotalCents - check.discountCents - check.compCents);
    lines.push({ kind: "separator" });
    text("Suggested tip", { bold: true });
    for (const bps of location.tipSuggestionsBps) {
      const tip = percentOf(base, bps);
      cols(`${bps / 100}%  ${money(tip)}`, `total ${money(check.totalCents + tip)}`);
    }
  }
  lines.push({ kind: "feed", lines: 1 });
  text(paid ? "Thank you!" : "Thank you! Please pay your server.", { align: "center" });
  lines.push({ kind: "cut" });
  return { lines };
}

function dateTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(at);
}

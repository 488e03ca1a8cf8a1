// Paying an order's whole balance in one go (a driver at the door, the counter at pickup). Pure.

/** One tender for everything the order owes: cash (with change) or a card on a stand-alone terminal. */
export type PayInFull = {
  tender: "CASH" | "CARD";
  collectedCents?: number;
  reference?: string;
  cardLast4?: string;
  tipCents: number;
};

/** What is wrong with the payment typed at the door or the counter, per field (empty when it can be taken). */
export function payInFullProblems(dueCents: number, p: PayInFull): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (dueCents <= 0) return problems;
  if (p.tender === "CASH") {
    if (p.collectedCents === undefined) problems.collectedCents = ["Enter the cash you collected"];
    else if (p.collectedCents < dueCents)
      problems.collectedCents = ["Less than the amount due; collect the full amount"];
    if (p.tipCents > 0) problems.tipCents = ["Tips are taken on card payments"];
  } else {
    if (!p.reference?.trim()) problems.reference = ["Enter the terminal's approval code"];
    if (!p.cardLast4) problems.cardLast4 = ["Enter the card's last four digits"];
    if (p.collectedCents !== undefined) problems.collectedCents = ["Only cash is collected; this is a card payment"];
  }
  return problems;
}

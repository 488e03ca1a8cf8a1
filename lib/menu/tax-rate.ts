/** Tax rate of an item: its own rate, else the location's (basis points). */
export function effectiveTaxRate(itemRateBps: number | null | undefined, locationRateBps: number): number {
  return itemRateBps ?? locationRateBps;
}

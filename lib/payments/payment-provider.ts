import "server-only";
import { AppError } from "../errors";

/**
 * How card money is taken (ADR 0026). A provider gets the amount and tip before the payment is
 * recorded, and answers with what the receipt shows. The default is a stand-alone terminal: the
 * cashier keys the amount into it, the guest taps or inserts, and the tablet records the brand,
 * last four and the terminal's reference — nothing is charged from here, so nothing is faked.
 * A processor (Stripe Terminal, Square Terminal) implements the same interface: create a payment
 * intent for the reader, wait for the result, return its id; it runs BEFORE the check's
 * transaction (network calls never hold the order lock), and its id becomes the reference.
 */
export interface PaymentProvider {
  readonly id: string;
  takeCard(input: CardRequest): Promise<CardResult>;
}

export type CardRequest = {
  locationId: string;
  amountCents: number;
  tipCents: number;
  /** What the cashier read off the terminal (external terminals only). */
  keyed?: { cardBrand?: string; cardLast4?: string; reference?: string };
  idempotencyKey: string;
};
export type CardResult = { provider: string; cardBrand: string | null; cardLast4: string | null; reference: string };

export const externalTerminal: PaymentProvider = {
  id: "external-terminal",
  async takeCard(input) {
    const reference = input.keyed?.reference?.trim();
    if (!reference)
      throw new AppError("VALIDATION", "Enter the terminal's reference", {
        reference: ["Enter the terminal's reference"],
      });
    return {
      provider: "external-terminal",
      cardBrand: input.keyed?.cardBrand ?? null,
      cardLast4: input.keyed?.cardLast4 ?? null,
      reference,
    };
  },
};

/** The provider for a location. One today; a processor would be chosen here from env/settings. */
export function paymentProviderFor(_locationId: string): PaymentProvider {
  return externalTerminal;
}

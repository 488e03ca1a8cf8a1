import "server-only";
import { log } from "../log";

/** One text to one online customer (an OTP, a status step). `to` is the E.164 phone. */
export type CustomerText = {
  locationId: string;
  customerId: string | null;
  to: string;
  kind: "OTP" | "STATUS";
  body: string;
};

/**
 * Sends a text to an online customer through the configured provider. Never throws: a failed
 * text is logged and the caller goes on (an order is not undone because an SMS failed).
 * (Groundwork: the providers — Twilio, the development log, the test outbox — are being built on it.)
 */
export async function notifyCustomer(text: CustomerText): Promise<{ delivered: boolean }> {
  log.info("customer text (development: not sent)", { kind: text.kind, customerId: text.customerId });
  return { delivered: false };
}

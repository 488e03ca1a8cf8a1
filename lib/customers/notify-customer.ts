import "server-only";
import { env } from "../env";
import { customerTextSenderFor, type CustomerTextSender } from "../notify/customer-texts";

/** One text to one online customer (an OTP, a status step). `to` is the E.164 phone. */
export type CustomerText = {
  locationId: string;
  customerId: string | null;
  to: string;
  kind: "OTP" | "STATUS";
  body: string;
};

let configured: CustomerTextSender | undefined;

/**
 * Sends a text to an online customer through the provider SMS_PROVIDER names (twilio, outbox,
 * else the development log). Never throws: a failed text is logged and the caller goes on (an
 * order is not undone because an SMS failed).
 */
export async function notifyCustomer(text: CustomerText): Promise<{ delivered: boolean }> {
  configured ??= customerTextSenderFor(env());
  return configured.send({ customerId: text.customerId, to: text.to, kind: text.kind, body: text.body });
}

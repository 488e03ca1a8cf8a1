import "server-only";
import type { Env } from "../env";
import { hostScreenNotifier } from "./host-screen";
import { twilioNotifier } from "./twilio";

export type MessageChannelName = "SMS" | "EMAIL" | "HOST_SCREEN";

/** One message to one guest. `to` is the address on the channel (an E.164 phone for SMS). */
export type OutgoingMessage = {
  guest: { id: string; name: string };
  channel: MessageChannelName;
  to: string | null;
  body: string;
};

/** What a provider made of it: SENT (handed to the carrier), SHOWN (on the host stand), or FAILED with why. */
export type SendResult =
  { status: "SENT"; providerRef: string | null } | { status: "SHOWN" } | { status: "FAILED"; error: string };

/**
 * A way to reach guests (ADR 0030). Providers plug in by env (SMS_PROVIDER); `host-screen` is the
 * embedded default: the message waits on the host stand for the host to say it in person.
 */
export interface Notifier {
  readonly name: string;
  /** The channel this notifier speaks for a guest with (or without) a phone. */
  channelFor(guest: { phone: string | null }): MessageChannelName;
  /** Never throws: a provider's failure is a FAILED result the caller records. */
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** The notifier the environment asks for (SMS_PROVIDER), host-screen when none is set. */
export function notifierFor(
  e: Pick<Env, "SMS_PROVIDER" | "TWILIO_ACCOUNT_SID" | "TWILIO_AUTH_TOKEN" | "TWILIO_FROM" | "TWILIO_API_BASE">,
): Notifier {
  if (e.SMS_PROVIDER === "twilio" && e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_FROM)
    return twilioNotifier({
      accountSid: e.TWILIO_ACCOUNT_SID,
      authToken: e.TWILIO_AUTH_TOKEN,
      from: e.TWILIO_FROM,
      apiBase: e.TWILIO_API_BASE,
    });
  return hostScreenNotifier;
}

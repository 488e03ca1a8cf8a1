import "server-only";
import { appendFile } from "node:fs/promises";
import type { Env } from "../env";
import { log } from "../log";
import { twilioNotifier } from "./twilio";

/** One text to an online customer, as a provider sees it (`to` is E.164). */
export type CustomerTextMessage = { customerId: string | null; to: string; kind: "OTP" | "STATUS"; body: string };

/** A way to text online customers; never throws (a failure is `delivered: false`). */
export type CustomerTextSender = {
  readonly name: "twilio" | "log" | "outbox";
  send(message: CustomerTextMessage): Promise<{ delivered: boolean }>;
};

/**
 * The development default: the text (an OTP code included) goes to the server log, labelled so
 * nobody mistakes it for a sent message. Customers have no host stand, so host-screen means this too.
 */
export const logSender: CustomerTextSender = {
  name: "log",
  async send(message) {
    log.info("DEVELOPMENT — not sent: customer text", {
      kind: message.kind,
      customerId: message.customerId,
      body: message.body,
    });
    return { delivered: false };
  },
};

/** Appends `{at, to, kind, body}` as one JSON line to a file: what e2e and integration tests read codes from. */
export function outboxSender(file: string): CustomerTextSender {
  return {
    name: "outbox",
    async send(message) {
      const line = JSON.stringify({
        at: new Date().toISOString(),
        to: message.to,
        kind: message.kind,
        body: message.body,
      });
      try {
        await appendFile(file, line + "\n", "utf8");
        return { delivered: true };
      } catch (error) {
        log.warn("customer text outbox not writable", { error });
        return { delivered: false };
      }
    },
  };
}

/** The sender the environment asks for (SMS_PROVIDER): twilio, outbox, else the log. */
export function customerTextSenderFor(
  e: Pick<
    Env,
    "SMS_PROVIDER" | "SMS_OUTBOX_FILE" | "TWILIO_ACCOUNT_SID" | "TWILIO_AUTH_TOKEN" | "TWILIO_FROM" | "TWILIO_API_BASE"
  >,
): CustomerTextSender {
  if (e.SMS_PROVIDER === "outbox" && e.SMS_OUTBOX_FILE) return outboxSender(e.SMS_OUTBOX_FILE);
  if (e.SMS_PROVIDER === "twilio" && e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_FROM) {
    const twilio = twilioNotifier({
      accountSid: e.TWILIO_ACCOUNT_SID,
      authToken: e.TWILIO_AUTH_TOKEN,
      from: e.TWILIO_FROM,
      apiBase: e.TWILIO_API_BASE,
    });
    return {
      name: "twilio",
      async send(message) {
        const result = await twilio.send({
          guest: { id: message.customerId ?? "unverified", name: "" },
          channel: "SMS",
          to: message.to,
          body: message.body,
        });
        return { delivered: result.status === "SENT" };
      },
    };
  }
  return logSender;
}

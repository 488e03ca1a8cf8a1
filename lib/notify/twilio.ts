import "server-only";
import { log } from "../log";
import type { Notifier } from "./notifier";

export type TwilioConfig = { accountSid: string; authToken: string; from: string; apiBase?: string };

const TIMEOUT_MS = 5_000;

/**
 * Twilio-style SMS: POST a form (To, From, Body) to the account's Messages endpoint with HTTP basic
 * auth (account SID : auth token). Any provider speaking the same API works through TWILIO_API_BASE.
 * A guest without a phone falls back to the host stand.
 */
export function twilioNotifier(config: TwilioConfig): Notifier {
  const base = (config.apiBase ?? "https://api.twilio.com").replace(/\/+$/, "");
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const auth = "Basic " + Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64");
  return {
    name: "twilio",
    channelFor: (guest) => (guest.phone ? "SMS" : "HOST_SCREEN"),
    async send(message) {
      if (message.channel !== "SMS" || !message.to) return { status: "SHOWN" };
      try {
        const res = await fetch(url, {
          method: "POST",
          headers: { authorization: auth, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ To: message.to, From: config.from, Body: message.body }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        const data = (await res.json().catch(() => null)) as { sid?: string; message?: string; code?: number } | null;
        if (!res.ok) {
          const error = `SMS provider answered ${res.status}${data?.message ? `: ${data.message}` : ""}`.slice(0, 300);
          log.warn("sms not sent", { guestId: message.guest.id, status: res.status, code: data?.code });
          return { status: "FAILED", error };
        }
        return { status: "SENT", providerRef: typeof data?.sid === "string" ? data.sid.slice(0, 64) : null };
      } catch (error) {
        log.warn("sms provider unreachable", { guestId: message.guest.id, error });
        const why = error instanceof Error && error.name === "TimeoutError" ? "timed out" : "unreachable";
        return { status: "FAILED", error: `SMS provider ${why}` };
      }
    },
  };
}

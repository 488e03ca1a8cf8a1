import { readFile } from "node:fs/promises";
import { E2E_SMS_OUTBOX } from "./e2e-env";

type Text = { at: string; to: string; kind: string; body: string };

/** The newest text to `to` (E.164) matching, as the app's outbox SMS provider wrote it. */
export async function readText(to: string, opts: { match?: RegExp; timeoutMs?: number } = {}): Promise<Text> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  for (;;) {
    const raw = await readFile(E2E_SMS_OUTBOX, "utf8").catch(() => "");
    const texts = raw
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Text)
      .filter((t) => t.to === to && (!opts.match || opts.match.test(t.body)));
    if (texts.length) return texts.at(-1)!;
    if (Date.now() > deadline) throw new Error(`no text to ${to}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The 6-digit code of the newest OTP text to `to`. */
export async function readOtp(to: string): Promise<string> {
  const text = await readText(to, { match: /\b\d{6}\b/ });
  return /\b(\d{6})\b/.exec(text.body)![1];
}

/** A phone number of the e2e run nobody else uses (US, fictional 555 exchange). */
export function e2ePhone(): string {
  return `+1207555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
}

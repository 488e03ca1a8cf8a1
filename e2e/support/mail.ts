import type { ReceivedMail } from "../../test/support/smtp-mailbox";
import { E2E_CONTROL_PORT } from "./e2e-env";

/** Waits for the newest mail to `to` (optionally matching) that the e2e server's SMTP server received. */
export async function readMail(to: string, opts: { match?: RegExp; timeoutMs?: number } = {}): Promise<ReceivedMail> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${E2E_CONTROL_PORT}/mail?to=${encodeURIComponent(to)}`);
    if (!res.ok) throw new Error(`mail read failed: ${res.status}`);
    const mails = ((await res.json()) as ReceivedMail[]).filter(
      (m) => !opts.match || opts.match.test(`${m.subject}\n${m.text}`),
    );
    if (mails.length) return mails.at(-1)!;
    if (Date.now() > deadline) throw new Error(`no mail to ${to}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The reset (or invite) link in a mail, as a path the spec can open on its own base URL. */
export function resetPathIn(mail: ReceivedMail): string {
  const m = /https?:\/\/[^/\s]+(\/reset-password\/[A-Za-z0-9_-]+)/.exec(mail.text);
  if (!m) throw new Error(`no reset link in "${mail.subject}"`);
  return m[1];
}

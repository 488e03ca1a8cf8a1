// A real SMTP server for tests (the `smtp-server` package) that keeps what it receives, parsed
// with `mailparser`: integration tests and the e2e harness read the invite and reset mails from it.
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

export type ReceivedMail = { to: string[]; from: string; subject: string; text: string; receivedAt: string };

export type Mailbox = {
  port: number;
  url: string;
  mails: ReceivedMail[];
  /** Waits until a mail to `to` (optionally matching) has arrived; returns the newest such mail. */
  waitFor(to: string, opts?: { timeoutMs?: number; after?: number; match?: RegExp }): Promise<ReceivedMail>;
  /** Slow down acceptance of each message (to prove nobody waits for the mail). */
  setDelay(ms: number): void;
  clear(): void;
  close(): Promise<void>;
};

/**
 * A port for a test's mailbox, fixed before the app reads SMTP_URL (its env is read once). Below
 * Linux's ephemeral range (32768+), where the kernel picks the local ports of outgoing connections
 * (PostgreSQL, Redis): a random port there can already be taken (EADDRINUSE, seen in CI).
 */
export function mailboxPort(): number {
  return 20_000 + Math.floor(Math.random() * 12_000);
}

export async function startMailbox(port = 0, host = "127.0.0.1"): Promise<Mailbox> {
  const mails: ReceivedMail[] = [];
  let delayMs = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (m) => {
          if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
          const to = (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) =>
            a.value.map((v) => (v.address ?? "").toLowerCase()),
          );
          mails.push({
            to,
            from: m.from?.text ?? "",
            subject: m.subject ?? "",
            text: m.text ?? "",
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  return {
    port: bound,
    url: `smtp://${host}:${bound}`,
    mails,
    async waitFor(to, opts = {}) {
      const deadline = Date.now() + (opts.timeoutMs ?? 5_000);
      const wanted = to.toLowerCase();
      for (;;) {
        const hit = mails
          .slice(opts.after ?? 0)
          .filter((m) => m.to.includes(wanted) && (!opts.match || opts.match.test(m.subject + "\n" + m.text)))
          .at(-1);
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${opts.timeoutMs ?? 5_000} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    setDelay(ms) {
      delayMs = ms;
    },
    clear() {
      mails.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first app link in a mail's text (invite or reset). */
export function linkIn(mail: ReceivedMail): string {
  const m = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(mail.text);
  if (!m) throw new Error(`no reset link in mail "${mail.subject}"`);
  return m[0];
}

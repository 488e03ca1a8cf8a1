import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";
import { log } from "../log";

export type Mail = { to: string; subject: string; text: string };

let transport: Transporter | undefined;

/**
 * The one way the app sends mail: SMTP (nodemailer) when SMTP_URL is set; otherwise the message is
 * printed to the server console, so a development machine can follow an invite or reset link.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const e = env();
  if (!e.SMTP_URL) {
    process.stdout.write(
      [
        "",
        "===== development mail (SMTP_URL is not set: printed here, not sent) =====",
        `From: ${e.MAIL_FROM}`,
        `To: ${mail.to}`,
        `Subject: ${mail.subject}`,
        "",
        mail.text,
        "===== end of development mail =====",
        "",
      ].join("\n"),
    );
    return;
  }
  transport ??= nodemailer.createTransport(e.SMTP_URL);
  await transport.sendMail({ from: e.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
}

const pending = new Set<Promise<void>>();

/**
 * Send without making the caller wait: answers must not take longer when an email exists (account
 * enumeration by timing) nor hang on a slow mail server. A failure is logged, never thrown.
 */
export function sendMailLater(mail: Mail, context: { requestId?: string | null; purpose: string }): void {
  const p = runLater(() => sendMail(mail), { ...context, what: "mail send failed" });
  void p;
}

/** Work after the answer (the reset request's lookup and mail), tracked so tests can wait for it. */
export function runLater(
  work: () => Promise<void>,
  context: { requestId?: string | null; purpose: string; what?: string },
): Promise<void> {
  const p = Promise.resolve()
    .then(work)
    .catch((error: unknown) =>
      log.error(context.what ?? "background work failed", {
        purpose: context.purpose,
        requestId: context.requestId,
        error,
      }),
    )
    .finally(() => pending.delete(p));
  pending.add(p);
  return p;
}

/** Wait for every mail and background job started so far (tests, graceful shutdown). */
export async function flushMail(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}

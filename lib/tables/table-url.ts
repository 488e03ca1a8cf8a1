import { env, type Env } from "../env";

/** Where guests reach this app: NEXTAUTH_URL (the public base), else the local server. */
export function publicBaseUrl(e: Pick<Env, "NEXTAUTH_URL"> = env()): string {
  const base = e.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return base.replace(/\/+$/, "");
}

/** The address a table's QR code points at: `<public base>/t/<qrToken>` (ADR 0034). */
export function tableGuestUrl(qrToken: string, base = publicBaseUrl()): string {
  return `${base.replace(/\/+$/, "")}/t/${encodeURIComponent(qrToken)}`;
}

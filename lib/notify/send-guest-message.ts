import "server-only";
import { db } from "../db";
import { env } from "../env";
import { notifierFor, type Notifier } from "./notifier";

let configured: Notifier | undefined;

/** The notifier chosen by env, once per process. */
export function currentNotifier(): Notifier {
  configured ??= notifierFor(env());
  return configured;
}

export type GuestMessageView = {
  id: string;
  channel: "SMS" | "EMAIL" | "HOST_SCREEN";
  provider: string;
  status: "SENT" | "FAILED" | "SHOWN";
  body: string;
  error: string | null;
  createdAt: Date;
};

/**
 * Send one message to a guest and record it (every send writes a GuestMessage: SENT, SHOWN or
 * FAILED with the error). Runs after the change it announces has committed, so a provider's
 * failure never undoes it; never throws for a provider's sake.
 */
export async function sendGuestMessage(
  args: {
    locationId: string;
    guest: { id: string; name: string; phone: string | null };
    body: string;
    waitlistEntryId?: string;
    reservationId?: string;
  },
  notifier: Notifier = currentNotifier(),
): Promise<GuestMessageView> {
  const channel = notifier.channelFor(args.guest);
  const result = await notifier.send({
    guest: args.guest,
    channel,
    to: channel === "SMS" ? args.guest.phone : null,
    body: args.body,
  });
  return db.guestMessage.create({
    data: {
      locationId: args.locationId,
      guestId: args.guest.id,
      channel,
      provider: notifier.name,
      status: result.status,
      body: args.body,
      providerRef: result.status === "SENT" ? result.providerRef : null,
      error: result.status === "FAILED" ? result.error : null,
      waitlistEntryId: args.waitlistEntryId ?? null,
      reservationId: args.reservationId ?? null,
    },
    select: { id: true, channel: true, provider: true, status: true, body: true, error: true, createdAt: true },
  });
}

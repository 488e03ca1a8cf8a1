import "server-only";
import type { Mail } from "./send-mail";

// The texts of the mails guests receive, in one place. Plain text: every client shows it, links stay visible.

export function bookingConfirmationMail(b: {
  to: string;
  guestName: string;
  restaurant: string;
  address: string | null;
  phone: string | null;
  date: string;
  time: string;
  party: string;
  cancelLink: string;
}): Mail {
  return {
    to: b.to,
    subject: `Your table at ${b.restaurant}: ${b.date}, ${b.time}`,
    text: [
      `Hello ${b.guestName},`,
      "",
      `Your table at ${b.restaurant} is booked:`,
      "",
      `  ${b.date} at ${b.time}, ${b.party}`,
      ...(b.address ? [`  ${b.address}`] : []),
      "",
      "Plans changed? Cancel here (the link works once):",
      "",
      b.cancelLink,
      "",
      b.phone ? `To change the booking, call us at ${b.phone}.` : "To change the booking, call the restaurant.",
      "",
      `See you soon — ${b.restaurant}`,
    ].join("\n"),
  };
}

import "server-only";
import type { Mail } from "./send-mail";

// The texts of the staff mails, in one place. Plain text: every client shows it, links stay visible.

export function inviteMail(to: { email: string; name: string }, location: string, link: string, hours: number): Mail {
  return {
    to: to.email,
    subject: `You have been added to ${location} on ServiceBell`,
    text: [
      `Hello ${to.name},`,
      "",
      `You have been added to the staff of ${location}. Set your password to sign in:`,
      "",
      link,
      "",
      `The link works once and expires in ${hours} hours. If it has expired, ask your manager for a new one.`,
    ].join("\n"),
  };
}

export function addedMail(to: { email: string; name: string }, location: string, signInUrl: string): Mail {
  return {
    to: to.email,
    subject: `You have been added to ${location} on ServiceBell`,
    text: [
      `Hello ${to.name},`,
      "",
      `You now also work at ${location}. Sign in with your usual password and pick it from the location menu:`,
      "",
      signInUrl,
    ].join("\n"),
  };
}

export function resetMail(to: { email: string; name: string }, link: string, minutes: number): Mail {
  return {
    to: to.email,
    subject: "Reset your ServiceBell password",
    text: [
      `Hello ${to.name},`,
      "",
      "Someone (hopefully you, or your manager for you) asked to reset your ServiceBell password. Choose a new one here:",
      "",
      link,
      "",
      `The link works once and expires in ${minutes} minutes. If you did not ask for it, ignore this mail: your password stays as it is.`,
    ].join("\n"),
  };
}

// The one module that reads and writes guests' encrypted contact fields (ADR 0043). Everything else
// selects GUEST_CONTACT_SELECT and maps rows through withGuestContact, or writes encodeGuestContact().
// No "server-only": the backfill and rotation scripts use it too.
import { piiKeyring } from "../pii/keyring";
import { blindIndex, blindIndexes, decryptPii, encryptPii, type PiiKeyring } from "../pii/pii-crypto";

export const GUEST_CONTACT_SELECT = { phoneEnc: true, emailEnc: true } as const;

/** A guest's profile as the console and the personal-data export show it (map through withGuestContact). */
export const GUEST_PROFILE_SELECT = {
  id: true,
  name: true,
  ...GUEST_CONTACT_SELECT,
  notes: true,
  visitCount: true,
  noShowCount: true,
  createdAt: true,
  erasedAt: true,
} as const;

export type GuestContact = { phone: string | null; email: string | null };
type EncryptedContact = { phoneEnc: string | null; emailEnc: string | null };

/** The stored key of an E.164 phone (already normalised); lookups use guestPhoneHashes. */
export function guestPhoneHash(e164: string, ring: PiiKeyring = piiKeyring()): string {
  return blindIndex(ring, "phone", e164);
}

/** The stored key of an email (lower-cased here); lookups use guestEmailHashes. */
export function guestEmailHash(email: string, ring: PiiKeyring = piiKeyring()): string {
  return blindIndex(ring, "email", email.trim().toLowerCase());
}

/** What a lookup by phone matches: `phoneHash: { in: … }` (both hash keys while rotating, ADR 0050). */
export function guestPhoneHashes(e164: string, ring: PiiKeyring = piiKeyring()): string[] {
  return blindIndexes(ring, "phone", e164);
}

/** What a lookup by email matches: `emailHash: { in: … }`. */
export function guestEmailHashes(email: string, ring: PiiKeyring = piiKeyring()): string[] {
  return blindIndexes(ring, "email", email.trim().toLowerCase());
}

/** Columns to write for the contact fields given (null clears one; a missing key leaves it alone). */
export function encodeGuestContact(contact: Partial<GuestContact>, ring: PiiKeyring = piiKeyring()) {
  const data: {
    phoneEnc?: string | null;
    phoneHash?: string | null;
    emailEnc?: string | null;
    emailHash?: string | null;
  } = {};
  if (contact.phone !== undefined) {
    data.phoneEnc = contact.phone === null ? null : encryptPii(ring, contact.phone);
    data.phoneHash = contact.phone === null ? null : guestPhoneHash(contact.phone, ring);
  }
  if (contact.email !== undefined) {
    const email = contact.email?.trim().toLowerCase() || null;
    data.emailEnc = email === null ? null : encryptPii(ring, email);
    data.emailHash = email === null ? null : guestEmailHash(email, ring);
  }
  return data;
}

export function decodeGuestContact(row: EncryptedContact, ring: PiiKeyring = piiKeyring()): GuestContact {
  return {
    phone: row.phoneEnc === null ? null : decryptPii(ring, row.phoneEnc),
    email: row.emailEnc === null ? null : decryptPii(ring, row.emailEnc),
  };
}

/** A selected guest row with its ciphertext replaced by the plaintext phone and email. */
export function withGuestContact<T extends EncryptedContact>({ phoneEnc, emailEnc, ...rest }: T) {
  return { ...rest, ...decodeGuestContact({ phoneEnc, emailEnc }) } as Omit<T, keyof EncryptedContact> & GuestContact;
}

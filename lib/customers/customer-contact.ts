// The one module that reads and writes online customers' personal data at rest (ADR 0043): phone,
// email and saved addresses. Everything else writes encode…() and reads decode…().
// No "server-only": the seed and the key-rotation scripts may use it too.
import { piiKeyring } from "../pii/keyring";
import {
  blindIndex,
  blindIndexes,
  decryptPii,
  decryptPiiOrNull,
  encryptPii,
  storedBlindIndexes,
  type PiiKeyring,
} from "../pii/pii-crypto";

/** The stored key of an E.164 phone (already normalised): the same index as guests' phones. */
export function customerPhoneHash(e164: string, ring: PiiKeyring = piiKeyring()): string {
  return blindIndex(ring, "phone", e164);
}

/** What a lookup by phone matches: `phoneHash: { in: … }` (both hash keys while rotating, ADR 0050). */
export function customerPhoneHashes(e164: string, ring: PiiKeyring = piiKeyring()): string[] {
  return blindIndexes(ring, "phone", e164);
}

/** What a stored customer's (or block's) phone matches in other rows, e.g. blocks on it. */
export function storedPhoneHashes(
  row: { phoneHash: string | null; phoneEnc?: string | null },
  ring: PiiKeyring = piiKeyring(),
): string[] {
  return storedBlindIndexes(ring, "phone", { hash: row.phoneHash, enc: row.phoneEnc });
}

/** Columns for a customer's phone (null clears it, with its lookup key). */
export function encodeCustomerPhone(phone: string | null, ring: PiiKeyring = piiKeyring()) {
  return {
    phoneEnc: phone === null ? null : encryptPii(ring, phone),
    phoneHash: phone === null ? null : customerPhoneHash(phone, ring),
  };
}

export function decodeCustomerContact(
  row: { phoneEnc: string | null; emailEnc: string | null },
  ring: PiiKeyring = piiKeyring(),
): { phone: string | null; email: string | null } {
  return {
    phone: row.phoneEnc === null ? null : decryptPii(ring, row.phoneEnc),
    email: row.emailEnc === null ? null : decryptPii(ring, row.emailEnc),
  };
}

/** A stored phone, or null when there is none or it cannot be decrypted (the caller falls back to the hash). */
export function decodeCustomerPhoneOrNull(phoneEnc: string | null, ring: PiiKeyring = piiKeyring()): string | null {
  return phoneEnc === null ? null : decryptPiiOrNull(ring, phoneEnc);
}

export type AddressText = { street: string; unit: string | null; notes: string | null };

export function encodeAddressText(a: AddressText, ring: PiiKeyring = piiKeyring()) {
  return {
    streetEnc: encryptPii(ring, a.street),
    unitEnc: a.unit ? encryptPii(ring, a.unit) : null,
    notesEnc: a.notes ? encryptPii(ring, a.notes) : null,
  };
}

export function decodeAddressText(
  row: { streetEnc: string; unitEnc: string | null; notesEnc: string | null },
  ring: PiiKeyring = piiKeyring(),
): AddressText {
  return {
    street: decryptPii(ring, row.streetEnc),
    unit: row.unitEnc === null ? null : decryptPii(ring, row.unitEnc),
    notes: row.notesEnc === null ? null : decryptPii(ring, row.notesEnc),
  };
}

/** The snapshot an online order keeps of its delivery address (OnlineOrder.addressEnc). */
export function encodeAddressSnapshot(a: AddressText, ring: PiiKeyring = piiKeyring()): string {
  return encryptPii(ring, JSON.stringify({ street: a.street, unit: a.unit, notes: a.notes }));
}

export function decodeAddressSnapshot(stored: string | null, ring: PiiKeyring = piiKeyring()): AddressText | null {
  if (!stored) return null;
  const v = JSON.parse(decryptPii(ring, stored)) as Partial<AddressText>;
  return { street: v.street ?? "", unit: v.unit ?? null, notes: v.notes ?? null };
}

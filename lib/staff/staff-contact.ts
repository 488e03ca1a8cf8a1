// The one module that reads and writes a staff member's encrypted contact phone (ADR 0043).
// Their email is the sign-in identity and stays plaintext in User.email (auth owns it).
import { piiKeyring } from "../pii/keyring";
import { decryptPii, encryptPii } from "../pii/pii-crypto";

export function encodeStaffPhone(e164: string | null): { contactPhoneEnc: string | null } {
  return { contactPhoneEnc: e164 === null ? null : encryptPii(piiKeyring(), e164) };
}

export function decodeStaffPhone(row: { contactPhoneEnc: string | null }): string | null {
  return row.contactPhoneEnc === null ? null : decryptPii(piiKeyring(), row.contactPhoneEnc);
}

// Quick-switch PINs: 4–6 digits, and not one a stranger would try first. No server-only import:
// the PIN form shows the same messages before it submits.
import { z } from "zod";

export const PIN_MIN = 4;
export const PIN_MAX = 6;

// The most used 4-digit PINs in published PIN-frequency studies, plus keypad shapes.
const COMMON = new Set([
  "1212",
  "1004",
  "2000",
  "6969",
  "1122",
  "1313",
  "4321",
  "2001",
  "1010",
  "2580",
  "0852",
  "5683",
  "7777",
  "1231",
  "2468",
  "1357",
  "0101",
  "1001",
  "2112",
  "1230",
  "1111",
  "0000",
  "6666",
  "4444",
  "1984",
  "2222",
  "3333",
  "5555",
  "8888",
  "9999",
  "121212",
  "123123",
  "112233",
  "654321",
  "696969",
  "159753",
  "147258",
  "258258",
  "101010",
  "111222",
]);

function isRun(pin: string, step: 1 | -1): boolean {
  for (let i = 1; i < pin.length; i++) {
    if ((Number(pin[i - 1]) + step + 10) % 10 !== Number(pin[i])) return false;
  }
  return true;
}

/** Why a PIN is refused (empty when it is fine). */
export function pinProblems(pin: string): string[] {
  if (!/^\d+$/.test(pin)) return ["Use digits only"];
  if (pin.length < PIN_MIN || pin.length > PIN_MAX) return [`Use ${PIN_MIN} to ${PIN_MAX} digits`];
  if (/^(\d)\1+$/.test(pin)) return ["All the same digit is too easy to guess"];
  if (isRun(pin, 1) || isRun(pin, -1)) return ["A run of digits (like 1234) is too easy to guess"];
  if (COMMON.has(pin) || /^(\d\d)\1+$/.test(pin) || /^(\d\d\d)\1$/.test(pin))
    return ["This PIN is too common; choose another"];
  if (pin.length === 4 && /^(19[4-9]\d|20[0-3]\d)$/.test(pin)) return ["A year is too easy to guess"];
  return [];
}

export const newPinSchema = z.string().superRefine((value, ctx) => {
  for (const message of pinProblems(value)) ctx.addIssue({ code: "custom", message });
});

/** Entering a PIN (to switch user, clock in or approve): only its shape, never which rule it breaks. */
export const enteredPinSchema = z
  .string()
  .regex(new RegExp(`^\\d{${PIN_MIN},${PIN_MAX}}$`), `Enter your ${PIN_MIN}–${PIN_MAX} digit PIN`);

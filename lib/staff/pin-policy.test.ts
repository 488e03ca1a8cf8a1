import { describe, expect, it } from "vitest";
import { enteredPinSchema, newPinSchema, pinProblems } from "./pin-policy";

describe("PIN policy", () => {
  it.each(["2749", "83016", "905127", "4071"])("accepts %s", (pin) => {
    expect(pinProblems(pin)).toEqual([]);
    expect(newPinSchema.safeParse(pin).success).toBe(true);
  });

  it.each([
    ["123", "Use 4 to 6 digits"],
    ["1234567", "Use 4 to 6 digits"],
    ["12a4", "Use digits only"],
    ["", "Use digits only"],
    ["0000", "All the same digit is too easy to guess"],
    ["777777", "All the same digit is too easy to guess"],
    ["1234", "A run of digits (like 1234) is too easy to guess"],
    ["456789", "A run of digits (like 1234) is too easy to guess"],
    ["9876", "A run of digits (like 1234) is too easy to guess"],
    ["8901", "A run of digits (like 1234) is too easy to guess"],
    ["1212", "This PIN is too common; choose another"],
    ["2580", "This PIN is too common; choose another"],
    ["4545", "This PIN is too common; choose another"],
    ["373737", "This PIN is too common; choose another"],
    ["418418", "This PIN is too common; choose another"],
    ["1987", "A year is too easy to guess"],
  ])("refuses %s: %s", (pin, message) => {
    expect(pinProblems(pin)).toEqual([message]);
    const parsed = newPinSchema.safeParse(pin);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toBe(message);
  });

  it("checks only the shape of an entered PIN", () => {
    expect(enteredPinSchema.safeParse("1234").success).toBe(true);
    expect(enteredPinSchema.safeParse("123").success).toBe(false);
    expect(enteredPinSchema.safeParse("1234567").success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { assertStorableInput, findUnstorableText, idSchema, isStorableText, text } from "./validation";

describe("storable text", () => {
  it("refuses NUL bytes and unpaired surrogates, keeps real characters (emoji are pairs)", () => {
    expect(isStorableText("Crème brûlée 🍮 — 5×")).toBe(true);
    expect(isStorableText("a\u0000b")).toBe(false);
    expect(isStorableText("lone \uD800 high")).toBe(false);
    expect(isStorableText("lone \uDC00 low")).toBe(false);
    expect(isStorableText("\uDC00\uD800")).toBe(false); // reversed pair
    expect(text().max(10).safeParse("ok").success).toBe(true);
    const bad = text().max(10).safeParse("x\u0000");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toMatch(/cannot be stored/);
  });

  it("finds the path of the first unstorable string anywhere in an input", () => {
    expect(findUnstorableText({ a: "fine", items: [{ notes: "ok" }, { notes: "bad\u0000" }] })).toBe("items.1.notes");
    expect(findUnstorableText({ ["k\uD800"]: 1 })).toBe("(key)");
    expect(findUnstorableText("\uDFFF")).toBe("_root");
    expect(findUnstorableText({ a: [1, null, true, { b: "🍮" }] })).toBeNull();
  });

  it("the transports' guard names the field, whatever the schema says about it", () => {
    expect(() => assertStorableInput({ free: { nested: ["ok", "a\u0000b"] } })).toThrow(
      expect.objectContaining({
        code: "VALIDATION",
        fieldErrors: { "free.nested.1": [expect.stringMatching(/cannot be stored/)] },
      }),
    );
    expect(() => assertStorableInput({ fine: "yes" })).not.toThrow();
  });

  it("ids are short tokens of letters, digits, _ and -", () => {
    expect(idSchema.safeParse("cmx34na400007za7dee27b8xn").success).toBe(true);
    expect(idSchema.safeParse("not-a-real-order").success).toBe(true);
    expect(idSchema.safeParse("a b").success).toBe(false);
    expect(idSchema.safeParse("x".repeat(65)).success).toBe(false);
    expect(idSchema.safeParse("\u0000").success).toBe(false);
  });
});

describe("schemas with cross-field rules", () => {
  it("a null or non-object body is a validation error, not a crash", async () => {
    const { menuItemFieldsSchema } = await import("./menu/menu-item-fields");
    for (const body of [null, 42, "x", []]) {
      const r = menuItemFieldsSchema.safeParse(body);
      expect(r.success).toBe(false);
    }
  });
});

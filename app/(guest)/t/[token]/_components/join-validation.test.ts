import { describe, expect, it } from "vitest";
import { checkJoin, lockMessage, pinDigits } from "./join-validation";

describe("the join form's checks", () => {
  it("accepts 4 digits and a trimmed nickname", () => {
    expect(checkJoin({ pin: "4821", nickname: "  Dana " })).toEqual({
      ok: true,
      value: { pin: "4821", nickname: "Dana" },
    });
    expect(checkJoin({ pin: "48 21", nickname: "Dana" })).toMatchObject({ ok: true, value: { pin: "4821" } });
  });

  it("asks for exactly 4 digits", () => {
    for (const pin of ["", "482", "48211", "48a1"]) {
      expect(checkJoin({ pin, nickname: "Dana" })).toEqual({
        ok: false,
        fieldErrors: { pin: ["Enter the 4 digits your server gave you"] },
      });
    }
  });

  it("asks for a nickname of 1 to 30 characters", () => {
    expect(checkJoin({ pin: "4821", nickname: "   " })).toEqual({
      ok: false,
      fieldErrors: { nickname: ["Tell us what to call you"] },
    });
    expect(checkJoin({ pin: "4821", nickname: "x".repeat(30) }).ok).toBe(true);
    expect(checkJoin({ pin: "4821", nickname: "x".repeat(31) })).toEqual({
      ok: false,
      fieldErrors: { nickname: ["At most 30 characters"] },
    });
  });

  it("refuses markup characters in a nickname, as the server does", () => {
    expect(checkJoin({ pin: "4821", nickname: "<b>Dana</b>" })).toEqual({
      ok: false,
      fieldErrors: { nickname: ["Letters, numbers and spaces, please"] },
    });
    expect(checkJoin({ pin: "4821", nickname: "Zoë & Jo" }).ok).toBe(true);
  });

  it("reports both fields at once", () => {
    const r = checkJoin({ pin: "1", nickname: "" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors).sort()).toEqual(["nickname", "pin"]);
  });

  it("keeps only digits in the PIN field, at most 4", () => {
    expect(pinDigits("4a8-2 19")).toBe("4821");
  });

  it("says how long a lock lasts in whole minutes", () => {
    expect(lockMessage(900)).toBe("Too many tries. Try again in 15 minutes.");
    expect(lockMessage(61)).toBe("Too many tries. Try again in 2 minutes.");
    expect(lockMessage(5)).toBe("Too many tries. Try again in 1 minute.");
  });
});

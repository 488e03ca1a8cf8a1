import { describe, expect, it } from "vitest";
import { foldReplay, stepCursor } from "./event-cursor";

describe("event cursor (gap detection)", () => {
  it("applies the next seq, ignores old ones, reports gaps", () => {
    expect(stepCursor(4, 5)).toEqual({ kind: "next" });
    expect(stepCursor(4, 4)).toEqual({ kind: "duplicate" });
    expect(stepCursor(4, 2)).toEqual({ kind: "duplicate" });
    expect(stepCursor(4, 7)).toEqual({ kind: "gap", missingFrom: 5, missingTo: 6 });
    expect(stepCursor(0, 1)).toEqual({ kind: "next" });
  });

  it("folds a replayed batch, in any order, with duplicates", () => {
    expect(foldReplay(4, [6, 5, 7, 5, 3])).toEqual({ lastSeq: 7, contiguous: true });
    expect(foldReplay(4, [])).toEqual({ lastSeq: 4, contiguous: true });
  });

  it("flags a replay that itself has a hole", () => {
    expect(foldReplay(4, [5, 7])).toEqual({ lastSeq: 7, contiguous: false });
    expect(foldReplay(4, [6])).toEqual({ lastSeq: 6, contiguous: false });
  });
});

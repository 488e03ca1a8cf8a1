import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createInvalidationBatcher } from "./invalidation-batcher";

describe("createInvalidationBatcher", () => {
  let qc: QueryClient;
  let calls: unknown[];
  beforeEach(() => {
    vi.useFakeTimers();
    qc = new QueryClient();
    calls = [];
    vi.spyOn(qc, "invalidateQueries").mockImplementation(async (filters) => {
      calls.push(filters?.queryKey ?? "all");
    });
  });
  afterEach(() => vi.useRealTimers());

  it("turns a burst of hints into one invalidation per query", () => {
    const b = createInvalidationBatcher(qc, { delayMs: 150, maxWaitMs: 600 });
    for (let i = 0; i < 20; i++) {
      b.invalidate(["floor"]);
      b.invalidate(["order", `o${i % 2}`]);
      vi.advanceTimersByTime(10);
    }
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(150);
    expect(calls).toEqual([["floor"], ["order", "o0"], ["order", "o1"]]);
  });

  it("never holds a hint longer than the longest wait, even in a steady stream", () => {
    const b = createInvalidationBatcher(qc, { delayMs: 150, maxWaitMs: 600 });
    for (let t = 0; t < 1000; t += 100) {
      b.invalidate(["floor"]);
      vi.advanceTimersByTime(100);
    }
    // A flush at 600 ms, the next batch still pending.
    expect(calls).toEqual([["floor"]]);
    vi.advanceTimersByTime(600);
    expect(calls).toEqual([["floor"], ["floor"]]);
  });

  it("refetches everything once when asked for everything, and flush sends at once", () => {
    const b = createInvalidationBatcher(qc);
    b.invalidate(["floor"]);
    b.invalidate();
    b.flush();
    expect(calls).toEqual(["all"]);
    b.invalidate(["x"]);
    b.dispose();
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual(["all"]);
  });
});

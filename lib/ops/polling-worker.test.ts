import { afterEach, describe, expect, it } from "vitest";
import { pollingWorker } from "./polling-worker";

const settle = () => new Promise((r) => setTimeout(r, 20));
let stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
});

function worker(name: string, round: () => Promise<boolean>) {
  const w = pollingWorker(`${name}-${Math.random()}`, 60_000, round);
  stops.push(w.stop);
  return w;
}

describe("pollingWorker", () => {
  it("does nothing on a kick until started", async () => {
    let rounds = 0;
    const w = worker("idle", async () => (rounds++, false));
    w.kick();
    await settle();
    expect(rounds).toBe(0);
  });

  it("coalesces kicks during a round into one more round", async () => {
    let rounds = 0;
    let release!: () => void;
    const w = worker("coalesce", async () => {
      rounds++;
      if (rounds === 1) await new Promise<void>((r) => (release = r));
      return false;
    });
    w.start();
    w.kick();
    await settle();
    w.kick();
    w.kick();
    w.kick();
    release();
    await settle();
    expect(rounds).toBe(2);
  });

  it("goes again while a round says more is waiting, and survives a failing round", async () => {
    const answers = [true, true, false];
    let rounds = 0;
    const w = worker("again", async () => {
      rounds++;
      if (rounds === 1) throw new Error("database away");
      return answers.shift() ?? false;
    });
    w.start();
    w.kick(); // round 1 throws: logged, the loop ends
    await settle();
    expect(rounds).toBe(1);
    w.kick(); // rounds 2-4: true, true, false
    await settle();
    expect(rounds).toBe(4);
  });
});

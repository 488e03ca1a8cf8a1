import IORedis from "ioredis";
import { Ratelimit } from "@upstash/ratelimit";
import { afterAll, describe, expect, it } from "vitest";
import { ioredisForRatelimit } from "./rate-limit";

// Runs against the machine's real Redis (REDIS_TEST_URL, set by scripts/test-all.sh when Redis
// answers). Skipped only where no Redis exists (a fresh machine with Node alone): the app then
// uses the per-process limiter, which the unit and sign-in tests cover; CI machines have Redis.
const url = process.env.REDIS_TEST_URL;

describe.skipIf(!url)("@upstash/ratelimit on a plain Redis through the ioredis adapter", () => {
  const client = new IORedis(url ?? "redis://127.0.0.1:6379", { lazyConnect: true });
  afterAll(() => client.quit());

  it("is needed: this Redis refuses Upstash's script header (when it stops refusing, drop the strip — ADR 0016)", async () => {
    await expect(client.eval("#!lua flags=allow-key-locking\nreturn 1", 0)).rejects.toThrow(/shebang/i);
    expect(await ioredisForRatelimit(client).eval("#!lua flags=allow-key-locking\nreturn 1", [], [])).toBe(1);
  });

  it("allows up to the limit, then refuses", async () => {
    const rl = new Ratelimit({
      redis: ioredisForRatelimit(client) as never,
      prefix: `test:${Date.now()}:a`,
      limiter: Ratelimit.slidingWindow(3, "10 s"),
    });
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await rl.limit("ip-1")).success);
    expect(results).toEqual([true, true, true, false, false]);
    expect((await rl.limit("ip-2")).success).toBe(true); // keys are independent
  });

  it("counts concurrent requests atomically", async () => {
    const rl = new Ratelimit({
      redis: ioredisForRatelimit(client) as never,
      prefix: `test:${Date.now()}:b`,
      limiter: Ratelimit.slidingWindow(10, "10 s"),
    });
    const results = await Promise.all(Array.from({ length: 40 }, () => rl.limit("burst")));
    expect(results.filter((r) => r.success)).toHaveLength(10);
  });

  it("keeps state in Redis, shared by every app process", async () => {
    const prefix = `test:${Date.now()}:c`;
    const other = new IORedis(url ?? "", { lazyConnect: true });
    const a = new Ratelimit({
      redis: ioredisForRatelimit(client) as never,
      prefix,
      limiter: Ratelimit.slidingWindow(2, "10 s"),
    });
    const b = new Ratelimit({
      redis: ioredisForRatelimit(other) as never,
      prefix,
      limiter: Ratelimit.slidingWindow(2, "10 s"),
    });
    expect((await a.limit("k")).success).toBe(true);
    expect((await b.limit("k")).success).toBe(true);
    expect((await a.limit("k")).success).toBe(false);
    await other.quit();
  });
});

describe.skipIf(!url)("failure counter on Redis", () => {
  it("counts exactly, also under concurrency, and shares state between counters", async () => {
    process.env.REDIS_URL = url;
    const { createFailureCounter } = await import("./rate-limit");
    const a = createFailureCounter(`test-${Date.now()}`, 60_000);
    const key = "someone@nowhere.test";
    expect(await a.count(key)).toBe(0);
    const results = await Promise.all(Array.from({ length: 7 }, () => a.record(key)));
    expect([...results].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await a.count(key)).toBe(7);
    expect(await a.count("other@nowhere.test")).toBe(0);
  });
});

import { Ratelimit } from "@upstash/ratelimit";
import { Redis as UpstashRedis } from "@upstash/redis";
import { createHash } from "node:crypto";
import IORedis from "ioredis";
import { env } from "../env";
import { log } from "../log";
import { metrics } from "../observability/metrics";

export type LimitResult = { success: boolean; remaining: number; reset: number };
/** What a limiter allows, named: advertised in `RateLimit-Policy` on a 429. */
export type LimitPolicy = { name: string; quota: number; windowSeconds: number };
export type Limiter = { readonly policy: LimitPolicy; limit(key: string): Promise<LimitResult> };
type Window = `${number} ${"s" | "m" | "h"}`;

/**
 * The few commands the limiters use. `@upstash/redis` has them natively; a plain Redis gets them
 * through ioredis below. Either way the rest of this file has one code path.
 */
export type LimiterRedis = {
  eval(script: string, keys: string[], args: unknown[]): Promise<unknown>;
  evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown>;
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<unknown>;
  incr(key: string): Promise<number>;
  pexpire(key: string, ms: number): Promise<number>;
};

/**
 * @upstash/ratelimit on a plain Redis through ioredis (see stack notes). Upstash's scripts start
 * with `#!lua flags=allow-key-locking`, a flag only Upstash's server knows: Redis 7.0 answers
 * "Unexpected flag in script shebang" (ADR 0016), so this adapter — and only it — drops the
 * shebang line. The stripped script has its own SHA, tracked here.
 */
export function ioredisForRatelimit(client: IORedis): LimiterRedis {
  const strip = (script: string) => script.replace(/^#!lua[^\n]*\n/, "");
  return {
    // Upstash's hashes are of the unstripped text, so answer NOSCRIPT locally and let the
    // library fall back to eval, which runs the stripped script by its own SHA (one round trip).
    evalsha: async () => {
      throw new Error("NOSCRIPT use eval");
    },
    eval: async (script, keys, args) => {
      const stripped = strip(script);
      const sha = createHash("sha1").update(stripped).digest("hex");
      const argv = [...keys, ...args.map(String)];
      try {
        return await client.evalsha(sha, keys.length, ...argv);
      } catch (error) {
        if (!String(error).includes("NOSCRIPT")) throw error;
        return client.eval(stripped, keys.length, ...argv);
      }
    },
    get: (key) => client.get(key),
    set: (key, value) => client.set(key, String(value)),
    incr: (key) => client.incr(key),
    pexpire: (key, ms) => client.pexpire(key, ms),
  };
}

/** Per-process sliding log; used only when no Redis is configured (the embedded default). */
class MemoryLimiter {
  private hits = new Map<string, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}
  async limit(key: string): Promise<LimitResult> {
    const now = Date.now();
    const list = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    const success = list.length < this.max;
    if (success) list.push(now);
    this.hits.set(key, list);
    if (this.hits.size > 50_000) this.hits.clear(); // bounded memory under a key-spraying attack
    return { success, remaining: Math.max(0, this.max - list.length), reset: (list[0] ?? now) + this.windowMs };
  }
}

let redisClient: IORedis | undefined;
let limiterRedis: LimiterRedis | null | undefined;

/** The limiters' Redis from env: Upstash REST, a plain Redis, or none (the embedded default: memory). */
function sharedLimiterRedis(): LimiterRedis | null {
  if (limiterRedis !== undefined) return limiterRedis;
  const e = env();
  if (e.UPSTASH_REDIS_REST_URL && e.UPSTASH_REDIS_REST_TOKEN) {
    limiterRedis = new UpstashRedis({
      url: e.UPSTASH_REDIS_REST_URL,
      token: e.UPSTASH_REDIS_REST_TOKEN,
    }) as LimiterRedis;
  } else if (e.REDIS_URL) {
    redisClient = new IORedis(e.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
    limiterRedis = ioredisForRatelimit(redisClient);
  } else {
    limiterRedis = null;
  }
  return limiterRedis;
}

/** Redis first; when it fails, the per-process fallback, so a Redis outage never locks the restaurant out. */
async function orFallback<T>(what: string, prefix: string, fn: () => Promise<T>, fallback: () => Promise<T>) {
  try {
    if (redisClient) await connected(redisClient);
    return await fn();
  } catch (error) {
    log.warn(`${what} degraded to memory`, { prefix, error });
    return fallback();
  }
}

/**
 * Without an offline queue a command sent while the first connection is still being made fails,
 * and its count would land in the memory fallback: split counts let a burst at start-up through.
 * Wait (briefly) for that first connection; a Redis known to be down falls back at once.
 */
async function connected(client: IORedis, timeoutMs = 1000): Promise<void> {
  if (!["wait", "connecting", "connect"].includes(client.status)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off("ready", done);
      client.off("error", done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    client.once("ready", done);
    client.once("error", done);
  });
}

function windowMs(w: Window): number {
  const [n, unit] = w.split(" ");
  return Number(n) * (unit === "s" ? 1000 : unit === "m" ? 60_000 : 3_600_000);
}

/** Every refusal counts in `rate_limit_exceeded_total` by policy. */
function counted(limiter: Limiter): Limiter {
  return {
    policy: limiter.policy,
    limit: async (key) => {
      const r = await limiter.limit(key);
      if (!r.success) metrics().rateLimited.inc({ policy: limiter.policy.name });
      return r;
    },
  };
}

export function createLimiter(prefix: string, max: number, window: Window): Limiter {
  return counted(uncountedLimiter(prefix, max, window));
}

function uncountedLimiter(prefix: string, max: number, window: Window): Limiter {
  const redis = sharedLimiterRedis();
  const policy: LimitPolicy = { name: prefix, quota: max, windowSeconds: windowMs(window) / 1000 };
  const fallback = new MemoryLimiter(max, windowMs(window));
  if (!redis) return { policy, limit: (key) => fallback.limit(key) };
  const limiter = new Ratelimit({
    redis: redis as ConstructorParameters<typeof Ratelimit>[0]["redis"],
    prefix: `kp:${prefix}`,
    limiter: Ratelimit.slidingWindow(max, window),
  });
  return {
    policy,
    limit: (key) =>
      orFallback(
        "rate limiter",
        prefix,
        async () => {
          const r = await limiter.limit(key);
          return { success: r.success, remaining: r.remaining, reset: r.reset };
        },
        () => fallback.limit(key),
      ),
  };
}

/**
 * Exact failure counter with a fixed lock window, for emails that have no account: they must
 * lock out exactly like real accounts (5 failures → 15 minutes), or the difference would reveal
 * which emails exist. A sliding-window limiter approximates across window edges, so it can't.
 */
export type FailureCounter = {
  /** Failures recorded in the current window (0 when none). */
  count(key: string): Promise<number>;
  /** Records one failure; the window starts at the first. Returns the new count. */
  record(key: string): Promise<number>;
};

export function createFailureCounter(prefix: string, windowMs: number): FailureCounter {
  const memory = new Map<string, { n: number; until: number }>();
  const mem: FailureCounter = {
    async count(key) {
      const hit = memory.get(key);
      return hit && hit.until > Date.now() ? hit.n : 0;
    },
    async record(key) {
      const now = Date.now();
      const hit = memory.get(key);
      const next = hit && hit.until > now ? { n: hit.n + 1, until: hit.until } : { n: 1, until: now + windowMs };
      memory.set(key, next);
      if (memory.size > 50_000) memory.clear();
      return next.n;
    },
  };
  const redis = sharedLimiterRedis();
  if (!redis) return mem;
  const k = (key: string) => `kp:${prefix}:${createHash("sha256").update(key).digest("hex").slice(0, 32)}`;
  return {
    count: (key) =>
      orFallback(
        "failure counter",
        prefix,
        async () => Number((await redis.get(k(key))) ?? 0),
        () => mem.count(key),
      ),
    record: (key) =>
      orFallback(
        "failure counter",
        prefix,
        async () => {
          const n = await redis.incr(k(key));
          if (n === 1) await redis.pexpire(k(key), windowMs);
          return n;
        },
        () => mem.record(key),
      ),
  };
}

const limiters = new Map<string, Limiter>();

const LIMITS = {
  "login-ip": [60, "5 m"],
  /** Guest table PINs tried from one address (issue 13); a phone is blocked after 5 wrong (lib/guest). */
  "guest-pin-ip": [50, "1 h"],
  /** A joined guest phone's API calls (cart edits, menu, status polls), per phone. */
  "guest-api": [300, "5 m"],
  /** Guest API calls before joining, per address (a restaurant's wifi is one address for every table). */
  "guest-api-ip": [600, "5 m"],
  /** A verified online customer's API calls (menu, cart, tracking polls), per customer session. */
  "customer-api": [300, "5 m"],
  /** Online ordering calls before verification, per address. */
  "customer-api-ip": [300, "5 m"],
  /** Phone-verification codes asked from one address, whatever the phones (lib/customers/otp-rules.ts has the exact limits). */
  "customer-otp-ip": [30, "1 h"],
  api: [600, "1 m"],
  /** A delivering driver's position reports (the app sends one every ~5 s), per driver. */
  "driver-position": [60, "1 m"],
  /** A busy tablet sees a switch every minute or so; a PIN guesser needs thousands. */
  "staff-pin": [120, "5 m"],
  /** "Forgot password" requests from one address (a whole restaurant may share one). */
  "reset-ip": [20, "15 m"],
  /** Reset mails to one address, whoever asks: nobody's inbox can be flooded. */
  "reset-email": [3, "15 m"],
  /** A waiting guest's status page and its live-update sign-in, per address (a phone polls every 20 s). */
  "wait-status": [300, "5 m"],
  /** Public booking submits (and cancel-link presses) from one address: a family books a few, a script many. */
  "booking-ip": [10, "10 m"],
  /** Public availability look-ups from one address: a guest tries a few dates and sizes, a scraper every one. */
  "booking-times-ip": [120, "5 m"],
} as const satisfies Record<string, readonly [number, Window]>;

/** Named limiters, created once per process. */
export function limiter(name: keyof typeof LIMITS): Limiter {
  let l = limiters.get(name);
  if (!l) {
    const [max, window] = LIMITS[name];
    l = createLimiter(name, max, window);
    limiters.set(name, l);
  }
  return l;
}

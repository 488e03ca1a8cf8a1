import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";
import { metrics } from "./observability/metrics";
import { traceQueries } from "./observability/trace-queries";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function createPrismaClient(connectionString: string, max = 10): PrismaClient {
  // Bounded waits: a hung database answers 503 (lib/http/db-unavailable.ts) instead of hanging.
  // No JIT: it spends ~50–100 ms compiling every report query that crosses its cost threshold, more
  // than those queries take to run from their indexes (ADR 0035).
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    query_timeout: 30_000,
    options: "-c jit=off",
  });
  pool.on("connect", traceQueries);
  // Our pool (closed with the client) so metrics can read how busy it is.
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

const pools = new WeakMap<PrismaClient, pg.Pool>();

/** One client per process (hot reload in dev must not leak pools). */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    if (!globalForPrisma.prisma) {
      const client = createPrismaClient(env().DATABASE_URL);
      const pool = pools.get(client)!;
      metrics().pools.stats = () => ({
        totalCount: pool.totalCount,
        idleCount: pool.idleCount,
        waitingCount: pool.waitingCount,
      });
      globalForPrisma.prisma = client;
    }
    const value = Reflect.get(globalForPrisma.prisma, prop);
    return typeof value === "function" ? value.bind(globalForPrisma.prisma) : value;
  },
});

import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function createPrismaClient(connectionString: string, max = 10): PrismaClient {
  // Bounded waits: a hung database answers 503 (lib/http/db-unavailable.ts) instead of hanging.
  const adapter = new PrismaPg({ connectionString, max, connectionTimeoutMillis: 5_000, query_timeout: 30_000 });
  return new PrismaClient({ adapter });
}

/** One client per process (hot reload in dev must not leak pools). */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    globalForPrisma.prisma ??= createPrismaClient(env().DATABASE_URL);
    const value = Reflect.get(globalForPrisma.prisma, prop);
    return typeof value === "function" ? value.bind(globalForPrisma.prisma) : value;
  },
});

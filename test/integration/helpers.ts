import { inject } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db";
import { DEMO_PASSWORD, seedDemo, type SeedSummary } from "@/lib/demo/seed-demo";

let client: PrismaClient | undefined;
let passwordHash: Promise<string> | undefined;

/** A client for this run's database (one per worker). */
export function testDb(): PrismaClient {
  client ??= createPrismaClient(inject("databaseUrl"), 5);
  return client;
}

/**
 * Empty every table but the migration history. TRUNCATE fires no row triggers, so the
 * append-only tables (OrderEvent, AuditLog, StockMovement) are emptied too.
 */
export async function resetDb(): Promise<void> {
  const db = testDb();
  const rows = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (rows.length === 0) return;
  const tables = rows.map((r) => `"${r.tablename.replace(/"/g, '""')}"`).join(", ");
  await db.$executeRawUnsafe(`TRUNCATE TABLE ${tables} RESTART IDENTITY CASCADE`);
}

/** The demo restaurant (see lib/demo/seed-demo.ts); the password hash is computed once per worker. */
export async function seedFixture(): Promise<SeedSummary> {
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  return seedDemo(testDb(), { passwordHash: await passwordHash });
}

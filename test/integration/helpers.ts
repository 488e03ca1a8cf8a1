import { randomUUID } from "node:crypto";
import { expect, inject } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db";
import { DEMO_LOCATION_SLUG, DEMO_PASSWORD, seedDemo, type SeedSummary } from "@/prisma/demo-seed";
import type { Ctx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";

let client: PrismaClient | undefined;
let passwordHash: Promise<string> | undefined;

/** A client for this run's database (one per worker). */
export function testDb(): PrismaClient {
  client ??= createPrismaClient(inject("databaseUrl"), 5);
  return client;
}

/**
 * Empty every table but the migration history. TRUNCATE fires no row triggers, so the
 * append-only tables (OrderEvent, AuditLog, StockMovement) are emptied too. The table list is
 * built and quoted (format %I) by PostgreSQL itself: no identifier is spliced in from JS.
 */
export async function resetDb(): Promise<void> {
  await testDb().$executeRaw`
    DO $$
    DECLARE tables text;
    BEGIN
      SELECT string_agg(format('%I', tablename), ', ') INTO tables
      FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations';
      IF tables IS NOT NULL THEN
        EXECUTE 'TRUNCATE TABLE ' || tables || ' RESTART IDENTITY CASCADE';
      END IF;
    END $$`;
}

/** The acting context of a seeded user at a location (the demo restaurant by default). */
export async function ctxFor(email: string, slug = DEMO_LOCATION_SLUG): Promise<Ctx> {
  const m = await testDb().membership.findFirstOrThrow({
    where: { user: { email }, location: { slug } },
    include: { user: true },
  });
  return {
    userId: m.userId,
    name: m.user.name,
    email,
    role: m.role,
    locationId: m.locationId,
    requestId: randomUUID(),
  };
}

/** Awaits a promise that must reject with an AppError (of `code`, when given) and returns it. */
export async function expectAppError(p: Promise<unknown>, code?: string): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  if (code) expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/**
 * The demo restaurant (see prisma/demo-seed.ts); the password hash is computed once per worker.
 * New tests build what they need instead (./builders/).
 */
export async function seedFixture(): Promise<SeedSummary> {
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  return seedDemo(testDb(), { passwordHash: await passwordHash });
}

// Runs in each test worker before the test file: point lib/env.ts (read lazily by lib/db.ts
// and the rate limiter) at the database that global-setup.ts created for this run.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
const redisUrl = inject("redisUrl");
if (redisUrl) process.env.REDIS_URL = redisUrl;
else delete process.env.REDIS_URL;

// `npm run db:seed` / `tsx prisma/seed.ts`: seed (or complete) the demo data in DATABASE_URL.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../lib/db";
import { DEMO_LOCATION_SLUG, DEMO_PASSWORD, seedDemo } from "./demo-seed";

// Same .env handling as prisma.config.ts (tsx does not load .env files).
for (const file of [".env.local", ".env"]) {
  const p = path.join(process.cwd(), file);
  if (!existsSync(p)) continue;
  for (const line of readFileSync(p, "utf8").split("\n")) {
    const m = /^\s*(?:export\s+)?([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m && process.env[m[1]] === undefined) process.env[m[1]] = m[2].replace(/^(["'])(.*)\1$/, "$2");
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (or run `npm run app`, which starts a database and seeds it).");
  const db = createPrismaClient(url, 2);
  const started = Date.now();
  try {
    const s = await seedDemo(db);
    console.log(
      `Seeded ${DEMO_LOCATION_SLUG} in ${Date.now() - started} ms: ${s.locations} locations, ${s.users} users, ` +
        `${s.menuItems} menu items, ${s.modifierGroups} modifier groups, ${s.tables} tables, ${s.ingredients} ingredients, ` +
        `${s.recipeLines} recipe lines. Sign in as admin@demo.kitchen / ${DEMO_PASSWORD}.`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error("Seeding failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});

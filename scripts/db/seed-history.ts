// `npm run seed:history [-- --days 365 --per-day 275 --location demo-bistro]`: a year of trading
// (~100k orders) for one already-seeded location in DATABASE_URL, for the reports and their
// benchmark. Runs once per location: a second run only adds the kitchen events an older version
// of the seed did not write (a minute for a year, instead of regenerating it), then exits.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../../lib/db";
import { DEMO_LOCATION_SLUG } from "../../prisma/demo-seed";
import { backfillKitchenEvents, historyStart, seedHistory } from "../../prisma/demo-history";

for (const file of [".env.local", ".env"]) {
  const p = path.join(process.cwd(), file);
  if (!existsSync(p)) continue;
  for (const line of readFileSync(p, "utf8").split("\n")) {
    const m = /^\s*(?:export\s+)?([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m && process.env[m[1]] === undefined) process.env[m[1]] = m[2].replace(/^(["'])(.*)\1$/, "$2");
  }
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      days: { type: "string", default: "365" },
      "per-day": { type: "string", default: "275" },
      location: { type: "string", default: DEMO_LOCATION_SLUG },
    },
  });
  const days = Number(values.days);
  const perDay = Number(values["per-day"]);
  if (!Number.isInteger(days) || days < 1 || days > 1000)
    throw new Error("--days must be a whole number from 1 to 1000");
  if (!Number.isInteger(perDay) || perDay < 1 || perDay > 5000) throw new Error("--per-day must be from 1 to 5000");
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (seed the demo first: npm run db:seed).");
  const db = createPrismaClient(url, 2);
  try {
    const location = await db.location.findUnique({
      where: { slug: values.location },
      select: { id: true, name: true },
    });
    if (!location) throw new Error(`No location "${values.location}" in this database: run npm run db:seed first.`);
    const since = await historyStart(db, location.id);
    if (since) {
      const n = await db.order.count({ where: { locationId: location.id, id: { startsWith: "h" } } });
      console.log(`${location.name} already has ${n} history orders since ${since.toISOString().slice(0, 10)}.`);
      const started = Date.now();
      const b = await backfillKitchenEvents(db, location.id, ({ orders, events }) =>
        process.stdout.write(`\r${orders} orders without kitchen events, ${events} events written…`),
      );
      if (b.orders) process.stdout.write("\n");
      console.log(
        b.events
          ? `Added ${b.events} kitchen events in ${((Date.now() - started) / 1000).toFixed(1)} s.`
          : "Nothing to do: its kitchen events are there.",
      );
      return 0;
    }
    const started = Date.now();
    const s = await seedHistory(db, location.id, {
      days,
      ordersPerDay: perDay,
      onProgress: ({ days: d, orders }) => process.stdout.write(`\r${d}/${days} days, ${orders} orders…`),
    });
    process.stdout.write("\n");
    console.log(
      `Seeded ${s.orders} orders (${s.items} lines) for ${location.name}, ${s.from} to ${s.to}, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error("seed:history failed:", error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );

// `npm run pii:rehash`: recompute every stored blind index (guests' phone/email, customers' and
// blocks' phones) under PII_HASH_KEY, 500 rows per transaction, printing counts. Run it while the app
// has PII_HASH_KEY_PREVIOUS set (lookups match either key meanwhile); safe to stop and rerun (ADR 0050).
// Env: DATABASE_URL, PII_KEYS (every key values are encrypted under), PII_HASH_KEY (the new one),
// PII_HASH_KEY_PREVIOUS (the old one: lets blocks made before blocks kept their phone be matched).
import pg from "pg";
import { rehashBlindIndexes } from "../../lib/pii/pii-batches";
import { piiKeyringFrom } from "../../lib/pii/pii-crypto";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const ring = piiKeyringFrom(process.env);
  if (!ring.previousHashKey)
    console.log("note: PII_HASH_KEY_PREVIOUS is not set; old blocks without an encrypted phone cannot be matched.");
  const batchSize = Number(process.env.PII_BATCH_SIZE ?? 500);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { total, byIndex, blocksFilled } = await rehashBlindIndexes(client, ring, {
      batchSize,
      onProgress: (line) => console.log(line),
    });
    for (const c of byIndex)
      console.log(
        `${c.index}: ${c.rehashed} re-hashed, ${c.current} already current, ${c.undecryptable} undecryptable, ` +
          `${c.duplicates} duplicates, ${c.withoutCopy} without an encrypted copy`,
      );
    console.log(
      `done: ${total.rehashed} re-hashed, ${total.current} already current, ${blocksFilled} blocks given their phone.`,
    );
    // Left on the old hash, these match only while PII_HASH_KEY_PREVIOUS is set (docs/runbook.md).
    if (total.withoutCopy > 0) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM "CustomerBlock"
          WHERE "phoneEnc" IS NULL AND "liftedAt" IS NULL AND ("until" IS NULL OR "until" > now())`,
      );
      console.log(
        `${total.withoutCopy} hashes have no encrypted copy, ${Number(rows[0].n)} of them active blocks: ` +
          "re-enter those whose number you know before unsetting PII_HASH_KEY_PREVIOUS.",
      );
    }
    if (total.undecryptable + total.duplicates > 0) {
      console.log(
        `${total.undecryptable} undecryptable and ${total.duplicates} duplicate rows were left as they are: ` +
          "resolve them before unsetting PII_HASH_KEY_PREVIOUS.",
      );
      process.exitCode = 2;
    }
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error("pii:rehash failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});

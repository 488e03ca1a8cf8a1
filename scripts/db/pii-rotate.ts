// `npm run pii:rotate`: encrypt guest rows still in plaintext (written before ADR 0043), then
// re-encrypt every value not under PII_ACTIVE_KEY, 500 rows per transaction. Safe to stop and rerun.
// Env: DATABASE_URL, PII_KEYS (every key still in use, plus the new active one), PII_ACTIVE_KEY, PII_HASH_KEY.
import pg from "pg";
import { backfillGuestContacts, rotatePiiKeys } from "../../lib/pii/pii-batches";
import { piiKeyringFrom } from "../../lib/pii/pii-crypto";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const ring = piiKeyringFrom(process.env);
  const batchSize = Number(process.env.PII_BATCH_SIZE ?? 500);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const onProgress = (line: string) => console.log(line);
    const moved = await backfillGuestContacts(client, () => ring, { batchSize, onProgress });
    const { reencrypted, remaining } = await rotatePiiKeys(client, ring, { batchSize, onProgress });
    console.log(`done: ${moved} plaintext rows encrypted, ${reencrypted} values re-encrypted to ${ring.activeKeyId}.`);
    if (remaining > 0) {
      console.log(`${remaining} values were locked by running requests: run again.`);
      process.exitCode = 2;
    }
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error("pii:rotate failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});

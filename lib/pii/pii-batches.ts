// Batch chores over encrypted columns (ADR 0043): the one-time backfill of plaintext rows written
// before encryption, key rotation, and the re-hash of blind indexes under a new hash key (ADR 0050). Plain SQL through any pg-style client, so `migrateDatabase`
// (scripts/db) and `npm run pii:rotate` share it. Idempotent and resumable: each batch commits alone.
import { encodeGuestContact } from "../reservations/guest-contact";
import {
  blindIndex,
  blindIndexes,
  decryptPii,
  decryptPiiOrNull,
  encryptPii,
  type BlindIndexKind,
  type PiiKeyring,
} from "./pii-crypto";

export type SqlClient = { query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };
export type BatchOptions = { batchSize?: number; onProgress?: (line: string) => void };

async function inTransaction<T>(sql: SqlClient, fn: () => Promise<T>): Promise<T> {
  await sql.query("BEGIN");
  try {
    const result = await fn();
    await sql.query("COMMIT");
    return result;
  } catch (error) {
    await sql.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** Guests still holding a plaintext phone/email: encrypt, index, clear. Returns how many rows moved. */
export async function backfillGuestContacts(
  sql: SqlClient,
  ring: () => PiiKeyring,
  { batchSize = 500, onProgress }: BatchOptions = {},
): Promise<number> {
  let moved = 0;
  for (;;) {
    const done = await inTransaction(sql, async () => {
      const { rows } = await sql.query(
        `SELECT "id", "phone", "email" FROM "Guest" WHERE "phone" IS NOT NULL OR "email" IS NOT NULL
         ORDER BY "id" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      for (const row of rows) {
        const enc = encodeGuestContact(
          {
            ...(row.phone ? { phone: String(row.phone) } : {}),
            ...(row.email ? { email: String(row.email) } : {}),
          },
          ring(),
        );
        await sql.query(
          `UPDATE "Guest" SET "phone" = NULL, "email" = NULL,
             "phoneEnc" = COALESCE($2, "phoneEnc"), "phoneHash" = COALESCE($3, "phoneHash"),
             "emailEnc" = COALESCE($4, "emailEnc"), "emailHash" = COALESCE($5, "emailHash")
           WHERE "id" = $1`,
          [row.id, enc.phoneEnc ?? null, enc.phoneHash ?? null, enc.emailEnc ?? null, enc.emailHash ?? null],
        );
      }
      return rows.length;
    });
    moved += done;
    if (done > 0) onProgress?.(`backfill: ${moved} guest rows encrypted`);
    if (done < batchSize) return moved;
  }
}

/** Every encrypted column, by table (and the table's primary key, the batches' cursor). */
const COLUMNS: { table: string; id: string; columns: string[] }[] = [
  { table: "Guest", id: "id", columns: ["phoneEnc", "emailEnc"] },
  { table: "User", id: "id", columns: ["contactPhoneEnc"] },
  { table: "Customer", id: "id", columns: ["phoneEnc", "emailEnc"] },
  { table: "CustomerBlock", id: "id", columns: ["phoneEnc"] },
  { table: "CustomerAddress", id: "id", columns: ["streetEnc", "unitEnc", "notesEnc"] },
  { table: "OnlineOrder", id: "orderId", columns: ["addressEnc"] },
];

/**
 * Re-encrypt under the active key every value written under another one, `batchSize` rows per
 * transaction along an id cursor (rows locked by a running request are skipped: run again to pick
 * them up). Returns how many values were re-encrypted and how many rows were skipped as locked.
 */
export async function rotatePiiKeys(
  sql: SqlClient,
  ring: PiiKeyring,
  { batchSize = 500, onProgress }: BatchOptions = {},
): Promise<{ reencrypted: number; remaining: number }> {
  const prefix = `pii:v1:${ring.activeKeyId}:`;
  const current = `${prefix.replace(/[_%\\]/g, "\\$&")}%`; // LIKE pattern: "_" in a key id is literal
  let reencrypted = 0;
  for (const { table, id, columns } of COLUMNS) {
    const stale = columns.map((c) => `("${c}" IS NOT NULL AND "${c}" NOT LIKE $1)`).join(" OR ");
    let cursor = "";
    for (;;) {
      const batch = await inTransaction(sql, async () => {
        const { rows } = await sql.query(
          `SELECT "${id}" AS id, ${columns.map((c) => `"${c}"`).join(", ")} FROM "${table}"
           WHERE (${stale}) AND "${id}" > $2 ORDER BY "${id}" LIMIT $3 FOR UPDATE SKIP LOCKED`,
          [current, cursor, batchSize],
        );
        for (const row of rows) {
          const values = columns.map((c) => {
            const v = row[c] as string | null;
            if (v === null || v.startsWith(prefix)) return v;
            reencrypted++;
            return encryptPii(ring, decryptPii(ring, v));
          });
          const set = columns.map((c, i) => `"${c}" = $${i + 2}`).join(", ");
          await sql.query(`UPDATE "${table}" SET ${set} WHERE "${id}" = $1`, [row.id, ...values]);
        }
        return rows.map((r) => String(r.id));
      });
      if (batch.length > 0) {
        cursor = batch[batch.length - 1];
        onProgress?.(`rotate: ${table} … ${reencrypted} values re-encrypted to ${ring.activeKeyId}`);
      }
      if (batch.length < batchSize) break;
    }
  }
  const counts = await Promise.all(
    COLUMNS.map(async ({ table, columns }) => {
      const stale = columns.map((c) => `("${c}" IS NOT NULL AND "${c}" NOT LIKE $1)`).join(" OR ");
      const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "${table}" WHERE ${stale}`, [current]);
      return Number(rows[0].n);
    }),
  );
  return { reencrypted, remaining: counts.reduce((a, b) => a + b, 0) };
}

/** Every stored blind index with the encrypted value it is the hash of. */
const BLIND_INDEXES: { table: string; enc: string; hash: string; kind: BlindIndexKind; unique: boolean }[] = [
  { table: "Guest", enc: "phoneEnc", hash: "phoneHash", kind: "phone", unique: true },
  { table: "Guest", enc: "emailEnc", hash: "emailHash", kind: "email", unique: false },
  { table: "Customer", enc: "phoneEnc", hash: "phoneHash", kind: "phone", unique: true },
  { table: "CustomerBlock", enc: "phoneEnc", hash: "phoneHash", kind: "phone", unique: false },
];

export type RehashCounts = {
  /** Hashes rewritten under the current key. */
  rehashed: number;
  /** Already under the current key (a second run counts everything here). */
  current: number;
  /** The encrypted value could not be decrypted (key missing from PII_KEYS, tampered): left as is. */
  undecryptable: number;
  /** Another row of the location already holds the new hash (a duplicate guest/customer): left as is. */
  duplicates: number;
  /** A hash with no encrypted value beside it: cannot be recomputed (old blocks by phone only). */
  withoutCopy: number;
};
export type RehashResult = { total: RehashCounts; byIndex: ({ index: string } & RehashCounts)[]; blocksFilled: number };

const noCounts = (): RehashCounts => ({ rehashed: 0, current: 0, undecryptable: 0, duplicates: 0, withoutCopy: 0 });

/**
 * Blocks made before blocks kept their phone encrypted: take the blocked customer's ciphertext when
 * the block's hash is one of that phone's lookup hashes (so it is the same phone). Returns how many.
 */
async function fillBlockPhones(sql: SqlClient, ring: PiiKeyring, batchSize: number): Promise<number> {
  let filled = 0;
  let cursor = "";
  for (;;) {
    const batch = await inTransaction(sql, async () => {
      const { rows } = await sql.query(
        `SELECT b."id", b."phoneHash", c."phoneEnc" AS "customerPhoneEnc"
           FROM "CustomerBlock" b JOIN "Customer" c ON c."id" = b."customerId"
          WHERE b."phoneEnc" IS NULL AND c."phoneEnc" IS NOT NULL AND b."id" > $1
          ORDER BY b."id" LIMIT $2 FOR UPDATE OF b`,
        [cursor, batchSize],
      );
      for (const row of rows) {
        const phone = decryptPiiOrNull(ring, String(row.customerPhoneEnc));
        if (phone === null || !blindIndexes(ring, "phone", phone).includes(String(row.phoneHash))) continue;
        await sql.query(`UPDATE "CustomerBlock" SET "phoneEnc" = $2 WHERE "id" = $1`, [row.id, row.customerPhoneEnc]);
        filled++;
      }
      return rows.map((r) => String(r.id));
    });
    if (batch.length > 0) cursor = batch[batch.length - 1];
    if (batch.length < batchSize) return filled;
  }
}

/**
 * `npm run pii:rehash` (ADR 0050): recompute every stored blind index from its decrypted value under
 * the current PII_HASH_KEY, `batchSize` rows per transaction along an id cursor. Idempotent: a row
 * already on the current key is not written. Rows that cannot be decrypted, or whose new hash another
 * row of the location already holds, are counted and left alone, never fatal.
 */
export async function rehashBlindIndexes(
  sql: SqlClient,
  ring: PiiKeyring,
  { batchSize = 500, onProgress }: BatchOptions = {},
): Promise<RehashResult> {
  const blocksFilled = await fillBlockPhones(sql, ring, batchSize);
  if (blocksFilled > 0) onProgress?.(`rehash: ${blocksFilled} blocks took their customer's encrypted phone`);
  const byIndex: RehashResult["byIndex"] = [];
  for (const { table, enc, hash, kind, unique } of BLIND_INDEXES) {
    const counts = noCounts();
    const index = `${table}.${hash}`;
    // A unique index (one guest/customer per phone and location): never write a hash another row holds.
    const free = unique
      ? `AND NOT EXISTS (SELECT 1 FROM "${table}" o WHERE o."locationId" = t."locationId" AND o."${hash}" = $2 AND o."id" <> $1)`
      : "";
    let cursor = "";
    for (;;) {
      const batch = await inTransaction(sql, async () => {
        const { rows } = await sql.query(
          `SELECT "id", "${enc}" AS enc, "${hash}" AS hash FROM "${table}"
            WHERE ("${enc}" IS NOT NULL OR "${hash}" IS NOT NULL) AND "id" > $1
            ORDER BY "id" LIMIT $2 FOR UPDATE`,
          [cursor, batchSize],
        );
        for (const row of rows) {
          if (row.enc === null) {
            counts.withoutCopy++;
            continue;
          }
          const value = decryptPiiOrNull(ring, String(row.enc));
          if (value === null) {
            counts.undecryptable++;
            continue;
          }
          const next = blindIndex(ring, kind, value);
          if (next === row.hash) {
            counts.current++;
            continue;
          }
          const { rows: written } = await sql.query(
            `UPDATE "${table}" t SET "${hash}" = $2 WHERE t."id" = $1 ${free} RETURNING t."id"`,
            [row.id, next],
          );
          if (written.length > 0) counts.rehashed++;
          else counts.duplicates++;
        }
        return rows.map((r) => String(r.id));
      });
      if (batch.length > 0) {
        cursor = batch[batch.length - 1];
        onProgress?.(`rehash: ${index} … ${counts.rehashed} re-hashed, ${counts.current} already current`);
      }
      if (batch.length < batchSize) break;
    }
    byIndex.push({ index, ...counts });
  }
  const total = noCounts();
  for (const counts of byIndex)
    for (const key of Object.keys(total) as (keyof RehashCounts)[]) total[key] += counts[key];
  return { total, byIndex, blocksFilled };
}

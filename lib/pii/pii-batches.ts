// Batch chores over encrypted columns (ADR 0043): the one-time backfill of plaintext rows written
// before encryption, and key rotation. Plain SQL through any pg-style client, so `migrateDatabase`
// (scripts/db) and `npm run pii:rotate` share it. Idempotent and resumable: each batch commits alone.
import { encodeGuestContact } from "../reservations/guest-contact";
import { decryptPii, encryptPii, type PiiKeyring } from "./pii-crypto";

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

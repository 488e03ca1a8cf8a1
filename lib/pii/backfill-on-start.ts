import pg from "pg";
import { log } from "../log";
import { piiKeyring } from "./keyring";
import { backfillGuestContacts } from "./pii-batches";

/**
 * Encrypt guest rows still in plaintext (ADR 0043) when a server starts: covers deploys whose
 * migrate step is plain `prisma migrate deploy` (Docker, Helm). A no-op query once done; several
 * instances share the work (SKIP LOCKED). Failure is logged, never fatal: `npm run pii:rotate` redoes it.
 */
export async function backfillPiiOnStart(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  try {
    await client.connect();
    const moved = await backfillGuestContacts(client, piiKeyring);
    if (moved > 0) log.info("encrypted plaintext guest contacts", { rows: moved });
  } catch (error) {
    log.error("pii backfill at start failed (run npm run pii:rotate)", { error });
  } finally {
    await client.end().catch(() => {});
  }
}

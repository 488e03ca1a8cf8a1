import "server-only";
import { db } from "../db";

/**
 * A per-process cache of what never changes between two menu edits: the live menu's rows, read
 * once per menu version. Every read first asks the database for the current version (one
 * indexed single-row read), and MenuVersion is bumped by triggers in the same transaction as any
 * change to the menu tables or a location, so a change is seen by every instance from its commit
 * on — nothing here relies on this process having seen the change (docs/adr/0048).
 */
type Entry<T> = { version: bigint; value: Promise<T> };

const entries = new Map<string, Entry<unknown>>();
const MAX_ENTRIES = 200;

/** The current menu version (the row is re-created by the first bump after a reset). */
export async function menuVersion(): Promise<bigint> {
  const rows = await db.$queryRaw<{ version: bigint }[]>`SELECT version FROM "MenuVersion" WHERE id = 1`;
  return rows[0]?.version ?? -1n;
}

/**
 * `load()`'s answer for this key at the current menu version: shared by concurrent callers,
 * reloaded once the version moves. A failed load is not kept.
 */
export async function cachedAtMenuVersion<T>(key: string, load: () => Promise<T>): Promise<T> {
  const version = await menuVersion();
  const hit = entries.get(key) as Entry<T> | undefined;
  if (hit && hit.version === version && version >= 0n) return hit.value;
  // Loaded after the version was read: at worst the rows are newer than the version (the next
  // read reloads), never older.
  const value = load();
  const entry: Entry<T> = { version, value };
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, entry);
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return value;
}

/** Tests: forget everything. */
export function clearLiveMenuCache(): void {
  entries.clear();
}

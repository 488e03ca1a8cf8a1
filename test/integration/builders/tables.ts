// The floor: an area with dining tables.
import { testDb } from "../helpers";
import { tag } from "./tag";

/** One free table per label in a new floor area; returns their ids by label. */
export async function buildTables(
  locationId: string,
  labels: string[],
  opts: { area?: string; seats?: number } = {},
): Promise<Record<string, string>> {
  const db = testDb();
  const area = await db.floorArea.create({ data: { locationId, name: opts.area ?? `Area ${tag()}` } });
  const ids: Record<string, string> = {};
  for (const [i, label] of labels.entries()) {
    const table = await db.diningTable.create({
      data: { locationId, areaId: area.id, label, seats: opts.seats ?? 4, posX: i },
    });
    ids[label] = table.id;
  }
  return ids;
}

// Kitchen stations of a location.
import { testDb } from "../helpers";

export type StationSpec = {
  slug: string;
  name?: string;
  isExpo?: boolean;
  showOnExpo?: boolean;
  warnMinutes?: number;
  lateMinutes?: number;
};

/** Stations in the order given (their sortOrder); returns their ids by slug. */
export async function buildStations(locationId: string, specs: StationSpec[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [i, s] of specs.entries()) {
    const station = await testDb().kitchenStation.create({
      data: {
        locationId,
        slug: s.slug,
        name: s.name ?? s.slug,
        isExpo: s.isExpo ?? false,
        showOnExpo: s.showOnExpo ?? true,
        warnMinutes: s.warnMinutes,
        lateMinutes: s.lateMinutes,
        sortOrder: i,
      },
    });
    ids[s.slug] = station.id;
  }
  return ids;
}

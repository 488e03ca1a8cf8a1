import { describe, expect, it } from "vitest";
import { zoneWithLocalHour } from "./zones";

const localHour = (zone: string, at: Date) =>
  Number(new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", hourCycle: "h23" }).format(at));

describe("zoneWithLocalHour", () => {
  it("puts every UTC hour of the day at the asked local hour", () => {
    for (let h = 0; h < 24; h++) {
      const at = new Date(Date.UTC(2026, 11, 1, h, 40));
      for (const want of [8, 10, 13]) expect(localHour(zoneWithLocalHour(want, at), at)).toBe(want);
    }
  });
});

import { describe, expect, it } from "vitest";
import { checklistStatus, dueInstant, seesChecklist } from "./checklist-rules";

describe("who sees a checklist", () => {
  it("managers see all; others their role's lists; station lists where the role cooks", () => {
    const grill = { role: null, stationId: "grill" };
    const servers = { role: "SERVER" as const, stationId: null };
    const anyone = { role: null, stationId: null };
    expect(seesChecklist("MANAGER", servers)).toBe(true);
    expect(seesChecklist("SERVER", servers)).toBe(true);
    expect(seesChecklist("CHEF", servers)).toBe(false);
    expect(seesChecklist("CHEF", grill)).toBe(true);
    expect(seesChecklist("SERVER", grill)).toBe(false);
    expect(seesChecklist("HOST", anyone)).toBe(true);
    // A bar list for servers, say: the role named on it decides.
    expect(seesChecklist("SERVER", { role: "SERVER", stationId: "bar" })).toBe(true);
  });

  it("a list handed to my shift today is mine whatever its role; a list for anyone handed to others is theirs", () => {
    const servers = { role: "SERVER" as const, stationId: null };
    const grill = { role: "CHEF" as const, stationId: "grill" };
    const anyone = { role: null, stationId: null };
    expect(seesChecklist("SERVER", grill, "mine")).toBe(true);
    expect(seesChecklist("SERVER", grill, "others")).toBe(false);
    expect(seesChecklist("CHEF", grill, "others")).toBe(true); // the role's lists stay the role's
    expect(seesChecklist("SERVER", servers, "others")).toBe(true);
    expect(seesChecklist("HOST", anyone, "others")).toBe(false);
    expect(seesChecklist("HOST", anyone, "none")).toBe(true);
    expect(seesChecklist("MANAGER", anyone, "others")).toBe(true);
  });
});

describe("due times", () => {
  const rules = { timeZone: "America/New_York", cutoffHour: 4 };
  it("are local times of the business day; before the cut-off they are the next morning", () => {
    expect(dueInstant({ y: 2026, m: 12, d: 1 }, 10 * 60 + 30, rules).toISOString()).toBe("2026-12-01T15:30:00.000Z");
    expect(dueInstant({ y: 2026, m: 12, d: 1 }, 90, rules).toISOString()).toBe("2026-12-02T06:30:00.000Z");
  });
  it("make an unfinished list overdue once passed, never a finished one", () => {
    const due = new Date("2026-12-01T15:30:00Z");
    expect(checklistStatus(2, 3, due, new Date("2026-12-01T15:29:59Z"))).toBe("OPEN");
    expect(checklistStatus(2, 3, due, new Date("2026-12-01T15:30:00Z"))).toBe("OVERDUE");
    expect(checklistStatus(3, 3, due, new Date("2026-12-01T18:00:00Z"))).toBe("DONE");
    expect(checklistStatus(0, 3, null, new Date("2026-12-01T18:00:00Z"))).toBe("OPEN");
  });
});

import { describe, expect, it } from "vitest";
import { bookingIcs, clockText, guestDate, guestTime, partyText } from "./guest-format";

describe("guest-facing booking text", () => {
  it("writes the restaurant's wall clock, not the reader's", () => {
    const at = "2026-12-12T00:30:00.000Z";
    expect(guestDate(at, "America/New_York")).toBe("Friday, December 11, 2026");
    expect(guestTime(at, "America/New_York")).toBe("7:30 PM");
    expect(guestTime(at, "UTC")).toBe("12:30 AM");
  });

  it("reads slot times and party sizes", () => {
    expect(clockText("00:15")).toBe("12:15 AM");
    expect(clockText("12:00")).toBe("12:00 PM");
    expect(clockText("19:45")).toBe("7:45 PM");
    expect([partyText(1), partyText(4)]).toEqual(["1 guest", "4 guests"]);
  });

  it("makes a calendar file in UTC with escaped text", () => {
    const ics = bookingIcs({
      id: "r1",
      startsAt: "2026-12-12T00:30:00.000Z",
      durationMinutes: 105,
      restaurant: "Harbour Bistro",
      address: "1 Quay St, Portland; ME",
      party: "4 guests",
      now: new Date("2026-12-01T10:00:00Z"),
    });
    expect(ics).toContain("DTSTART:20261212T003000Z\r\nDTEND:20261212T021500Z");
    expect(ics).toContain("LOCATION:1 Quay St\\, Portland\\; ME");
    expect(ics).toContain("SUMMARY:Table at Harbour Bistro (4 guests)");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  });
});

// How the public pages and the guest's mail write a booking's date and time: the restaurant's
// wall clock, in words ("Saturday, December 12, 2026", "7:30 PM"). Pure; client-safe.

export function guestDate(instant: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
  }).format(new Date(instant));
}

export function guestTime(instant: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit" }).format(new Date(instant));
}

/** "HH:MM" (a slot's local time) as "7:30 PM". */
export function clockText(hhmm: string): string {
  const [h, m] = hhmm.split(":").map(Number);
  return `${((h + 11) % 12) + 1}:${String(m).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
}

export function partyText(n: number): string {
  return n === 1 ? "1 guest" : `${n} guests`;
}

const icsStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
/** Commas, semicolons and backslashes are special in iCalendar text; newlines become \n. */
const icsText = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");

/** An "add to calendar" file (RFC 5545) for a booking: times in UTC, so every calendar places it right. */
export function bookingIcs(b: {
  id: string;
  startsAt: string;
  durationMinutes: number;
  restaurant: string;
  address: string | null;
  party: string;
  now?: Date;
}): string {
  const start = new Date(b.startsAt);
  const end = new Date(start.getTime() + b.durationMinutes * 60_000);
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//ServiceBell//Table booking//EN",
    "BEGIN:VEVENT",
    `UID:${b.id}@servicebell`,
    `DTSTAMP:${icsStamp(b.now ?? new Date())}`,
    `DTSTART:${icsStamp(start)}`,
    `DTEND:${icsStamp(end)}`,
    `SUMMARY:${icsText(`Table at ${b.restaurant} (${b.party})`)}`,
    ...(b.address ? [`LOCATION:${icsText(b.address)}`] : []),
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}

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

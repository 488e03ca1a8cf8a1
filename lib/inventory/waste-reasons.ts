// Browser-safe list (the waste form shows it; log-waste.ts validates against it).
export const WASTE_REASONS = [
  "SPOILED",
  "EXPIRED",
  "DROPPED",
  "OVERPRODUCTION",
  "RETURNED",
  "STAFF_MEAL",
  "OTHER",
] as const;

/** A small phone outline: guest ordering by QR (ADR 0034), on tiles and the order pad's header. */
export function PhoneIcon({ className = "h-3 w-3" }: { className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className={className} fill="none" stroke="currentColor" strokeWidth="1.8">
      <rect x="4" y="1.5" width="8" height="13" rx="1.5" />
      <path d="M7 12h2" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The small phone on a table tile (floor view, host stand): the party also orders from their
 * phones (an active guest session). Decorative: the tile's label says it in words.
 */
export function GuestPhoneBadge() {
  return (
    <span
      aria-hidden
      data-testid="tile-guest-badge"
      title="Guests order by phone"
      className="absolute right-1 top-1 flex h-5 w-5 items-center justify-center rounded-full bg-violet-700 text-white"
    >
      <PhoneIcon />
    </span>
  );
}

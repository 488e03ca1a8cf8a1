import type { SnapshotView } from "./snapshot-view";

/** Recently bumped tickets, one tap to bring each back. */
export function RecallStrip({
  recent,
  busy,
  onRecall,
}: {
  recent: SnapshotView["recentlyBumped"];
  busy: boolean;
  onRecall: (key: string) => void;
}) {
  return (
    <section
      aria-label="Recently bumped"
      className="flex flex-wrap items-center gap-2 border-b border-gray-800 bg-gray-900 px-4 py-2"
    >
      <span className="text-lg font-bold text-gray-300">Recall:</span>
      {recent.length === 0 && <span className="text-gray-300">nothing bumped recently</span>}
      {recent.map((r) => (
        <button
          key={r.key}
          type="button"
          disabled={busy}
          onClick={() => onRecall(r.key)}
          className="min-h-12 rounded-lg bg-gray-700 px-4 text-lg font-bold"
        >
          {r.tableLabel ? `T${r.tableLabel}` : "Counter"} #{r.orderNumber}
        </button>
      ))}
    </section>
  );
}

/** "← N earlier · Tickets a–b of n · N more →": the board pages instead of scrolling. */
export function BoardPager({
  count,
  offset,
  shownTo,
  more,
  onEarlier,
  onMore,
}: {
  count: number;
  offset: number;
  shownTo: number;
  more: number;
  onEarlier: () => void;
  onMore: () => void;
}) {
  return (
    <nav
      aria-label="Ticket pages"
      className="flex min-h-12 shrink-0 items-center justify-between gap-3"
      data-testid="board-pages"
    >
      <button
        type="button"
        onClick={onEarlier}
        disabled={offset === 0}
        className="min-h-12 rounded-lg bg-gray-800 px-5 text-xl font-black disabled:invisible"
        data-testid="page-earlier"
      >
        ← {offset} earlier
      </button>
      <span className="text-lg font-semibold text-gray-300" data-testid="page-range">
        {count === 0 ? "" : `Tickets ${Math.min(count, offset + 1)}–${shownTo} of ${count}`}
      </span>
      <button
        type="button"
        onClick={onMore}
        disabled={more === 0}
        className="min-h-12 rounded-lg bg-amber-400 px-5 text-xl font-black text-black disabled:invisible"
        data-testid="page-more"
      >
        {more} more →
      </button>
    </nav>
  );
}

/** How many of each dish are on the line right now. */
export function AllDayPanel({ allDay }: { allDay: SnapshotView["allDay"] }) {
  return (
    <aside
      aria-label="All day"
      className="w-64 shrink-0 overflow-hidden rounded-2xl border-2 border-gray-800 p-3"
      data-testid="all-day"
    >
      <h2 className="mb-2 text-2xl font-black">All day</h2>
      {allDay.length === 0 ? (
        <p className="text-lg text-gray-300">—</p>
      ) : (
        <ul className="space-y-1">
          {allDay.map((a) => (
            <li key={a.name} className="flex justify-between gap-2 text-xl">
              <span className="truncate">{a.name}</span>
              <span className="font-black tabular-nums">{a.quantity}</span>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

// The guest cart's pending edits (ADR 0034): every tap becomes an edit in a queue; the phone
// shows the server's cart with the queue applied, PUTs that result with the version it was based
// on, and on a 409 (another phone changed the cart first) applies the same edits to the fresh cart
// and tries again. Pure functions: no tap is lost, another phone's line is never overwritten,
// and an add the server already took is never added twice.

export type CartLine = {
  id: string;
  menuItemId: string;
  name: string;
  quantity: number;
  modifierIds: string[];
  modifierNames: string[];
  notes: string;
  unitPriceCents: number;
  lineTotalCents: number;
  memberId: string;
  memberNickname: string;
  mine: boolean;
};

export type Cart = {
  version: number;
  mode: "FAMILY" | "INDIVIDUAL";
  items: CartLine[];
  subtotalCents: number;
  removed: { name: string; reason: string }[];
};

/** What a new line needs to be drawn before the server prices it. */
export type NewLine = {
  menuItemId: string;
  name: string;
  quantity: number;
  modifierIds: string[];
  modifierNames: string[];
  notes: string;
  unitPriceCents: number;
};

export type CartEdit =
  | { kind: "add"; editId: string; line: NewLine }
  | { kind: "setQuantity"; editId: string; lineId: string; quantity: number }
  | { kind: "remove"; editId: string; lineId: string };

export type PutItem = { id?: string; menuItemId: string; quantity: number; modifierIds: string[]; notes: string };

/** The server's limit per line (lib/guest/schemas.ts). */
export const MAX_QUANTITY = 20;

/** The id a line has on this phone while its add is pending (the server has not named it yet). */
export const pendingLineId = (editId: string) => `pending:${editId}`;
const isPending = (lineId: string) => lineId.startsWith("pending:");

const clampQuantity = (q: number) => Math.max(0, Math.min(MAX_QUANTITY, Math.round(q)));

function applyEdit(lines: CartLine[], edit: CartEdit, me: { id: string; nickname: string }): CartLine[] {
  switch (edit.kind) {
    case "add": {
      const quantity = clampQuantity(edit.line.quantity);
      if (quantity === 0) return lines;
      return [
        ...lines,
        {
          ...edit.line,
          id: pendingLineId(edit.editId),
          quantity,
          lineTotalCents: edit.line.unitPriceCents * quantity,
          memberId: me.id,
          memberNickname: me.nickname,
          mine: true,
        },
      ];
    }
    case "setQuantity": {
      const quantity = clampQuantity(edit.quantity);
      // A line that is gone (another phone removed it, it was sent) stays gone: nothing to set.
      if (quantity === 0) return lines.filter((l) => l.id !== edit.lineId);
      return lines.map((l) =>
        l.id === edit.lineId ? { ...l, quantity, lineTotalCents: l.unitPriceCents * quantity } : l,
      );
    }
    case "remove":
      return lines.filter((l) => l.id !== edit.lineId);
  }
}

/** The cart as this phone should show it: the server's cart with the pending edits applied. */
export function applyEdits(cart: Cart, edits: readonly CartEdit[], me: { id: string; nickname: string }): Cart {
  const items = edits.reduce((lines, e) => applyEdit(lines, e, me), cart.items);
  return { ...cart, items, subtotalCents: items.reduce((s, l) => s + l.lineTotalCents, 0) };
}

/** The body of the PUT: every line of the resulting cart, lines the server knows by their id. */
export function putItems(cart: Cart, edits: readonly CartEdit[], me: { id: string; nickname: string }): PutItem[] {
  return applyEdits(cart, edits, me).items.map((l) => ({
    ...(isPending(l.id) ? {} : { id: l.id }),
    menuItemId: l.menuItemId,
    quantity: l.quantity,
    modifierIds: l.modifierIds,
    notes: l.notes,
  }));
}

/**
 * Queue a tap. Edits to a line that is still a pending add fold into that add (its quantity, or
 * dropping it) unless that add is already on its way to the server (`sentIds`): then the edit
 * waits and is pointed at the server's line once the answer names it (see `settle`).
 */
export function enqueue(
  queue: readonly CartEdit[],
  edit: CartEdit,
  sentIds: ReadonlySet<string> = new Set(),
): CartEdit[] {
  if (edit.kind === "add") return [...queue, edit];
  const addIndex = queue.findIndex((e) => e.kind === "add" && pendingLineId(e.editId) === edit.lineId);
  if (addIndex < 0 || sentIds.has(queue[addIndex].editId)) return [...queue, edit];
  const add = queue[addIndex] as Extract<CartEdit, { kind: "add" }>;
  const quantity = edit.kind === "remove" ? 0 : clampQuantity(edit.quantity);
  if (quantity === 0) return queue.filter((_, i) => i !== addIndex);
  return queue.map((e, i) => (i === addIndex ? { ...add, line: { ...add.line, quantity } } : e));
}

const sameDish = (a: { menuItemId: string; modifierIds: string[]; notes: string }, b: NewLine) =>
  a.menuItemId === b.menuItemId &&
  a.notes === b.notes &&
  a.modifierIds.length === b.modifierIds.length &&
  [...a.modifierIds].sort().every((m, i) => m === [...b.modifierIds].sort()[i]);

/**
 * Which server lines the given adds became: for each add (in order), the first line of mine in
 * `after` that was not in `before` and is the same dish (item, modifiers, notes). Lines are
 * claimed once, so two adds of the same dish find two lines.
 */
export function matchAdds(
  before: Cart,
  after: Cart,
  adds: readonly Extract<CartEdit, { kind: "add" }>[],
): Map<string, string> {
  const known = new Set(before.items.map((l) => l.id));
  const claimed = new Set<string>();
  const found = new Map<string, string>();
  for (const add of adds) {
    const line = after.items.find((l) => l.mine && !known.has(l.id) && !claimed.has(l.id) && sameDish(l, add.line));
    if (!line) continue;
    claimed.add(line.id);
    found.set(add.editId, line.id);
  }
  return found;
}

/** Point edits that wait on a pending add at the line the server made of it. */
function repoint(edits: readonly CartEdit[], named: ReadonlyMap<string, string>): CartEdit[] {
  return edits.map((e) => {
    if (e.kind === "add" || !isPending(e.lineId)) return e;
    const id = named.get(e.lineId.slice("pending:".length));
    return id ? { ...e, lineId: id } : e;
  });
}

/**
 * The server took the PUT of `sent` (based on `before`) and answered `after`: those edits are
 * done; the edits queued meanwhile stay, pointed at the lines the server made of sent adds.
 */
export function settle(before: Cart, after: Cart, queue: readonly CartEdit[], sent: ReadonlySet<string>): CartEdit[] {
  const adds = queue.filter((e): e is Extract<CartEdit, { kind: "add" }> => e.kind === "add" && sent.has(e.editId));
  return repoint(
    queue.filter((e) => !sent.has(e.editId)),
    matchAdds(before, after, adds),
  );
}

/**
 * A fresh cart arrived while edits were pending: a 409 (`applied: false`, the server took
 * nothing) or a failed request whose fate is unknown (`applied: "unknown"`, a lost answer). Every
 * edit is kept to re-apply on the fresh cart, except adds the fresh cart already holds after an
 * unknown outcome (never add twice). Edits on lines gone from the fresh cart drop out when applied.
 */
export function rebase(
  before: Cart,
  fresh: Cart,
  queue: readonly CartEdit[],
  sent: ReadonlySet<string>,
  applied: false | "unknown",
): CartEdit[] {
  if (applied === false) return [...queue];
  return settle(
    before,
    fresh,
    queue,
    new Set(
      matchAdds(
        before,
        fresh,
        queue.filter((e): e is Extract<CartEdit, { kind: "add" }> => e.kind === "add" && sent.has(e.editId)),
      ).keys(),
    ),
  );
}

/**
 * The server refused a PUT because of some lines (`items.<index>.<field>` errors: a dish 86'd
 * meanwhile, a rule broken): the pending adds that made those lines. Lines already in the server's
 * cart need no edit: its next read drops them with a notice.
 */
export function refusedAdds(
  cart: Cart,
  edits: readonly CartEdit[],
  me: { id: string; nickname: string },
  fieldErrors: Record<string, string[]>,
): Set<string> {
  const items = applyEdits(cart, edits, me).items;
  const refused = new Set<string>();
  for (const key of Object.keys(fieldErrors)) {
    const index = /^items\.(\d+)\./.exec(key)?.[1];
    const id = index === undefined ? undefined : items[Number(index)]?.id;
    if (id && isPending(id)) refused.add(id.slice("pending:".length));
  }
  return refused;
}

/**
 * This phone's taps not yet saved, as kept in sessionStorage: the cart they were built on, the
 * queue, and which of them were on their way (their fate unknown if the page went away).
 */
export type SavedTaps = { base: Cart; queue: CartEdit[]; sent: string[] };

const isEdit = (e: unknown): e is CartEdit => {
  const x = e as Partial<CartEdit> | null;
  if (!x || typeof x.editId !== "string") return false;
  if (x.kind === "add") return typeof x.line === "object" && x.line !== null && typeof x.line.menuItemId === "string";
  if (x.kind === "setQuantity") return typeof x.lineId === "string" && typeof x.quantity === "number";
  return x.kind === "remove" && typeof x.lineId === "string";
};

/** What sessionStorage held, or null when it held nothing usable (absent, damaged, another shape). */
export function savedTapsOf(raw: string | null): SavedTaps | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<SavedTaps>;
    if (!v.base || !Array.isArray(v.base.items) || !Array.isArray(v.queue) || !Array.isArray(v.sent)) return null;
    if (!v.queue.every(isEdit) || !v.sent.every((s) => typeof s === "string")) return null;
    return { base: v.base, queue: v.queue, sent: v.sent };
  } catch {
    return null;
  }
}

/**
 * The taps to re-apply after a reload, on the cart as the server has it now: a tap that was on its
 * way counts as a lost answer (kept unless the server already took that add), the rest as queued.
 */
export function restoreTaps(saved: SavedTaps, fresh: Cart): CartEdit[] {
  return rebase(saved.base, fresh, saved.queue, new Set(saved.sent), "unknown");
}

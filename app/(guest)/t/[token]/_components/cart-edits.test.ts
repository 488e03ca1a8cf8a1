import { describe, expect, it } from "vitest";
import {
  applyEdits,
  enqueue,
  matchAdds,
  pendingLineId,
  putItems,
  rebase,
  refusedAdds,
  restoreTaps,
  savedTapsOf,
  settle,
  type Cart,
  type CartEdit,
  type CartLine,
  type NewLine,
} from "./cart-edits";

const dana = { id: "m-dana", nickname: "Dana" };

function line(id: string, over: Partial<CartLine> = {}): CartLine {
  return {
    id,
    menuItemId: "burger",
    name: "Burger",
    quantity: 1,
    modifierIds: [],
    modifierNames: [],
    notes: "",
    unitPriceCents: 1200,
    lineTotalCents: 1200,
    memberId: dana.id,
    memberNickname: "Dana",
    mine: true,
    ...over,
  };
}

function cart(version: number, items: CartLine[]): Cart {
  return {
    version,
    mode: "FAMILY",
    items,
    subtotalCents: items.reduce((s, l) => s + l.lineTotalCents, 0),
    removed: [],
  };
}

const dish = (menuItemId: string, over: Partial<NewLine> = {}): NewLine => ({
  menuItemId,
  name: menuItemId,
  quantity: 1,
  modifierIds: [],
  modifierNames: [],
  notes: "",
  unitPriceCents: 500,
  ...over,
});
const add = (editId: string, menuItemId: string, over: Partial<NewLine> = {}): CartEdit => ({
  kind: "add",
  editId,
  line: dish(menuItemId, over),
});

describe("applying edits", () => {
  it("shows pending adds as my lines and recomputes the subtotal", () => {
    const shown = applyEdits(cart(1, [line("a")]), [add("e1", "fries", { quantity: 2 })], dana);
    expect(shown.items.map((l) => [l.id, l.quantity, l.mine, l.memberNickname])).toEqual([
      ["a", 1, true, "Dana"],
      [pendingLineId("e1"), 2, true, "Dana"],
    ]);
    expect(shown.subtotalCents).toBe(1200 + 1000);
  });

  it("sets quantities, removes lines, and treats quantity 0 as a removal", () => {
    const base = cart(1, [line("a"), line("b", { menuItemId: "soup" })]);
    const shown = applyEdits(
      base,
      [
        { kind: "setQuantity", editId: "e1", lineId: "a", quantity: 3 },
        { kind: "setQuantity", editId: "e2", lineId: "b", quantity: 0 },
      ],
      dana,
    );
    expect(shown.items.map((l) => [l.id, l.quantity, l.lineTotalCents])).toEqual([["a", 3, 3600]]);
  });

  it("PUTs every line of the result, known lines by id and new ones without", () => {
    const other = line("x", { memberId: "m-sam", memberNickname: "Sam", mine: false, menuItemId: "salad" });
    const items = putItems(cart(4, [other, line("a")]), [add("e1", "fries")], dana);
    expect(items).toEqual([
      { id: "x", menuItemId: "salad", quantity: 1, modifierIds: [], notes: "" },
      { id: "a", menuItemId: "burger", quantity: 1, modifierIds: [], notes: "" },
      { menuItemId: "fries", quantity: 1, modifierIds: [], notes: "" },
    ]);
  });
});

describe("queueing taps", () => {
  it("folds edits to a pending add into it, or drops it on remove", () => {
    let q = enqueue([], add("e1", "fries"));
    q = enqueue(q, { kind: "setQuantity", editId: "e2", lineId: pendingLineId("e1"), quantity: 3 });
    expect(q).toEqual([add("e1", "fries", { quantity: 3 })]);
    q = enqueue(q, { kind: "remove", editId: "e3", lineId: pendingLineId("e1") });
    expect(q).toEqual([]);
  });

  it("does not touch an add that is already on its way: the edit waits for the server's line", () => {
    const q = enqueue(
      [add("e1", "fries")],
      { kind: "setQuantity", editId: "e2", lineId: pendingLineId("e1"), quantity: 2 },
      new Set(["e1"]),
    );
    expect(q).toHaveLength(2);
    const after = settle(cart(1, []), cart(2, [line("s1", { menuItemId: "fries" })]), q, new Set(["e1"]));
    expect(after).toEqual([{ kind: "setQuantity", editId: "e2", lineId: "s1", quantity: 2 }]);
  });
});

describe("settling a successful PUT", () => {
  it("drops the sent edits and keeps the ones tapped meanwhile", () => {
    const q: CartEdit[] = [add("e1", "fries"), add("e2", "soup")];
    const after = settle(cart(1, []), cart(2, [line("s1", { menuItemId: "fries" })]), q, new Set(["e1"]));
    expect(after).toEqual([add("e2", "soup")]);
  });
});

describe("rebasing on a conflict (409: another phone changed the cart first)", () => {
  const before = cart(3, [line("a")]);
  // Sam (another phone) added a salad and raised Dana's burger to 2 meanwhile.
  const fresh = cart(4, [
    line("a", { quantity: 2, lineTotalCents: 2400 }),
    line("x", { memberId: "m-sam", memberNickname: "Sam", mine: false, menuItemId: "salad" }),
  ]);

  it("re-applies every tap on the fresh cart and keeps the other phone's lines", () => {
    const q: CartEdit[] = [add("e1", "fries"), add("e2", "fries"), { kind: "remove", editId: "e3", lineId: "a" }];
    const kept = rebase(before, fresh, q, new Set(["e1", "e2", "e3"]), false);
    expect(kept).toEqual(q);
    const items = putItems(fresh, kept, dana);
    expect(items).toEqual([
      { id: "x", menuItemId: "salad", quantity: 1, modifierIds: [], notes: "" },
      { menuItemId: "fries", quantity: 1, modifierIds: [], notes: "" },
      { menuItemId: "fries", quantity: 1, modifierIds: [], notes: "" },
    ]);
  });

  it("drops an edit whose line another phone removed (no resurrection)", () => {
    const gone = cart(5, [line("x", { mine: false, memberId: "m-sam", menuItemId: "salad" })]);
    const kept = rebase(
      before,
      gone,
      [{ kind: "setQuantity", editId: "e1", lineId: "a", quantity: 5 }],
      new Set(),
      false,
    );
    expect(putItems(gone, kept, dana)).toEqual([
      { id: "x", menuItemId: "salad", quantity: 1, modifierIds: [], notes: "" },
    ]);
  });

  it("after a lost answer, does not add twice what the server already took", () => {
    const took = cart(4, [line("a"), line("s9", { menuItemId: "fries", unitPriceCents: 500, lineTotalCents: 500 })]);
    const q: CartEdit[] = [add("e1", "fries"), add("e2", "soup")];
    const kept = rebase(before, took, q, new Set(["e1"]), "unknown");
    expect(kept).toEqual([add("e2", "soup")]);
    expect(putItems(took, kept, dana).map((i) => i.menuItemId)).toEqual(["burger", "fries", "soup"]);
  });

  it("after a lost answer the server never got, keeps the add", () => {
    const q: CartEdit[] = [add("e1", "fries")];
    expect(rebase(before, cart(3, [line("a")]), q, new Set(["e1"]), "unknown")).toEqual(q);
  });
});

describe("matching adds to the server's lines", () => {
  it("claims each new line once, by dish, modifiers and notes, and only my lines", () => {
    const before = cart(1, [line("old", { menuItemId: "fries" })]);
    const after = cart(2, [
      line("old", { menuItemId: "fries" }),
      line("sam", { menuItemId: "fries", mine: false }),
      line("n1", { menuItemId: "fries", modifierIds: ["m2", "m1"] }),
      line("n2", { menuItemId: "fries" }),
    ]);
    const adds = [add("e1", "fries"), add("e2", "fries", { modifierIds: ["m1", "m2"] }), add("e3", "fries")];
    const found = matchAdds(before, after, adds as Extract<CartEdit, { kind: "add" }>[]);
    expect([...found]).toEqual([
      ["e1", "n2"],
      ["e2", "n1"],
    ]);
  });
});

describe("a refused PUT", () => {
  it("names the pending adds whose lines the server refused, not the lines it already has", () => {
    const base = cart(2, [line("a")]);
    const q: CartEdit[] = [add("e1", "fries"), add("e2", "salmon")];
    const refused = refusedAdds(base, q, dana, {
      "items.2.menuItemId": ["Salmon is sold out"],
      "items.0.modifierIds": ["Choose a side"],
    });
    expect([...refused]).toEqual(["e2"]);
  });
});

describe("taps kept across a reload", () => {
  const base = cart(3, [line("l1")]);
  const saved = (queue: CartEdit[], sent: string[]) => JSON.stringify({ base, queue, sent });

  it("reads back what was saved, and nothing from damaged or foreign values", () => {
    const q = [add("e1", "soup"), { kind: "setQuantity" as const, editId: "e2", lineId: "l1", quantity: 3 }];
    expect(savedTapsOf(saved(q, ["e1"]))).toEqual({ base, queue: q, sent: ["e1"] });
    expect(savedTapsOf(null)).toBeNull();
    expect(savedTapsOf("{not json")).toBeNull();
    expect(savedTapsOf(JSON.stringify({ base, queue: [{ kind: "explode", editId: "x" }], sent: [] }))).toBeNull();
    expect(savedTapsOf(JSON.stringify({ queue: [], sent: [] }))).toBeNull();
  });

  it("re-applies a tap whose save never reached the server, and a tap still queued", () => {
    const q = [add("e1", "soup"), add("e2", "tea")];
    const fresh = cart(3, [line("l1")]);
    const taps = restoreTaps(savedTapsOf(saved(q, ["e1"]))!, fresh);
    expect(taps.map((t) => t.editId)).toEqual(["e1", "e2"]);
    expect(applyEdits(fresh, taps, dana).items.map((l) => l.menuItemId)).toEqual(["burger", "soup", "tea"]);
  });

  it("never adds twice a tap the server took before the page went away", () => {
    const q = [add("e1", "soup"), add("e2", "tea")];
    const fresh = cart(4, [line("l1"), line("l2", { menuItemId: "soup", name: "soup" })]);
    const taps = restoreTaps(savedTapsOf(saved(q, ["e1"]))!, fresh);
    expect(taps.map((t) => t.editId)).toEqual(["e2"]);
    expect(applyEdits(fresh, taps, dana).items.map((l) => l.menuItemId)).toEqual(["burger", "soup", "tea"]);
  });
});

"use client";

import { useState } from "react";
import { moveBy, removeAt, updateAt } from "./line-rows";

// Keys only tell React which row is which, so a counter for the whole page is enough (unlike
// Date.now(), two rows added in the same millisecond still get different keys).
let lastKey = 0;
type Keyed<T> = T & { key: string };
const withKey = <T extends object>(row: T): Keyed<T> => ({ ...row, key: `line-${++lastKey}` });

/** The rows of a line editor, each with a stable React key: add, update, remove, move, reset. */
export function useLineRows<T extends object>(initial: T[]) {
  const [rows, setRows] = useState(() => initial.map(withKey));
  return {
    rows,
    add: (...added: T[]) => {
      const keyed = added.map(withKey);
      setRows((rs) => [...rs, ...keyed]);
    },
    update: (i: number, patch: Partial<T>) => setRows((rs) => updateAt(rs, i, patch)),
    remove: (i: number) => setRows((rs) => removeAt(rs, i)),
    move: (i: number, step: -1 | 1) => setRows((rs) => moveBy(rs, i, step)),
    reset: (next: T[]) => setRows(next.map(withKey)),
  };
}

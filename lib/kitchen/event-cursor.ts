// Gap detection for the per-location event sequence (pure; the display's hook drives it).
// Seqs are gapless and commit-ordered in the database, but publishes can arrive out of order
// or not at all; the cursor says when the display must replay from the server.

export type CursorStep =
  | { kind: "duplicate" } // already seen (or covered by a snapshot): ignore
  | { kind: "next" } // exactly the one after: apply
  | { kind: "gap"; missingFrom: number; missingTo: number }; // something was missed: replay

export function stepCursor(lastSeq: number, incoming: number): CursorStep {
  if (incoming <= lastSeq) return { kind: "duplicate" };
  if (incoming === lastSeq + 1) return { kind: "next" };
  return { kind: "gap", missingFrom: lastSeq + 1, missingTo: incoming - 1 };
}

/**
 * Fold a replayed batch (sorted or not) onto the cursor. Returns the new cursor and whether the
 * batch itself is contiguous; a non-contiguous replay means the server truncated it and the
 * caller should take a full snapshot.
 */
export function foldReplay(lastSeq: number, seqs: readonly number[]): { lastSeq: number; contiguous: boolean } {
  const fresh = [...new Set(seqs.filter((s) => s > lastSeq))].sort((a, b) => a - b);
  let cursor = lastSeq;
  for (const s of fresh) {
    if (s !== cursor + 1) return { lastSeq: Math.max(cursor, fresh[fresh.length - 1]), contiguous: false };
    cursor = s;
  }
  return { lastSeq: cursor, contiguous: true };
}

"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/http/action";
import type { SnapshotView } from "./snapshot-view";

type Write = {
  /** Which button waits on it ("bump:<ticket>", "recall"). */
  key: string;
  run: () => Promise<ActionResult<unknown>>;
  /** The board as it was before the optimistic edit, to put back if the server says no. */
  before: SnapshotView | undefined;
};

const OFFLINE = "Couldn't reach the server — nothing was changed. Try again.";

/**
 * A station's writes (bump, ready, recall) as TanStack mutations in one scope, so they run one
 * after another: R pressed right after Enter recalls the ticket just bumped instead of overtaking
 * that bump. The optimistic edit shows at once; a refusal or a lost connection puts the board back.
 */
export function useBoardWrites(queryKey: QueryKey, scope: string, afterEach: () => void) {
  const qc = useQueryClient();
  const mutation = useMutation({
    scope: { id: `kitchen-writes:${scope}` },
    mutationFn: async (write: Write) => {
      let res: ActionResult<unknown>;
      try {
        res = await write.run();
      } catch {
        throw new Error(OFFLINE);
      }
      if (!res.ok) throw new Error(res.error);
      return res.data;
    },
    onError: (_error, write) => {
      if (write.before) qc.setQueryData(queryKey, write.before);
    },
    onSettled: afterEach,
  });

  function write(key: string, run: Write["run"], optimistic?: (s: SnapshotView) => SnapshotView) {
    mutation.reset();
    const before = qc.getQueryData<SnapshotView>(queryKey);
    if (optimistic && before) qc.setQueryData<SnapshotView>(queryKey, optimistic(before));
    return mutation.mutateAsync({ key, run, before }).catch(() => undefined);
  }

  return {
    write,
    pending: mutation.isPending ? mutation.variables.key : null,
    error: mutation.error?.message ?? null,
    clearError: mutation.reset,
  };
}

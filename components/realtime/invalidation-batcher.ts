import type { QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * Realtime hints → query invalidations, coalesced. A rush sends bursts (a server opens ten tables,
 * a party of twelve is fired): refetching on every event made each tablet send dozens of requests
 * for the same lists, which starved the requests people were waiting on. Hints within `delayMs` of
 * each other (at most `maxWaitMs` after the first) become one refetch per query.
 */
export function createInvalidationBatcher(qc: QueryClient, { delayMs = 150, maxWaitMs = 600 } = {}) {
  let keys = new Map<string, QueryKey>();
  let everything = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstAt = 0;

  function flush() {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = [...keys.values()];
    const all = everything;
    keys = new Map();
    everything = false;
    if (all) void qc.invalidateQueries();
    else for (const queryKey of batch) void qc.invalidateQueries({ queryKey });
  }

  return {
    /** Refetch the queries under `queryKey` soon; no key: every query. */
    invalidate(queryKey?: QueryKey) {
      if (queryKey) keys.set(JSON.stringify(queryKey), queryKey);
      else everything = true;
      const now = Date.now();
      if (!timer) firstAt = now;
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, Math.max(0, Math.min(delayMs, firstAt + maxWaitMs - now)));
    },
    /** Send what is pending now (e.g. on reconnect). */
    flush,
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

export type InvalidationBatcher = ReturnType<typeof createInvalidationBatcher>;

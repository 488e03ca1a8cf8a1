/**
 * Preloaded into a server a benchmark starts as a child process
 * (`node --expose-gc --import tsx --import scripts/bench/lib/memory-probe.ts <server>`), so the
 * benchmark can read that process's V8 heap without changing the server: on `{ type: "memory" }`
 * over the IPC channel it runs a full GC (when --expose-gc) and answers with process.memoryUsage().
 * RSS is read from /proc by the benchmark itself; this adds what only the process can tell.
 * Does nothing when the process has no IPC channel.
 */
const send = process.send?.bind(process);

if (send) {
  process.on("message", (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type !== "memory") return;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    send({ type: "memory", gc: gc !== undefined, usage: process.memoryUsage() });
  });
  // An orphaned server would hold its port: stop the way the server stops on Ctrl-C.
  process.on("disconnect", () => process.kill(process.pid, "SIGTERM"));
}

export {};

// Runs once per server process before it serves requests (Next's instrumentation hook).

export async function register() {
  // Background work needs Node (sockets, timers), not the Edge runtime middleware runs in.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startPrintWorker } = await import("./lib/printing/print-worker");
  startPrintWorker();
}

import "server-only";
import net from "node:net";

export const CONNECT_TIMEOUT_MS = 3_000;
export const WRITE_TIMEOUT_MS = 3_000;

/**
 * Send raw bytes to a network printer (ESC/POS "raw" port, 9100 by default) and close. Resolves
 * once the printer has taken every byte; rejects on refusal, an unknown host or a timeout
 * (3 s to connect, 3 s to drain), so a printer that is off never holds anything up for long.
 */
export function sendToPrinter(
  host: string,
  port: number,
  bytes: Uint8Array,
  timeouts = { connectMs: CONNECT_TIMEOUT_MS, writeMs: WRITE_TIMEOUT_MS },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host, port });
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        socket.destroy();
        reject(error);
      } else resolve();
    };
    let timer = setTimeout(
      () => finish(new Error(`No answer from ${host}:${port} within ${timeouts.connectMs / 1000} s`)),
      timeouts.connectMs,
    );
    socket.once("error", (e: NodeJS.ErrnoException) => finish(new Error(describe(e, host, port))));
    socket.once("connect", () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => finish(new Error(`${host}:${port} did not take the job within ${timeouts.writeMs / 1000} s`)),
        timeouts.writeMs,
      );
      // end() flushes then half-closes; "finish" fires once the kernel has every byte.
      socket.end(Buffer.from(bytes), () => {
        socket.destroy();
        finish();
      });
    });
  });
}

function describe(e: NodeJS.ErrnoException, host: string, port: number): string {
  switch (e.code) {
    case "ECONNREFUSED":
      return `${host}:${port} refused the connection (printer off, or another port)`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Unknown host ${host}`;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `${host} is unreachable`;
    case "ECONNRESET":
    case "EPIPE":
      return `${host}:${port} closed the connection`;
    default:
      return `${host}:${port}: ${e.message}`;
  }
}

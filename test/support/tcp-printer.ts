// A pretend network printer for tests: a real TCP listener that collects what each connection sent.
import net from "node:net";
import type { AddressInfo } from "node:net";
import { decodeEscPos, type DecodedReceipt } from "./escpos-decode";

export type TcpPrinter = {
  port: number;
  jobs: Buffer[];
  decoded: () => DecodedReceipt[];
  /** Resolves once `n` jobs have arrived (or rejects after `ms`). */
  waitFor: (n: number, ms?: number) => Promise<void>;
  close: () => Promise<void>;
};

export async function startTcpPrinter(host = "127.0.0.1"): Promise<TcpPrinter> {
  const jobs: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on("data", (c) => chunks.push(c));
    socket.on("end", () => {
      jobs.push(Buffer.concat(chunks));
      socket.end();
    });
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => sockets.delete(socket));
  });
  await new Promise<void>((r) => server.listen(0, host, r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    jobs,
    decoded: () => jobs.map((j) => decodeEscPos(j)),
    waitFor: async (n, ms = 5_000) => {
      const until = Date.now() + ms;
      while (jobs.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} print jobs, got ${jobs.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** A port nothing listens on (bound, then released): connecting is refused, like a printer that is off. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

// A pretend integration for tests: a real HTTP server on an ephemeral port that records every
// request (headers and the exact raw body) and answers as the test tells it to.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { headers: http.IncomingHttpHeaders; body: string; path: string };
/** What the next request gets: a status (default 200) after an optional delay. */
export type Reply = { status?: number; delayMs?: number; body?: string };

export type WebhookReceiver = {
  url: string;
  received: ReceivedWebhook[];
  /** Queue replies for the next requests; once used up, every request gets 200. */
  reply: (...replies: Reply[]) => void;
  waitFor: (n: number, ms?: number) => Promise<void>;
  reset: () => void;
  close: () => Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const queue: Reply[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), path: req.url ?? "/" });
      const r = queue.shift() ?? {};
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(r.status ?? 200, { "content-type": "text/plain" });
        res.end(r.body ?? "ok");
      };
      if (r.delayMs) setTimeout(answer, r.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    reply: (...replies) => queue.push(...replies),
    waitFor: async (n, ms = 5_000) => {
      const until = Date.now() + ms;
      while (received.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} webhooks, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    reset: () => {
      received.length = 0;
      queue.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

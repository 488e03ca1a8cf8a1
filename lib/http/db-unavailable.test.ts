import { createServer, type Server } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { AppError } from "../errors";
import { isDatabaseUnavailable } from "./db-unavailable";

// Real failures from the real client and driver, not hand-made look-alikes.
async function errorOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error("expected the query to fail");
    },
    (e: unknown) => e,
  );
}

function listen(onSocket: (socket: import("node:net").Socket) => void): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer(onSocket);
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

const clientAt = (port: number) =>
  new PrismaClient({
    adapter: new PrismaPg({ connectionString: `postgresql://u@127.0.0.1:${port}/db`, connectionTimeoutMillis: 300 }),
  });

describe("isDatabaseUnavailable", () => {
  let silent: { server: Server; port: number };
  let hangsUp: { server: Server; port: number };
  let closedPort: number;

  beforeAll(async () => {
    silent = await listen(() => {}); // accepts, never answers: a hung database
    hangsUp = await listen((socket) => socket.destroy()); // a database that dies mid-connection
    const gone = await listen(() => {});
    closedPort = gone.port;
    await new Promise((r) => gone.server.close(r));
  });
  afterAll(() => {
    silent.server.close();
    hangsUp.server.close();
  });

  it("recognises a refused connection (model query, raw query, transaction)", async () => {
    const db = clientAt(closedPort);
    expect(isDatabaseUnavailable(await errorOf(db.user.findFirst()))).toBe(true);
    expect(isDatabaseUnavailable(await errorOf(db.$queryRaw`SELECT 1`))).toBe(true);
    expect(isDatabaseUnavailable(await errorOf(db.$transaction(async (tx) => tx.user.count())))).toBe(true);
  });

  it("recognises a connection timeout", async () => {
    expect(isDatabaseUnavailable(await errorOf(clientAt(silent.port).user.findFirst()))).toBe(true);
  });

  it("recognises a query that outlived the client's query timeout", () => {
    // node-postgres' own error for `query_timeout` (lib/db.ts sets one), passed through unmapped.
    expect(isDatabaseUnavailable(new Error("Query read timeout"))).toBe(true);
  });

  it("recognises a connection closed by the server", async () => {
    expect(isDatabaseUnavailable(await errorOf(clientAt(hangsUp.port).user.findFirst()))).toBe(true);
  });

  it("recognises server shutdown and overload SQLSTATEs reported by the adapter", () => {
    for (const originalCode of ["57P01", "57P03", "53300", "08006", "57014"]) {
      const e = Object.assign(new Error("x"), {
        code: "P2010",
        meta: { driverAdapterError: { cause: { kind: "postgres", originalCode } } },
      });
      expect(isDatabaseUnavailable(e), originalCode).toBe(true);
    }
  });

  it("follows the cause chain", () => {
    expect(
      isDatabaseUnavailable(new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }) })),
    ).toBe(true);
  });

  it("leaves bugs and domain errors alone", () => {
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(new AppError("CONFLICT", "Already sent"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    const tooLong = Object.assign(new Error("x"), {
      code: "P2000",
      meta: { driverAdapterError: { cause: { kind: "LengthMismatch", originalCode: "22001" } } },
    });
    expect(isDatabaseUnavailable(tooLong)).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});

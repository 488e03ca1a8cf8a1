// One fresh, migrated database per integration run, dropped afterwards.
// TEST_DATABASE_URL or DATABASE_URL (any database on the server) is used as the admin
// connection; without either, the embedded PostgreSQL starts (the fresh-machine path).
import { rm } from "node:fs/promises";
import { connect, createServer } from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createScratchDatabase, migrateDatabase, REPO_ROOT } from "../../scripts/db/database-url";
import {
  EmbeddedPostgresInUseError,
  EmbeddedPostgresPortInUseError,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from "../../scripts/db/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string | null;
  }
}

const EMBEDDED_TEST_PORT = 54330;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  let server: EmbeddedPostgres | null = null;
  let privateDir: string | null = null;
  let adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!adminUrl) {
    try {
      server = await startEmbeddedPostgres({
        dataDir: path.join(REPO_ROOT, ".data", "test-postgres"),
        port: Number(process.env.EMBEDDED_TEST_PG_PORT) || EMBEDDED_TEST_PORT,
        database: "postgres",
      });
    } catch (error) {
      if (!(error instanceof EmbeddedPostgresInUseError || error instanceof EmbeddedPostgresPortInUseError))
        throw error;
      // Another run holds the shared cluster (or its port): use a throwaway one (initdb ≈ 1 s).
      privateDir = path.join(REPO_ROOT, ".data", `test-postgres-${process.pid}`);
      server = await startEmbeddedPostgres({ dataDir: privateDir, port: await freePort(), database: "postgres" });
    }
    adminUrl = server.url;
  }

  const scratch = await createScratchDatabase(adminUrl, "kp_test");
  try {
    await migrateDatabase(scratch.url);
  } catch (error) {
    await scratch.drop().catch(() => {});
    await server?.stop();
    throw error;
  }

  const redisUrl = process.env.REDIS_URL || ((await redisAnswers("127.0.0.1", 6379)) ? "redis://127.0.0.1:6379" : null);
  project.provide("databaseUrl", scratch.url);
  project.provide("redisUrl", redisUrl);

  const where = server ? `embedded PostgreSQL :${server.port}` : new URL(adminUrl).host;
  console.log(
    `[integration] database ${scratch.name} on ${where} ready in ${Date.now() - started} ms; rate limits: ${redisUrl ? "Redis" : "in memory"}`,
  );

  return async () => {
    await scratch.drop();
    await server?.stop();
    if (privateDir) await rm(privateDir, { recursive: true, force: true });
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** PING with a short timeout: tests must not hang on a machine without Redis. */
function redisAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => finish(false));
    socket.once("error", () => finish(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => finish(data.toString().startsWith("+PONG")));
  });
}

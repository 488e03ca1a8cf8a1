// The realtime server as a process of its own (as in production), for benchmarks that must not
// share its event loop with their load generator.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import path from "node:path";
import { REPO_ROOT } from "../../db/database-url";

export type BenchPusherApp = { id: string; key: string; secret: string };

export async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, "127.0.0.1");
  await once(srv, "listening");
  const port = (srv.address() as { port: number }).port;
  srv.close();
  return port;
}

/** `scripts/realtime-server.ts` on 127.0.0.1:`port` for `app`; resolves once it answers HTTP. */
export async function startRealtimeProcess(
  port: number,
  app: BenchPusherApp,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "scripts", "realtime-server.ts")], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      REALTIME_PORT: String(port),
      PUSHER_APP_ID: app.id,
      PUSHER_KEY: app.key,
      PUSHER_SECRET: app.secret,
      REALTIME_LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("realtime server did not start");
}

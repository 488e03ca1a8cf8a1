// HTTP helpers of the benchmarks that drive `next start` as tablets do: sign-in through
// next-auth's form, cookie jars, a small concurrency pool, ports and process memory.
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

export function cookiesOf(res: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return jar;
}

/** The real sign-in: next-auth's CSRF token, then its credentials callback (as the login form posts it). */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/floor`, json: "true" }),
  });
  const session = [...cookiesOf(res)].find(([k, v]) => k.endsWith("next-auth.session-token") && v);
  if (!session) throw new Error(`sign-in of ${email} failed: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  return `${session[0]}=${session[1]}`;
}

/** Runs `fn` over `items`, at most `limit` at a time. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Resident set of a process in MB, from /proc (Linux); NaN elsewhere or once it exited. */
export function rssMb(pid: number | undefined): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux; NaN elsewhere).
 * The difference over a run, divided by its requests, is the app's CPU cost per request: a figure
 * that holds on a machine shared with other work, where latencies do not.
 */
export function cpuSeconds(pid: number | undefined): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
/** Linux's USER_HZ (`getconf CLK_TCK`), 100 on every mainstream kernel. */
const CLOCK_TICKS = 100;

export async function portIsFree(port: number): Promise<boolean> {
  const srv = createServer();
  return new Promise((resolve) => {
    srv.once("error", () => resolve(false));
    srv.listen(port, () => srv.close(() => resolve(true)));
  });
}

/** Keeps a child process's last output lines, to show when something fails. */
export class Tail {
  private lines: string[] = [];
  errorLines = 0;
  push(chunk: Buffer) {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      if (/"level":"error"/.test(line)) this.errorLines++;
      this.lines.push(line);
      if (this.lines.length > 60) this.lines.shift();
    }
  }
  text() {
    return this.lines.join("\n");
  }
}

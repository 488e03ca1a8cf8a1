// @ts-check
/**
 * `npm audit` for CI: fails on high or critical advisories of production dependencies that are
 * not in .ci/audit-allowlist.json (each entry with a reason and an expiry date). A registry that
 * cannot be reached, or that does not serve the audit endpoint, is a clear skip (exit 0), so a
 * network hiccup never turns CI red; pass --strict to make it fail instead.
 *
 *   node scripts/audit-deps.mjs [--strict] [--allowlist FILE] [--report FILE]
 *   --report FILE   evaluate a saved `npm audit --json` report instead of running npm
 * Env: AUDIT_TIMEOUT_MS (60000).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BLOCKING = new Set(["high", "critical"]);

/**
 * @typedef {{ id: string, package: string, reason: string, expires: string }} AllowEntry
 * @typedef {{ id: string, package: string, severity: string, title: string, url: string }} Advisory
 */

/**
 * The allow-list, checked: every entry names an advisory (GHSA id or npm advisory number), a
 * package, a reason and an expiry date (YYYY-MM-DD). A malformed list is an error, not a skip.
 * @param {unknown} raw
 * @returns {AllowEntry[]}
 */
export function parseAllowlist(raw) {
  const entries = raw && typeof raw === "object" && "advisories" in raw ? raw.advisories : undefined;
  if (!Array.isArray(entries)) throw new Error('allow-list must be {"advisories": [...]}');
  return entries.map((e, i) => {
    const where = `allow-list entry ${i}`;
    if (!e || typeof e !== "object") throw new Error(`${where} is not an object`);
    for (const key of ["id", "package", "reason", "expires"])
      if (typeof e[key] !== "string" || !e[key].trim()) throw new Error(`${where}: "${key}" is required`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(e.expires) || Number.isNaN(Date.parse(`${e.expires}T00:00:00Z`)))
      throw new Error(`${where}: "expires" must be a date YYYY-MM-DD`);
    return { id: String(e.id), package: e.package, reason: e.reason, expires: e.expires };
  });
}

/**
 * Advisories of an `npm audit --json` report (v2), one per advisory and package.
 * @param {any} report
 * @returns {Advisory[]}
 */
export function advisoriesOf(report) {
  /** @type {Map<string, Advisory>} */
  const found = new Map();
  for (const vuln of Object.values(report?.vulnerabilities ?? {})) {
    for (const via of /** @type {any} */ (vuln).via ?? []) {
      // A string `via` points at another vulnerable package, reported under its own name.
      if (!via || typeof via !== "object") continue;
      const ghsa = /GHSA-[\w-]+/i.exec(String(via.url ?? ""))?.[0];
      const id = ghsa ?? String(via.source);
      const pkg = String(via.name ?? /** @type {any} */ (vuln).name);
      found.set(`${id}|${pkg}`, {
        id,
        package: pkg,
        severity: String(via.severity ?? /** @type {any} */ (vuln).severity),
        title: String(via.title ?? ""),
        url: String(via.url ?? ""),
      });
    }
  }
  return [...found.values()];
}

/**
 * Why a report is not an audit result (npm's error JSON, no network, an endpoint the registry
 * does not serve), or null when it is one.
 * @param {any} report
 */
export function unavailableReason(report) {
  if (report && typeof report === "object" && report.vulnerabilities && report.metadata) return null;
  const message = report?.error?.summary || report?.message || report?.error?.code || "no audit report";
  return String(message).split("\n")[0];
}

/**
 * @param {Advisory[]} advisories
 * @param {AllowEntry[]} allowlist
 * @param {Date} now
 */
export function evaluate(advisories, allowlist, now) {
  const today = now.toISOString().slice(0, 10);
  /** @type {Advisory[]} */ const blocking = [];
  /** @type {(Advisory & { reason: string, expires: string })[]} */ const allowed = [];
  /** @type {(Advisory & { expires: string })[]} */ const expired = [];
  for (const a of advisories) {
    if (!BLOCKING.has(a.severity)) continue;
    const entry = allowlist.find((e) => e.id.toLowerCase() === a.id.toLowerCase() && e.package === a.package);
    if (!entry) blocking.push(a);
    else if (entry.expires < today) expired.push({ ...a, expires: entry.expires });
    else allowed.push({ ...a, reason: entry.reason, expires: entry.expires });
  }
  const stale = allowlist.filter((e) => !advisories.some((a) => a.id.toLowerCase() === e.id.toLowerCase()));
  return { blocking, allowed, expired, stale, ok: blocking.length === 0 && expired.length === 0 };
}

/** @param {number} timeoutMs @returns {Promise<{ stdout: string, reason?: string }>} */
function runNpmAudit(timeoutMs) {
  return new Promise((resolve) => {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const child = spawn(npm, ["audit", "--json", "--omit=dev"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.resume();
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve({ stdout: "", reason: `npm audit did not answer within ${timeoutMs} ms` });
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ stdout: "", reason: `npm could not run: ${error.message}` });
    });
    // npm audit exits 1 when it finds anything; the JSON says what happened.
    child.on("close", () => {
      clearTimeout(timer);
      resolve({ stdout });
    });
  });
}

/** @param {string[]} argv */
async function main(argv) {
  const arg = (/** @type {string} */ name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const strict = argv.includes("--strict");
  const allowlistFile = arg("--allowlist") ?? path.join(ROOT, ".ci", "audit-allowlist.json");
  const reportFile = arg("--report");

  const allowlist = parseAllowlist(JSON.parse(readFileSync(allowlistFile, "utf8")));

  let text = "";
  let reason;
  if (reportFile) text = readFileSync(reportFile, "utf8");
  else ({ stdout: text, reason } = await runNpmAudit(Number(process.env.AUDIT_TIMEOUT_MS) || 60_000));
  let report;
  if (!reason) {
    try {
      report = JSON.parse(text);
    } catch {
      reason = "npm audit printed no JSON";
    }
  }
  reason ??= unavailableReason(report);
  if (reason) {
    console.log(`audit: SKIPPED, the registry's audit service is unavailable (${reason})`);
    return strict ? 1 : 0;
  }

  const result = evaluate(advisoriesOf(report), allowlist, new Date());
  const counts = report.metadata?.vulnerabilities ?? {};
  console.log(
    `audit: production dependencies: ${["critical", "high", "moderate", "low"].map((s) => `${counts[s] ?? 0} ${s}`).join(", ")}`,
  );
  for (const a of result.allowed) console.log(`audit: allowed until ${a.expires}: ${a.id} ${a.package} (${a.reason})`);
  for (const e of result.stale)
    console.log(`audit: allow-list entry ${e.id} (${e.package}) no longer matches; remove it`);
  for (const a of result.expired)
    console.log(`audit: FAIL allow-list entry expired ${a.expires}: ${a.id} ${a.package} ${a.severity} ${a.title}`);
  for (const a of result.blocking) console.log(`audit: FAIL ${a.severity}: ${a.id} ${a.package} ${a.title} ${a.url}`);
  if (result.ok) console.log("audit: no high or critical advisories outside the allow-list");
  return result.ok ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`audit: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}

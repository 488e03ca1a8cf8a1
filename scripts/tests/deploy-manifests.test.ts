// Offline lint of the deployment files (no docker daemon, helm or hadolint here): the compose
// file and the Helm chart, rendered with a small subset of Helm's template language, are parsed
// as YAML and checked for what a two-instance production deploy needs (docs/adr/0039).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { envSchema, parseEnv } from "../../lib/env-schema.mjs";

const ROOT = path.join(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
type Obj = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML is walked freely
type Any = any;

/** Variables the app cannot start without (no default, not optional) in lib/env-schema.mjs. */
const REQUIRED = Object.entries(envSchema.shape)
  .filter(([, schema]) => !schema.safeParse(undefined).success)
  .map(([key]) => key);
/** What two instances behind a proxy need on top: shared limits, public URL, realtime, metrics. */
const PRODUCTION = [
  "PII_KEYS",
  "PII_HASH_KEY",
  "NEXTAUTH_URL",
  "REDIS_URL",
  "PUSHER_HOST",
  "PUSHER_SECRET",
  "METRICS_TOKEN",
  "TRUST_PROXY",
];
/** Read by `next start` rather than by the schema. */
const RUNTIME_EXTRAS = ["PORT"];

function expectAppEnv(env: Record<string, string>) {
  expect(REQUIRED).toEqual(expect.arrayContaining(["DATABASE_URL", "NEXTAUTH_SECRET"]));
  for (const key of [...REQUIRED, ...PRODUCTION]) expect(env, `env ${key}`).toHaveProperty(key);
  // A typo (PUSHER_SECERT) would pass silently at start: every name must be one the app reads.
  const known = new Set([...Object.keys(envSchema.shape), ...RUNTIME_EXTRAS]);
  expect(Object.keys(env).filter((k) => !known.has(k))).toEqual([]);
  const parsed = parseEnv(env);
  expect(parsed.NODE_ENV).toBe("production");
  expect(parsed.TRUST_PROXY).toBe(1);
}

// ------------------------------------------------------------------------------------------
// compose.yaml
// ------------------------------------------------------------------------------------------

/** Compose's ${VAR}, ${VAR:-default} and ${VAR:?error} against a sample .env; $$ is a literal $. */
function interpolate(value: string, dotenv: Record<string, string>): string {
  return value
    .replace(/\$\{([A-Z0-9_]+)(?:(:-|:\?)([^}]*))?\}/g, (_, name: string, op?: string, arg?: string) => {
      const v = dotenv[name];
      if (v) return v;
      if (op === ":?") throw new Error(`compose needs ${name}: ${arg}`);
      return op === ":-" ? (arg ?? "") : "";
    })
    .replace(/\$\$/g, "$");
}

const SAMPLE_DOTENV = {
  POSTGRES_PASSWORD: "pw-for-the-test",
  NEXTAUTH_SECRET: "a-test-secret-of-more-than-32-characters-0123",
  PUSHER_SECRET: "pusher-secret-for-the-test",
  METRICS_TOKEN: "metrics-token-0123456789",
  PII_KEYS: `k1:${Buffer.alloc(32, 7).toString("base64")}`,
  PII_HASH_KEY: "a-test-hash-key-of-more-than-32-characters",
};

describe("compose.yaml", () => {
  const compose = YAML.parse(read("compose.yaml"), { merge: true }) as Any;
  const services = compose.services as Record<string, Any>;
  const envOf = (service: string): Record<string, string> =>
    Object.fromEntries(
      Object.entries(services[service].environment as Obj)
        .map(([k, v]) => [k, interpolate(String(v), SAMPLE_DOTENV)])
        .filter(([, v]) => v !== ""),
    );

  it("runs two app instances of one image behind the proxy, after a one-shot migration", () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(["postgres", "redis", "realtime", "migrate", "app1", "app2", "proxy"]),
    );
    for (const name of ["app1", "app2"]) {
      const app = services[name];
      expect(app.image).toBe(services.migrate.image);
      expect(app.build.context).toBe(".");
      expect(app.command).toEqual(["app"]);
      expect(app.depends_on.migrate.condition).toBe("service_completed_successfully");
      expect(app.healthcheck.test.join(" ")).toContain("/api/health/ready");
    }
    expect(services.migrate.command).toEqual(["migrate"]);
    expect(services.migrate.restart).toBe("no");
    expect(services.realtime.command).toEqual(["realtime"]);

    const caddyfile = read("deploy/caddy/Caddyfile");
    expect(services.proxy.volumes.join(" ")).toContain("deploy/caddy/Caddyfile");
    expect(caddyfile).toMatch(/reverse_proxy app1:3000 app2:3000/);
    expect(caddyfile).toMatch(/health_uri \/api\/health\/ready/);
    expect(caddyfile).toMatch(/handle \/app\/\* \{\s*reverse_proxy realtime:6001/);
  });

  it("gives every instance the environment the app requires, valid for lib/env-schema.mjs", () => {
    expectAppEnv(envOf("app1"));
    expect(envOf("app2")).toEqual(envOf("app1"));
    expect(envOf("migrate").DATABASE_URL).toBe(envOf("app1").DATABASE_URL);
    // The app signs realtime requests with the secret the realtime server checks.
    expect(envOf("realtime").PUSHER_SECRET).toBe(envOf("app1").PUSHER_SECRET);
    expect(envOf("realtime").REALTIME_HOST).toBe("0.0.0.0");
    expect(envOf("app1").PUSHER_HOST).toBe("realtime");
    expect(envOf("app1").REDIS_URL).toBe("redis://redis:6379");
    expect(() => interpolate(String(services.app1.environment.NEXTAUTH_SECRET), {})).toThrow(/NEXTAUTH_SECRET/);
  });
});

// ------------------------------------------------------------------------------------------
// Dockerfile and entrypoint
// ------------------------------------------------------------------------------------------

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages.at(-1) ?? "";

  it("is multi-stage on Node 20 bookworm slim and runs as a non-root user", () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(stages[0].startsWith("${NODE_IMAGE}") && runtime.startsWith("${NODE_IMAGE}")).toBe(true);
    // The runtime stage only copies what the build produced: no compilers, no dev dependencies.
    expect(runtime).not.toMatch(/^RUN .*(next build|npm install)/m);
    expect(runtime).toMatch(/COPY --from=build/);
    const users = [...runtime.matchAll(/^USER (\S+)/gm)].map((m) => m[1]);
    expect(users.at(-1)).toBeDefined();
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
  });

  it("checks readiness, starts with the entrypoint and can migrate", () => {
    expect(runtime).toMatch(/^HEALTHCHECK .*CMD \["kitchen-entrypoint", "healthcheck"\]$/m);
    expect(runtime).toMatch(/^ENTRYPOINT \["kitchen-entrypoint"\]$/m);
    // /api/health/ready compares prisma/migrations with the database: the folder must ship.
    expect(runtime).toMatch(/COPY --from=build \S+ \/app\/prisma \.\/prisma/);
    const entrypoint = read("deploy/docker/entrypoint.sh");
    const healthcheck = entrypoint.slice(entrypoint.indexOf("healthcheck)"));
    expect(healthcheck).toMatch(/url="http:\/\/127\.0\.0\.1:\$\{PORT:-3000\}\/api\/health\/ready"/);
    expect(healthcheck).toMatch(/\/health"\n/);
    expect(entrypoint).toMatch(/prisma\/build\/index\.js migrate deploy/);
    expect(entrypoint).toMatch(/next\/dist\/bin\/next start/);
    expect(read(".dockerignore").split("\n")).toEqual(expect.arrayContaining([".env", "node_modules", ".data"]));
  });
});

// ------------------------------------------------------------------------------------------
// Helm chart
// ------------------------------------------------------------------------------------------

type Scope = { Values: Obj; Release: Obj; Chart: Obj };

function lookup(scope: Scope, ref: string): unknown {
  if (!ref.startsWith(".")) throw new Error(`unsupported value ${ref}`);
  return ref
    .slice(1)
    .split(".")
    .reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Obj)[key] : undefined), scope);
}

/** One pipeline: `.Values.x | quote`, `toYaml .Values.x | nindent 8`, `not .Values.x`. */
function evaluate(expr: string, scope: Scope): unknown {
  const [head, ...pipes] = expr.split("|").map((s) => s.trim());
  const [fn, ...args] = head.split(/\s+/);
  let value: unknown =
    fn === "toYaml"
      ? YAML.stringify(lookup(scope, args[0])).trimEnd()
      : fn === "not"
        ? !lookup(scope, args[0])
        : /^".*"$/.test(fn)
          ? fn.slice(1, -1)
          : lookup(scope, fn);
  for (const pipe of pipes) {
    const [name, arg] = pipe.split(/\s+/);
    const pad = " ".repeat(Number(arg));
    if (name === "quote") value = JSON.stringify(String(value ?? ""));
    else if (name === "nindent") value = `\n${String(value).replace(/^/gm, pad)}`;
    else if (name === "indent") value = String(value).replace(/^/gm, pad);
    else throw new Error(`unsupported template function ${name}`);
  }
  return value;
}

/** Renders the subset of Helm templates the chart keeps to: values, if/else/end, the pipes above. */
function renderTemplate(source: string, scope: Scope): string {
  const parts = source.replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}\n?/g, "").split(/(\{\{-?[\s\S]*?-?\}\})/);
  // Whitespace trimming of {{- and -}}, as Helm does.
  for (let i = 1; i < parts.length; i += 2) {
    if (parts[i].startsWith("{{-")) parts[i - 1] = parts[i - 1].replace(/\s+$/, "");
    if (parts[i].endsWith("-}}")) parts[i + 1] = parts[i + 1].replace(/^\s+/, "");
  }
  let out = "";
  const stack: { active: boolean; parentActive: boolean }[] = [];
  const active = () => stack.every((s) => s.active);
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      if (active()) out += part;
      return;
    }
    const action = part.replace(/^\{\{-?\s*|\s*-?\}\}$/g, "");
    if (action.startsWith("if ")) {
      const parentActive = active();
      stack.push({ active: parentActive && Boolean(evaluate(action.slice(3), scope)), parentActive });
    } else if (action === "else") {
      const top = stack.at(-1)!;
      top.active = top.parentActive && !top.active;
    } else if (action === "end") {
      stack.pop();
    } else if (active()) {
      out += String(evaluate(action, scope) ?? "");
    }
  });
  expect(stack).toEqual([]);
  return out;
}

function renderChart(overrides: (values: Any) => void = () => {}): Any[] {
  const chartDir = "deploy/helm/kitchen";
  const chart = YAML.parse(read(`${chartDir}/Chart.yaml`)) as Obj;
  const values = YAML.parse(read(`${chartDir}/values.yaml`)) as Any;
  overrides(values);
  const scope: Scope = { Values: values, Release: { Name: "kitchen", Namespace: "default" }, Chart: chart };
  const templates = readdirSync(path.join(ROOT, chartDir, "templates")).filter((f) => f.endsWith(".yaml"));
  expect(templates.length).toBeGreaterThanOrEqual(6);
  return templates.flatMap((file) =>
    YAML.parseAllDocuments(renderTemplate(read(`${chartDir}/templates/${file}`), scope))
      .map((doc) => {
        expect(doc.errors, file).toEqual([]);
        return doc.toJS() as Any;
      })
      .filter(Boolean),
  );
}

describe("Helm chart deploy/helm/kitchen", () => {
  const objects = renderChart();
  const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);

  it("renders valid Kubernetes objects", () => {
    for (const o of objects) {
      expect(o.apiVersion, JSON.stringify(o).slice(0, 80)).toBeTruthy();
      expect(o.metadata?.name).toMatch(/^[a-z0-9-]+$/);
    }
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      "ConfigMap/kitchen-config",
      "Deployment/kitchen-app",
      "Deployment/kitchen-realtime",
      "Ingress/kitchen",
      "Job/kitchen-migrate",
      "Service/kitchen-app",
      "Service/kitchen-realtime",
    ]);
  });

  it("runs two non-root app replicas with readiness on /api/health/ready and liveness probes", () => {
    const app = find("Deployment", "kitchen-app");
    expect(app.spec.replicas).toBe(2);
    const pod = app.spec.template.spec;
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    const [container] = pod.containers;
    expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
    expect(container.args).toEqual(["app"]);
    expect(container.readinessProbe.httpGet).toEqual({ path: "/api/health/ready", port: "http" });
    expect(container.livenessProbe.httpGet.path).toBe("/api/health/live");
    expect(app.spec.selector.matchLabels).toEqual(
      Object.fromEntries(
        Object.keys(app.spec.selector.matchLabels).map((k) => [k, app.spec.template.metadata.labels[k]]),
      ),
    );
    const service = find("Service", "kitchen-app");
    expect(service.spec.selector).toEqual(app.spec.selector.matchLabels);
  });

  it("gives the app every variable it requires, from the ConfigMap and the Secret", () => {
    const app = find("Deployment", "kitchen-app");
    const [container] = app.spec.template.spec.containers;
    const config = find("ConfigMap", "kitchen-config");
    expect(container.envFrom).toEqual([{ configMapRef: { name: "kitchen-config" } }]);
    const env: Record<string, string> = { ...config.data };
    for (const e of container.env) {
      expect(e.valueFrom.secretKeyRef.name).toBe("kitchen-secrets");
      expect(e.valueFrom.secretKeyRef.key).toBe(e.name);
      env[e.name] = `${e.name}-from-secret-0123456789abcdef0123456789`;
    }
    env.DATABASE_URL = "postgresql://kitchen@db:5432/kitchen";
    env.REDIS_URL = "redis://redis:6379";
    env.PII_KEYS = SAMPLE_DOTENV.PII_KEYS;
    expectAppEnv(env);
    expect(Object.values(config.data).every((v) => typeof v === "string")).toBe(true);
  });

  it("migrates in a pre-install/pre-upgrade hook Job and routes the WebSocket to one realtime replica", () => {
    const job = find("Job", "kitchen-migrate");
    expect(job.metadata.annotations["helm.sh/hook"]).toBe("pre-install,pre-upgrade");
    const [container] = job.spec.template.spec.containers;
    expect(container.args).toEqual(["migrate"]);
    expect(container.env.map((e: Any) => e.name)).toEqual(["DATABASE_URL"]);
    expect(job.spec.template.spec.securityContext.runAsNonRoot).toBe(true);

    const realtime = find("Deployment", "kitchen-realtime");
    expect(realtime.spec.replicas).toBe(1);
    const paths = find("Ingress", "kitchen").spec.rules[0].http.paths;
    expect(paths.map((p: Any) => [p.path, p.backend.service.name])).toEqual([
      ["/app", "kitchen-realtime"],
      ["/", "kitchen-app"],
    ]);
    const values = YAML.parse(read("deploy/helm/kitchen/values.yaml")) as Any;
    expect(find("Service", "kitchen-realtime").metadata.name).toBe(values.config.PUSHER_HOST);
  });

  it("adds an HPA from two replicas when autoscaling is on, and drops the ingress when off", () => {
    const scaled = renderChart((v) => {
      v.autoscaling.enabled = true;
      v.ingress.enabled = false;
      v.realtime.enabled = false;
    });
    const hpa = scaled.find((o) => o.kind === "HorizontalPodAutoscaler");
    expect(hpa.spec.minReplicas).toBe(2);
    expect(hpa.spec.scaleTargetRef.name).toBe("kitchen-app");
    expect(scaled.some((o) => o.kind === "Ingress" || o.metadata.name === "kitchen-realtime")).toBe(false);
  });
});

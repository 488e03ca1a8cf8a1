// Offline lint of the deployment files (no docker daemon, helm or hadolint here): the compose
// file and the Helm chart, rendered with a small subset of Helm's template language, are parsed
// as YAML and checked for what a two-instance production deploy needs (docs/adr/0039).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import YAML from "yaml";
import { envSchema, parseEnv } from "../../lib/env-schema.mjs";
import { manifestErrors } from "./k8s-schemas";

const ROOT = path.join(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
type Obj = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML is walked freely
type Any = any;
/** yamllint (Debian package): required in CI, like scripts/lint-yaml.sh. */
const YAMLLINT = spawnSync("yamllint", ["--version"]).status === 0;
if (!YAMLLINT && process.env.CI === "true") throw new Error("yamllint is not installed; CI needs it");

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

const healthcheck = {
  type: "object",
  required: ["test"],
  properties: { test: { type: "array", minItems: 2, items: { type: "string" } }, retries: { type: "integer" } },
};
const dependsOn = {
  type: "object",
  additionalProperties: {
    type: "object",
    required: ["condition"],
    properties: { condition: { enum: ["service_healthy", "service_completed_successfully", "service_started"] } },
  },
};
const ourImage = {
  type: "object",
  required: ["image", "build", "read_only", "tmpfs"],
  properties: {
    build: { type: "object", required: ["context", "target"], properties: { target: { enum: ["runtime", "tools"] } } },
    read_only: { const: true },
    tmpfs: { type: "array", contains: { const: "/tmp" } },
    depends_on: dependsOn,
  },
};
/** What the deploy needs of compose.yaml, beyond compose's own schema (not available offline). */
const COMPOSE_SCHEMA = {
  type: "object",
  required: ["services"],
  properties: {
    services: {
      type: "object",
      required: ["app1", "app2", "realtime", "migrate", "postgres", "redis", "proxy"],
      properties: {
        postgres: { type: "object", required: ["image", "healthcheck", "volumes"], properties: { healthcheck } },
        redis: { type: "object", required: ["image", "healthcheck"], properties: { healthcheck } },
        realtime: { allOf: [ourImage, { required: ["healthcheck"], properties: { healthcheck } }] },
        migrate: { allOf: [ourImage, { required: ["depends_on"], properties: { restart: { const: "no" } } }] },
        app1: { allOf: [ourImage, { required: ["healthcheck", "depends_on"], properties: { healthcheck } }] },
        app2: { allOf: [ourImage, { required: ["healthcheck", "depends_on"], properties: { healthcheck } }] },
        proxy: { type: "object", required: ["image", "ports", "depends_on"], properties: { depends_on: dependsOn } },
      },
    },
  },
};
const composeValidator = new Ajv2020({ allErrors: true, strict: false }).compile(COMPOSE_SCHEMA);
function composeErrors(compose: unknown): string[] {
  return composeValidator(compose) ? [] : (composeValidator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

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
      expect(app.build).toEqual({ context: ".", target: "runtime" });
      expect(app.command).toEqual(["app"]);
      expect(app.depends_on.migrate.condition).toBe("service_completed_successfully");
      expect(app.healthcheck.test.join(" ")).toContain("/api/health/ready");
    }
    for (const name of ["migrate", "realtime"]) expect(services[name].build).toEqual({ context: ".", target: "tools" });
    expect(services.migrate.command).toEqual(["migrate"]);
    expect(services.migrate.restart).toBe("no");
    expect(services.realtime.command).toEqual(["realtime"]);

    const caddyfile = read("deploy/caddy/Caddyfile");
    expect(services.proxy.volumes.join(" ")).toContain("deploy/caddy/Caddyfile");
    expect(caddyfile).toMatch(/reverse_proxy app1:3000 app2:3000/);
    expect(caddyfile).toMatch(/health_uri \/api\/health\/ready/);
    expect(caddyfile).toMatch(/handle \/app\/\* \{\s*reverse_proxy realtime:6001/);
  });

  it("matches the compose schema: health checks, start order, read-only images", () => {
    expect(composeErrors(compose)).toEqual([]);
  });

  it("rejects a compose file without a health check or with an unconditional dependency", () => {
    const broken = structuredClone(compose);
    delete broken.services.postgres.healthcheck;
    broken.services.app1.depends_on.redis = {};
    broken.services.app2.read_only = false;
    expect(composeErrors(broken)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\/services\/postgres must have required property 'healthcheck'/),
        expect.stringMatching(/\/services\/app1\/depends_on\/redis must have required property 'condition'/),
        expect.stringMatching(/\/services\/app2\/read_only must be equal to constant/),
      ]),
    );
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
  const stages = Object.fromEntries(
    dockerfile
      .split(/^FROM /m)
      .slice(1)
      .map((text) => [/^\S+ AS (\S+)/.exec(text)?.[1] ?? "", text]),
  );
  const { runtime = "", tools = "", build = "" } = stages;
  const lastUser = (stage: string) => [...stage.matchAll(/^USER (\S+)/gm)].map((m) => m[1]).at(-1);

  it("is multi-stage on Node 20 bookworm slim, the app image last (the default target)", () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(Object.keys(stages)).toEqual(["deps", "build", "tools", "runtime"]);
    expect(runtime.startsWith("${NODE_IMAGE}") && tools.startsWith("${NODE_IMAGE}")).toBe(true);
    // Shipped stages only copy what the build produced: no compilers, no dev dependencies.
    for (const stage of [runtime, tools]) {
      expect(stage).not.toMatch(/^RUN .*(next build|npm install)/m);
      expect(stage).toMatch(/COPY --from=build/);
      expect(lastUser(stage)).toBeDefined();
      expect(lastUser(stage)).not.toMatch(/^(root|0)(:|$)/);
      expect(stage).toMatch(/^HEALTHCHECK .*CMD \["kitchen-entrypoint", "healthcheck"\]$/m);
      expect(stage).toMatch(/^ENTRYPOINT \["kitchen-entrypoint"\]$/m);
    }
  });

  it("serves Next's standalone output, read-only apart from the cache directory", () => {
    expect(build).toMatch(/^ENV NEXT_OUTPUT=standalone$/m);
    expect(read("next.config.mjs")).toMatch(/process\.env\.NEXT_OUTPUT === "standalone" \? \{ output: "standalone" \}/);
    expect(runtime).toMatch(/COPY --from=build \S+ \/app\/\.next\/standalone \.\/$/m);
    expect(runtime).toMatch(/COPY --from=build \S+ \/app\/\.next\/static \.\/\.next\/static$/m);
    expect(runtime).toMatch(/COPY --from=build \S+ \/app\/public \.\/public$/m);
    // /api/health/ready compares prisma/migrations with the database: the folders must ship.
    expect(runtime).toMatch(/COPY --from=build \S+ \/app\/prisma\/migrations \.\/prisma\/migrations$/m);
    expect(runtime).not.toMatch(/node_modules/);
    expect(runtime).toMatch(/^CMD \["app"\]$/m);
    // Everything is root-owned; `node` may write only Next's cache (a tmpfs/emptyDir in compose/Helm).
    expect([...runtime.matchAll(/--chown=(\S+)/g)].every((m) => m[1] === "root:root")).toBe(true);
    expect(runtime).toMatch(/chown -R node:node \.next\/cache$/m);
  });

  it("has a tools image that can migrate and run the realtime server", () => {
    expect(tools).toMatch(/COPY --from=build \S+ \/app\/node_modules \.\/node_modules/);
    expect(tools).toMatch(/COPY --from=build \S+ \/app\/prisma \.\/prisma/);
    expect(tools).toMatch(/COPY --from=build \S+ \/app\/scripts\/realtime-server\.ts/);
    const entrypoint = read("deploy/docker/entrypoint.sh");
    const healthcheck = entrypoint.slice(entrypoint.indexOf("healthcheck)"));
    expect(healthcheck).toMatch(/url="http:\/\/127\.0\.0\.1:\$\{PORT:-3000\}\/api\/health\/ready"/);
    expect(healthcheck).toMatch(/\/health"\n/);
    expect(entrypoint).toMatch(/exec node node_modules\/prisma\/build\/index\.js migrate deploy/);
    expect(entrypoint).toMatch(/export HOSTNAME=0\.0\.0\.0\n\s+exec node server\.js/);
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

const CHART_DIR = "deploy/helm/kitchen";

/** Each template's rendered text, as `helm template` would print it (without the Source comments). */
function renderChartFiles(overrides: (values: Any) => void = () => {}): [file: string, text: string][] {
  const chart = YAML.parse(read(`${CHART_DIR}/Chart.yaml`)) as Obj;
  const values = YAML.parse(read(`${CHART_DIR}/values.yaml`)) as Any;
  overrides(values);
  const scope: Scope = { Values: values, Release: { Name: "kitchen", Namespace: "default" }, Chart: chart };
  const templates = readdirSync(path.join(ROOT, CHART_DIR, "templates")).filter((f) => f.endsWith(".yaml"));
  expect(templates.length).toBeGreaterThanOrEqual(6);
  return templates.map((file) => [file, renderTemplate(read(`${CHART_DIR}/templates/${file}`), scope)]);
}

function renderChart(overrides: (values: Any) => void = () => {}): Any[] {
  return renderChartFiles(overrides).flatMap(([file, text]) =>
    YAML.parseAllDocuments(text)
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
    const values = YAML.parse(read(`${CHART_DIR}/values.yaml`)) as Any;
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
    // The HPA owns the replica count: a `replicas` in the Deployment would reset it on every upgrade.
    expect(scaled.find((o) => o.kind === "Deployment" && o.metadata.name === "kitchen-app").spec).not.toHaveProperty(
      "replicas",
    );
    expect(scaled.some((o) => o.kind === "Ingress" || o.metadata.name === "kitchen-realtime")).toBe(false);
  });

  it("validates against the Kubernetes schemas in every combination of switches", () => {
    const variants = [
      renderChart(),
      renderChart((v) => {
        v.autoscaling.enabled = true;
        v.secret.create = true;
        v.secret.values = { DATABASE_URL: "postgresql://kitchen@db/kitchen", NEXTAUTH_SECRET: "x".repeat(40) };
      }),
      renderChart((v) => {
        v.ingress.enabled = false;
        v.realtime.enabled = false;
      }),
    ];
    expect(variants[1].map((o) => o.kind)).toEqual(expect.arrayContaining(["HorizontalPodAutoscaler", "Secret"]));
    for (const objects of variants) {
      expect(objects.flatMap(manifestErrors)).toEqual([]);
      expect(referenceErrors(objects)).toEqual([]);
    }
  });

  it("fails a manifest that breaks a rule (negative cases)", () => {
    const broken = (mutate: (objects: Any[]) => void) => {
      const objects = structuredClone(renderChart((v) => (v.autoscaling.enabled = true)));
      mutate(objects);
      return [...objects.flatMap(manifestErrors), ...referenceErrors(objects)];
    };
    const of = (objects: Any[], kind: string, name = "kitchen-app") =>
      objects.find((o) => o.kind === kind && o.metadata.name === name);
    const app = (objects: Any[]) => of(objects, "Deployment").spec.template.spec;
    const cases: [string, (objects: Any[]) => void, RegExp][] = [
      ["root user", (o) => (app(o).securityContext.runAsNonRoot = false), /runAsNonRoot must be equal to constant/],
      [
        "writable root",
        (o) => delete app(o).containers[0].securityContext.readOnlyRootFilesystem,
        /must have required property 'readOnlyRootFilesystem'/,
      ],
      ["no readiness probe", (o) => delete app(o).containers[0].readinessProbe, /required property 'readinessProbe'/],
      ["no requests", (o) => delete app(o).containers[0].resources.requests, /required property 'requests'/],
      ["unpinned image", (o) => (app(o).containers[0].image = "kitchen"), /\/image must match pattern/],
      [
        "probe on a missing route",
        (o) => (app(o).containers[0].readinessProbe.httpGet.path = "/api/healthz"),
        /probe path \/api\/healthz is served by nothing/,
      ],
      ["HPA min above max", (o) => (of(o, "HorizontalPodAutoscaler").spec.minReplicas = 9), /minReplicas must be <= 6/],
      [
        "HPA on autoscaling/v1",
        (o) => (of(o, "HorizontalPodAutoscaler").apiVersion = "autoscaling/v1"),
        /apiVersion must be equal to constant/,
      ],
      [
        "migration not a pre-upgrade hook",
        (o) => (of(o, "Job", "kitchen-migrate").metadata.annotations["helm.sh/hook"] = "pre-install"),
        /helm\.sh~1hook must match pattern/,
      ],
      [
        "service selecting no pod",
        (o) => (of(o, "Service").spec.selector["app.kubernetes.io/component"] = "web"),
        /Service\/kitchen-app selects no Deployment's pods/,
      ],
      [
        "ingress to a missing port",
        (o) => (of(o, "Ingress", "kitchen").spec.rules[0].http.paths[1].backend.service.port = { name: "web" }),
        /Ingress\/kitchen: backend kitchen-app:web/,
      ],
      [
        "unknown kind",
        (o) => o.push({ apiVersion: "v1", kind: "Pod", metadata: { name: "x" } }),
        /no schema for kind Pod/,
      ],
    ];
    for (const [label, mutate, expected] of cases) {
      expect(broken(mutate), label).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
    }
  });

  it.skipIf(!YAMLLINT)(
    "renders YAML that yamllint accepts with the repository's .yamllint",
    { timeout: 60_000 },
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), "kitchen-chart-"));
      try {
        const files = renderChartFiles((v) => {
          v.autoscaling.enabled = true;
          v.secret.create = true;
          v.secret.values = { DATABASE_URL: "postgresql://kitchen@db/kitchen" };
        });
        // A template that opens with `{{- if }}` renders a leading newline; helm template prints the
        // document after its `# Source:` line, so leading blank lines are not linted.
        for (const [file, text] of files) writeFileSync(path.join(dir, file), text.trimStart());
        // One deliberate error proves the run lints what it is given.
        writeFileSync(path.join(dir, "zz-broken.yaml"), "a: 1\na: 2\n");
        const lint = spawnSync("yamllint", ["--strict", "-c", path.join(ROOT, ".yamllint"), "-f", "parsable", dir], {
          encoding: "utf8",
        });
        const problems = `${lint.stdout}${lint.stderr}`.trim().split("\n").filter(Boolean);
        expect(problems).toEqual([expect.stringMatching(/zz-broken\.yaml:2:1: \[error\] duplication of key "a"/)]);
        expect(lint.status).toBe(1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

/** Cross-object references a schema cannot see: probes, selectors, ingress backends. */
function referenceErrors(objects: Any[]): string[] {
  const errors: string[] = [];
  const deployments = objects.filter((o) => o.kind === "Deployment");
  for (const d of deployments) {
    for (const c of d.spec.template.spec.containers ?? []) {
      for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe].filter(Boolean)) {
        const p: string = probe.httpGet?.path ?? "";
        const served = c.args?.[0] === "realtime" ? REALTIME_PATHS.includes(p) : appRouteExists(p);
        if (!served) errors.push(`Deployment/${d.metadata.name}: probe path ${p} is served by nothing`);
        const portName = probe.httpGet?.port;
        if (typeof portName === "string" && !c.ports?.some((cp: Any) => cp.name === portName))
          errors.push(`Deployment/${d.metadata.name}: probe port ${portName} is not a container port`);
      }
    }
    const labels = d.spec.template.metadata.labels ?? {};
    for (const [k, v] of Object.entries(d.spec.selector.matchLabels ?? {}))
      if (labels[k] !== v) errors.push(`Deployment/${d.metadata.name}: selector ${k} does not match its pods`);
  }
  const services = objects.filter((o) => o.kind === "Service");
  for (const svc of services) {
    const target = deployments.find((d) =>
      Object.entries(svc.spec.selector).every(([k, v]) => d.spec.template.metadata.labels?.[k] === v),
    );
    if (!target) errors.push(`Service/${svc.metadata.name} selects no Deployment's pods`);
  }
  for (const ing of objects.filter((o) => o.kind === "Ingress")) {
    for (const rule of ing.spec.rules)
      for (const { backend } of rule.http.paths) {
        const svc = services.find((s) => s.metadata.name === backend.service.name);
        const port = backend.service.port;
        const ok = svc?.spec.ports.some((p: Any) => (port.name ? p.name === port.name : p.port === port.number));
        if (!ok)
          errors.push(
            `Ingress/${ing.metadata.name}: backend ${backend.service.name}:${port.name ?? port.number} not found`,
          );
      }
  }
  for (const hpa of objects.filter((o) => o.kind === "HorizontalPodAutoscaler"))
    if (!deployments.some((d) => d.metadata.name === hpa.spec.scaleTargetRef.name))
      errors.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: no Deployment ${hpa.spec.scaleTargetRef.name}`);
  return errors;
}

/** The realtime server's plain HTTP routes (realtime-server/http-api.ts). */
const REALTIME_PATHS = ["/health"];
function appRouteExists(urlPath: string): boolean {
  return existsSync(path.join(ROOT, "app", urlPath, "route.ts"));
}

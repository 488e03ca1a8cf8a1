// @ts-check
// One validated description of the environment, shared by next.config.mjs (fails the
// build/start early) and lib/env.ts (typed access at runtime).
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is required (postgresql://user@host:5432/db)" })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
    NEXTAUTH_SECRET: z
      .string({ error: "NEXTAUTH_SECRET is required (32+ random characters)" })
      .min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
    NEXTAUTH_URL: z.url("NEXTAUTH_URL must be a URL").optional(),
    /** Plain Redis for rate limits (ioredis). Without it and without Upstash, limits are per process. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// URL")
      .optional(),
    UPSTASH_REDIS_REST_URL: z.url().optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    PUSHER_APP_ID: z.string().min(1).default("kitchen"),
    PUSHER_KEY: z.string().min(1).default("kitchen-key"),
    PUSHER_SECRET: z.string().min(1).default("kitchen-secret-change-me"),
    PUSHER_CLUSTER: z.string().default("mt1"),
    /** Server-side host of a self-hosted Pusher-protocol server; unset = Pusher's cloud by cluster. */
    PUSHER_HOST: z.string().optional(),
    PUSHER_PORT: z.coerce.number().int().positive().optional(),
    PUSHER_USE_TLS: bool.default(false),
    /** Host/port browsers use for the WebSocket (defaults to PUSHER_HOST/PORT). */
    PUSHER_WS_HOST: z.string().optional(),
    PUSHER_WS_PORT: z.coerce.number().int().positive().optional(),
    /** Outgoing mail (invites, password resets): smtp:// or smtps://user:pass@host:port. Unset = printed to the console. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM: z.string().min(3).default("ServiceBell <no-reply@servicebell.local>"),
    /**
     * Texts to guests (waitlist "table ready") and online customers (codes, order steps): "twilio";
     * "log" = printed to the server log as DEVELOPMENT — not sent; "outbox" = appended as JSON lines
     * to SMS_OUTBOX_FILE (e2e and integration tests read codes there). Unset: guests' texts show on
     * the host stand, customers' texts go to the log.
     */
    SMS_PROVIDER: z.enum(["twilio", "host-screen", "log", "outbox"]).optional(),
    /** Where SMS_PROVIDER=outbox appends its lines ({at, to, kind, body}). */
    SMS_OUTBOX_FILE: z.string().min(1).optional(),
    TWILIO_ACCOUNT_SID: z
      .string()
      .regex(/^[A-Za-z0-9]{8,64}$/, "TWILIO_ACCOUNT_SID is letters and digits")
      .optional(),
    TWILIO_AUTH_TOKEN: z.string().min(8).optional(),
    /** The sending number in E.164 ("+12075550100") or a messaging service id. */
    TWILIO_FROM: z.string().min(3).max(64).optional(),
    /** Base URL of the Messages API (default https://api.twilio.com); tests point it at a local server. */
    TWILIO_API_BASE: z.url("TWILIO_API_BASE must be a URL").optional(),
    /** Bearer token Prometheus sends to GET /api/metrics; unset = the endpoint answers 404. */
    METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
    /** OTLP/HTTP collector for traces (e.g. http://otel-collector:4318); unset = tracing off, at no cost. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url("OTEL_EXPORTER_OTLP_ENDPOINT must be a URL").optional(),
    OTEL_SERVICE_NAME: z.string().min(1).max(100).optional(),
    /** HS256 key of API access tokens (ADR 0037); unset = derived from NEXTAUTH_SECRET. */
    API_TOKEN_SECRET: z.string().min(32, "API_TOKEN_SECRET must be at least 32 characters").optional(),
    /** Browser origins allowed to call /api/v1 with a bearer token (CORS), comma-separated; unset = none. */
    CORS_ALLOWED_ORIGINS: z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url("CORS_ALLOWED_ORIGINS must be comma-separated origins (https://app.example.com)")))
      .optional(),
    /**
     * Keys of personal data at rest (ADR 0043): "k2:<base64 32 bytes>,k1:<…>"; unset outside production =
     * a development key that is not secret. PII_ACTIVE_KEY (default: the first) encrypts new values.
     */
    PII_KEYS: z
      .string()
      .refine(
        (v) =>
          v
            .split(",")
            .filter((e) => e.trim())
            .every(
              (e) => /^\s*[A-Za-z0-9_-]{1,16}:/.test(e) && Buffer.from(e.split(":")[1] ?? "", "base64").length === 32,
            ),
        "PII_KEYS must be id:<base64 of 32 bytes> entries, comma-separated (openssl rand -base64 32)",
      )
      .optional(),
    PII_ACTIVE_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,16}$/, "PII_ACTIVE_KEY is a key id of PII_KEYS")
      .optional(),
    /** HMAC key of the blind indexes (lookup by phone/email); changing it needs a re-hash (ADR 0043). */
    PII_HASH_KEY: z.string().min(32, "PII_HASH_KEY must be at least 32 characters").optional(),
    /**
     * The hash key being rotated away from (ADR 0050): lookups match either key's index until
     * `npm run pii:rehash` has re-hashed every row; then unset it.
     */
    PII_HASH_KEY_PREVIOUS: z.string().min(32, "PII_HASH_KEY_PREVIOUS must be at least 32 characters").optional(),
    /**
     * Let webhooks call private, loopback and link-local addresses (ADR 0042). Unset: allowed
     * outside production only. Set true for a LAN integration or the e2e run of the production build.
     */
    WEBHOOK_ALLOW_PRIVATE: bool.optional(),
    /** "off" stops this process sending webhooks (deliveries stay queued for another instance). */
    WEBHOOKS_DISPATCH: z.enum(["on", "off"]).default("on"),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /**
     * Reverse proxies of your own in front of the app, each appending to X-Forwarded-For
     * ("true" = 1). 0/false: the socket address is the client (lib/http/client-ip.ts).
     */
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|\d)$/, "TRUST_PROXY must be false, true or a number of proxy hops (0-9)")
      .default("false")
      .transform((v) => (v === "true" ? 1 : v === "false" ? 0 : Number(v))),
  })
  .superRefine((v, ctx) => {
    if (v.NODE_ENV === "production")
      for (const key of /** @type {const} */ (["PII_KEYS", "PII_HASH_KEY"]))
        if (!v[key])
          ctx.addIssue({ code: "custom", path: [key], message: `${key} is required in production (ADR 0043)` });
    if (
      v.PII_KEYS &&
      v.PII_ACTIVE_KEY &&
      !v.PII_KEYS.split(",").some((e) => e.trim().startsWith(`${v.PII_ACTIVE_KEY}:`))
    )
      ctx.addIssue({ code: "custom", path: ["PII_ACTIVE_KEY"], message: "PII_ACTIVE_KEY is not a key id in PII_KEYS" });
    if (v.PII_HASH_KEY_PREVIOUS && !v.PII_HASH_KEY)
      ctx.addIssue({
        code: "custom",
        path: ["PII_HASH_KEY"],
        message: "PII_HASH_KEY (the new hash key) is required while PII_HASH_KEY_PREVIOUS is set",
      });
    if (v.PII_HASH_KEY_PREVIOUS && v.PII_HASH_KEY_PREVIOUS === v.PII_HASH_KEY)
      ctx.addIssue({
        code: "custom",
        path: ["PII_HASH_KEY_PREVIOUS"],
        message: "PII_HASH_KEY_PREVIOUS must differ from PII_HASH_KEY",
      });
  })
  .superRefine((v, ctx) => {
    if (v.SMS_PROVIDER === "outbox" && !v.SMS_OUTBOX_FILE)
      ctx.addIssue({
        code: "custom",
        path: ["SMS_OUTBOX_FILE"],
        message: "SMS_OUTBOX_FILE is required when SMS_PROVIDER=outbox",
      });
    if (v.SMS_PROVIDER !== "twilio") return;
    for (const key of /** @type {const} */ (["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"]))
      if (!v[key])
        ctx.addIssue({ code: "custom", path: [key], message: `${key} is required when SMS_PROVIDER=twilio` });
  });

/** @param {Record<string, string | undefined>} source */
export function parseEnv(source) {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}\nSee .env.example.`);
  }
  return result.data;
}

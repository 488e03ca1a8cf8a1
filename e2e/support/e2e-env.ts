// Fixed ports and names shared by the e2e server script, the Playwright config and the specs.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_REALTIME_PORT = Number(process.env.E2E_REALTIME_PORT ?? 6101);
export const E2E_CONTROL_PORT = Number(process.env.E2E_CONTROL_PORT ?? 6199);
/** The test SMTP server the app mails through (invites, reset links); specs read it via the control port. */
export const E2E_SMTP_PORT = E2E_CONTROL_PORT + 1000;
/** Texts to online customers (OTP codes, order steps): the app's `outbox` SMS provider writes them here. */
export const E2E_SMS_OUTBOX = `${process.env.TMPDIR ?? "/tmp"}/kitchen-e2e-sms-${E2E_PORT}.jsonl`;
// Parallel checkouts (worktrees) on one machine pick their own ports and database name.
export const E2E_DATABASE = /^[a-z_][a-z0-9_]{0,62}$/.test(process.env.E2E_DATABASE ?? "")
  ? process.env.E2E_DATABASE!
  : "kp_e2e";
export const E2E_SECRET = "e2e-only-secret-not-for-production-0123456789";
/** The bearer token the e2e server wants on GET /api/metrics. */
export const E2E_METRICS_TOKEN = "e2e-metrics-token-0123456789";
/** The one browser origin the e2e server lets call /api/v1 with a bearer token (CORS). */
export const E2E_CORS_ORIGIN = "https://pos.e2e.test";
export const E2E_PUSHER = { appId: "kitchen-e2e", key: "kitchen-e2e-key", secret: "kitchen-e2e-secret" };

export const PASSWORD = "servicebell-2026";
export const ROLE_USERS = {
  admin: "admin@demo.kitchen",
  manager: "manager@demo.kitchen",
  server: "server@demo.kitchen",
  chef: "chef@demo.kitchen",
  cashier: "cashier@demo.kitchen",
  host: "host@demo.kitchen",
  driver: "driver@demo.kitchen",
} as const;
export type RoleName = keyof typeof ROLE_USERS;
export const storageStateFor = (role: RoleName) => `e2e/.auth/${role}.json`;

/** Accounts specs may lock, throttle or sign out everywhere without disturbing the per-role sessions. */
export const LOCKOUT_USERS = [
  "lockout-1@demo.kitchen",
  "lockout-2@demo.kitchen",
  "lockout-3@demo.kitchen",
  "lockout-4@demo.kitchen",
] as const;

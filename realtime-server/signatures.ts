import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export interface AppCredentials {
  key: string;
  secret: string;
}

export function hmacSha256Hex(secret: string, data: string): string {
  return createHmac("sha256", secret).update(data, "utf8").digest("hex");
}

export function md5Hex(body: string | Buffer): string {
  const hash = createHash("md5");
  if (typeof body === "string") hash.update(body, "utf8");
  else hash.update(body);
  return hash.digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `key:HMAC(secret, socket_id:channel[:channel_data])`, as `pusher.authorizeChannel` produces. */
export function signChannelAuth(app: AppCredentials, socketId: string, channel: string, channelData?: string): string {
  const parts = channelData === undefined ? [socketId, channel] : [socketId, channel, channelData];
  return `${app.key}:${hmacSha256Hex(app.secret, parts.join(":"))}`;
}

export function verifyChannelAuth(
  app: AppCredentials,
  auth: unknown,
  socketId: string,
  channel: string,
  channelData?: string,
): boolean {
  return typeof auth === "string" && safeEqual(auth, signChannelAuth(app, socketId, channel, channelData));
}

/** `key:HMAC(secret, socket_id::user::user_data)`, as `pusher.authenticateUser` produces. */
export function signUserAuth(app: AppCredentials, socketId: string, userData: string): string {
  return `${app.key}:${hmacSha256Hex(app.secret, `${socketId}::user::${userData}`)}`;
}

export function verifyUserAuth(app: AppCredentials, auth: unknown, socketId: string, userData: string): boolean {
  return typeof auth === "string" && safeEqual(auth, signUserAuth(app, socketId, userData));
}

/**
 * `METHOD\nPATH\nk1=v1&k2=v2` with keys sorted and values *not* URL-encoded, exactly as the
 * `pusher` SDK's createSignedQueryString builds it.
 */
export function restStringToSign(method: string, path: string, params: Readonly<Record<string, string>>): string {
  const query = Object.keys(params)
    .filter((key) => key !== "auth_signature")
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => `${key}=${params[key]}`)
    .join("&");
  return [method.toUpperCase(), path, query].join("\n");
}

export interface RestAuthInput {
  app: AppCredentials;
  method: string;
  /** Candidate paths (raw and decoded); a signature over any of them is accepted. */
  paths: readonly string[];
  params: Readonly<Record<string, string>>;
  body: Buffer;
  nowSeconds: number;
  maxSkewSeconds: number;
}

export type RestAuthResult = { ok: true } | { ok: false; reason: string };

export function verifyRestRequest(input: RestAuthInput): RestAuthResult {
  const { app, params } = input;
  if (params.auth_key !== app.key) return { ok: false, reason: "Unknown auth_key" };
  if (params.auth_version !== "1.0") return { ok: false, reason: "Unsupported auth_version" };

  const timestamp = Number(params.auth_timestamp);
  if (!Number.isFinite(timestamp) || !/^\d+$/.test(params.auth_timestamp ?? "")) {
    return { ok: false, reason: "Missing or invalid auth_timestamp" };
  }
  if (Math.abs(input.nowSeconds - timestamp) > input.maxSkewSeconds) {
    return {
      ok: false,
      reason: `Timestamp expired: given timestamp is not within ${input.maxSkewSeconds}s of server time`,
    };
  }

  if (input.body.length > 0 || params.body_md5 !== undefined) {
    if (params.body_md5 === undefined || !safeEqual(params.body_md5, md5Hex(input.body))) {
      return { ok: false, reason: "body_md5 does not match the request body" };
    }
  }

  const signature = params.auth_signature;
  if (signature === undefined) return { ok: false, reason: "Missing auth_signature" };
  for (const path of input.paths) {
    const expected = hmacSha256Hex(app.secret, restStringToSign(input.method, path, params));
    if (safeEqual(signature, expected)) return { ok: true };
  }
  const shown = input.paths[0] ?? "";
  return {
    ok: false,
    reason: `Invalid signature: you should have sent HmacSHA256Hex(${JSON.stringify(
      restStringToSign(input.method, shown, params),
    )}, your_secret_key)`,
  };
}

export const PROTOCOL_VERSION = 7;

/** Close / error codes from the Pusher Channels protocol (4000-4099 fatal, 4100-4199 back off, 4200-4299 reconnect). */
export const ErrorCode = {
  appDoesNotExist: 4001,
  unsupportedProtocol: 4007,
  unauthorized: 4009,
  overCapacity: 4100,
  genericReconnect: 4200,
  pongNotReceived: 4201,
  clientEventRateLimit: 4301,
} as const;

export interface IncomingMessage {
  event: string;
  channel?: string;
  data?: unknown;
}

/**
 * Pusher sends most `data` payloads as JSON-encoded strings; pusher-js parses either form,
 * but other clients (e.g. the Swift/Android SDKs) rely on the string form.
 */
export function encodeFrame(event: string, data: unknown, channel?: string, userId?: string): string {
  const frame: Record<string, unknown> = { event };
  if (channel !== undefined) frame.channel = channel;
  frame.data = data;
  if (userId !== undefined) frame.user_id = userId;
  return JSON.stringify(frame);
}

export function encodeError(code: number | null, message: string): string {
  return encodeFrame("pusher:error", { code, message });
}

export function encodeSubscriptionError(channel: string, type: string, error: string, status: number): string {
  // Shape mirrors what pusher-js itself emits for auth failures, so app handlers see one format.
  return encodeFrame("pusher:subscription_error", { type, error, status }, channel);
}

/** Returns null for anything that is not a JSON object with a string `event`. */
export function decodeMessage(raw: string): IncomingMessage | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  const record = parsed as Record<string, unknown>;
  if (typeof record.event !== "string" || record.event === "") return null;
  if (record.channel !== undefined && typeof record.channel !== "string") return null;
  return {
    event: record.event,
    channel: record.channel as string | undefined,
    data: record.data,
  };
}

/** Some clients double-encode `data` as a JSON string; accept both. */
export function dataAsObject(data: unknown): Record<string, unknown> | null {
  let value = data;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  return value as Record<string, unknown>;
}

export const MAX_CHANNEL_NAME_LENGTH = 200;
export const MAX_EVENT_NAME_LENGTH = 200;
export const SERVER_TO_USER_PREFIX = "#server-to-user-";

// Same character set the official SDKs validate against.
const CHANNEL_NAME_CHARS = /^[A-Za-z0-9_\-=@,.;]+$/;
const SOCKET_ID = /^\d+\.\d+$/;

export type ChannelKind = "public" | "private" | "encrypted" | "presence" | "server-to-user";

export function channelKind(name: string): ChannelKind {
  if (name.startsWith(SERVER_TO_USER_PREFIX)) return "server-to-user";
  if (name.startsWith("presence-")) return "presence";
  if (name.startsWith("private-encrypted-")) return "encrypted";
  if (name.startsWith("private-")) return "private";
  return "public";
}

export function isValidChannelName(name: unknown): boolean {
  if (typeof name !== "string" || name.length === 0 || name.length > MAX_CHANNEL_NAME_LENGTH) {
    return false;
  }
  const body = name.startsWith(SERVER_TO_USER_PREFIX) ? name.slice(SERVER_TO_USER_PREFIX.length) : name;
  return CHANNEL_NAME_CHARS.test(body);
}

export function isValidEventName(name: unknown): name is string {
  return typeof name === "string" && name.length > 0 && name.length <= MAX_EVENT_NAME_LENGTH;
}

export function isValidSocketId(value: unknown): value is string {
  return typeof value === "string" && value.length <= 64 && SOCKET_ID.test(value);
}

import {
  SERVER_TO_USER_PREFIX,
  channelKind,
  isValidChannelName,
  isValidEventName,
  type ChannelKind,
} from "./channel-names";
import type { PresenceMember } from "./channels";
import {
  ErrorCode,
  dataAsObject,
  encodeError,
  encodeFrame,
  encodeSubscriptionError,
  type IncomingMessage,
} from "./protocol";
import { verifyChannelAuth, verifyUserAuth } from "./signatures";
import type { PusherConnection } from "./ws-connection";

export function handleSubscribe(conn: PusherConnection, data: unknown): void {
  const payload = dataAsObject(data);
  const channel = payload?.channel;
  if (!payload || typeof channel !== "string") {
    conn.send(encodeError(null, "pusher:subscribe requires a channel"));
    return;
  }
  if (!isValidChannelName(channel)) {
    conn.send(
      encodeSubscriptionError(
        channel.slice(0, 256),
        "InvalidChannel",
        "Channel names are 1-200 characters of A-Z a-z 0-9 _ - = @ , . ;",
        400,
      ),
    );
    return;
  }
  const kind = channelKind(channel);
  if (conn.channels.has(channel)) {
    // Re-subscribing is idempotent, as with Pusher; the client still expects a success event.
    sendSubscriptionSucceeded(conn, channel, kind);
    return;
  }
  if (conn.channels.size >= conn.ctx.options.maxChannelsPerConnection) {
    conn.send(encodeSubscriptionError(channel, "LimitReached", "Too many channels on this connection", 429));
    return;
  }

  const authorized = authorizeSubscription(conn, channel, kind, payload);
  if (!authorized.ok) {
    conn.send(encodeSubscriptionError(channel, authorized.type, authorized.error, authorized.status));
    return;
  }

  const result = conn.app.registry.subscribe(channel, conn, authorized.member);
  if (!result.ok) {
    conn.send(encodeSubscriptionError(channel, "LimitReached", "Presence channel member limit reached", 429));
    return;
  }
  conn.channels.add(channel);
  if (result.memberAdded) {
    const frame = encodeFrame(
      "pusher_internal:member_added",
      JSON.stringify({ user_id: result.memberAdded.userId, user_info: result.memberAdded.userInfo }),
      channel,
    );
    conn.app.registry.publish(channel, frame, conn.socketId);
  }
  sendSubscriptionSucceeded(conn, channel, kind);
}

export function handleUnsubscribe(conn: PusherConnection, data: unknown): void {
  const channel = dataAsObject(data)?.channel;
  if (typeof channel === "string" && conn.channels.has(channel)) leaveChannel(conn, channel);
}

export function leaveChannel(conn: PusherConnection, channel: string): void {
  conn.channels.delete(channel);
  const { memberRemoved } = conn.app.registry.unsubscribe(channel, conn.socketId);
  if (memberRemoved !== null) {
    const frame = encodeFrame("pusher_internal:member_removed", JSON.stringify({ user_id: memberRemoved }), channel);
    conn.app.registry.publish(channel, frame);
  }
}

export function handleClientEvent(conn: PusherConnection, message: IncomingMessage): void {
  const { options, stats } = conn.ctx;
  const channel = message.channel;
  if (channel === undefined || !conn.channels.has(channel)) {
    conn.send(encodeError(null, "Client event rejected - not subscribed to the channel"));
    return;
  }
  const kind = channelKind(channel);
  if (kind !== "private" && kind !== "presence") {
    conn.send(encodeError(null, "Client event rejected - only supported on private and presence channels"));
    return;
  }
  // Off unless the app named the channel: otherwise any subscriber could forge app events
  // (e.g. a server's socket sending `client-table.changed` to a manager's floor screen).
  if (!options.clientEventsAllowed(channel)) {
    conn.send(encodeError(null, "Client event rejected - client events are not enabled for this channel"));
    return;
  }
  if (!isValidEventName(message.event)) {
    conn.send(encodeError(null, "Client event rejected - event name too long"));
    return;
  }
  const encodedData = JSON.stringify(message.data ?? null);
  if (Buffer.byteLength(encodedData, "utf8") > options.maxEventBytes) {
    conn.send(encodeError(null, `Client event rejected - data exceeds ${options.maxEventBytes} bytes`));
    return;
  }
  if (!conn.takeClientEventToken()) {
    conn.send(encodeError(ErrorCode.clientEventRateLimit, "Client event rejected due to rate limit"));
    return;
  }
  const userId = kind === "presence" ? conn.app.registry.userIdOf(channel, conn.socketId) : undefined;
  const frame = encodeFrame(message.event, message.data ?? null, channel, userId);
  stats.clientEventsRelayed += 1;
  stats.messagesDelivered += conn.app.registry.publish(channel, frame, conn.socketId);
}

export function handleSignin(conn: PusherConnection, data: unknown): void {
  const payload = dataAsObject(data);
  const userData = payload?.user_data;
  const userId = typeof userData === "string" ? parseUserId(userData) : null;
  if (
    typeof userData !== "string" ||
    userId === null ||
    !verifyUserAuth(conn.app.app, payload?.auth, conn.socketId, userData)
  ) {
    // Pusher treats a failed sign-in as fatal for the connection (4009 = unauthorized).
    conn.send(encodeError(ErrorCode.unauthorized, "Invalid signin: signature or user_data rejected"));
    conn.close(ErrorCode.unauthorized, "Unauthorized");
    return;
  }
  conn.signedIn(userId);
  conn.send(encodeFrame("pusher:signin_success", JSON.stringify({ user_data: userData })));
}

type AuthorizationResult =
  { ok: true; member?: PresenceMember } | { ok: false; type: string; error: string; status: number };

function authorizeSubscription(
  conn: PusherConnection,
  channel: string,
  kind: ChannelKind,
  payload: Record<string, unknown>,
): AuthorizationResult {
  const { app } = conn.app;
  switch (kind) {
    case "public":
      return { ok: true };
    case "server-to-user":
      return conn.userId !== null && channel === SERVER_TO_USER_PREFIX + conn.userId
        ? { ok: true }
        : { ok: false, type: "AuthError", error: "Sign in as this user before subscribing", status: 403 };
    case "private":
    case "encrypted":
      return verifyChannelAuth(app, payload.auth, conn.socketId, channel)
        ? { ok: true }
        : { ok: false, type: "AuthError", error: "Invalid signature", status: 401 };
    case "presence": {
      const channelData = payload.channel_data;
      if (typeof channelData !== "string") {
        return { ok: false, type: "AuthError", error: "Presence channels require channel_data", status: 401 };
      }
      if (!verifyChannelAuth(app, payload.auth, conn.socketId, channel, channelData)) {
        return { ok: false, type: "AuthError", error: "Invalid signature", status: 401 };
      }
      return parsePresenceMember(channelData, conn.ctx.options.maxUserInfoBytes);
    }
  }
}

function parsePresenceMember(channelData: string, maxUserInfoBytes: number): AuthorizationResult {
  const parsed = dataAsObject(channelData);
  const rawId = parsed?.user_id;
  const userId = typeof rawId === "number" && Number.isFinite(rawId) ? String(rawId) : rawId;
  if (typeof userId !== "string" || userId === "" || userId.length > 128) {
    return {
      ok: false,
      type: "InvalidChannelData",
      error: "channel_data.user_id must be a non-empty string",
      status: 400,
    };
  }
  const userInfo = parsed?.user_info ?? null;
  if (Buffer.byteLength(JSON.stringify(userInfo), "utf8") > maxUserInfoBytes) {
    return { ok: false, type: "LimitReached", error: `user_info exceeds ${maxUserInfoBytes} bytes`, status: 413 };
  }
  return { ok: true, member: { userId, userInfo } };
}

function parseUserId(userData: string): string | null {
  const id = dataAsObject(userData)?.id;
  return typeof id === "string" && id !== "" && id.length <= 128 ? id : null;
}

function sendSubscriptionSucceeded(conn: PusherConnection, channel: string, kind: ChannelKind): void {
  const data = kind === "presence" ? { presence: conn.app.registry.presenceData(channel) } : {};
  conn.send(encodeFrame("pusher_internal:subscription_succeeded", JSON.stringify(data), channel));
}

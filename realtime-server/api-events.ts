import type { AppState, StatsCounters } from "./app-state";
import { channelKind, isValidChannelName, isValidEventName, isValidSocketId } from "./channel-names";
import { HttpError } from "./http-utils";
import type { ResolvedOptions } from "./options";
import { encodeFrame } from "./protocol";

export interface ApiEvent {
  name: string;
  data: string;
  channels: string[];
  socketId: string | undefined;
  info: string[];
}

type Limits = Pick<ResolvedOptions, "maxEventBytes" | "maxChannelsPerEvent" | "maxBatchSize">;

/** Body of `POST /apps/:id/events`: `{name, data, channels | channel, socket_id?, info?}`. */
export function parseTriggerBody(body: Record<string, unknown>, limits: Limits): ApiEvent {
  let channels: unknown;
  if (body.channels !== undefined) channels = body.channels;
  else if (body.channel !== undefined) channels = [body.channel];
  else throw new HttpError(400, "Missing channels");
  if (!Array.isArray(channels) || channels.length === 0) {
    throw new HttpError(400, "channels must be a non-empty array");
  }
  if (channels.length > limits.maxChannelsPerEvent) {
    throw new HttpError(400, `Cannot trigger on more than ${limits.maxChannelsPerEvent} channels`);
  }
  return parseEvent(body, channels, limits);
}

/** Body of `POST /apps/:id/batch_events`: `{batch: [{name, data, channel, socket_id?, info?}]}`. */
export function parseBatchBody(body: Record<string, unknown>, limits: Limits): ApiEvent[] {
  const batch = body.batch;
  if (!Array.isArray(batch) || batch.length === 0) throw new HttpError(400, "batch must be a non-empty array");
  if (batch.length > limits.maxBatchSize) {
    throw new HttpError(400, `Batch cannot contain more than ${limits.maxBatchSize} events`);
  }
  return batch.map((item: unknown, index) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      throw new HttpError(400, `batch[${index}] must be an object`);
    }
    const event = item as Record<string, unknown>;
    return parseEvent(event, [event.channel], limits);
  });
}

function parseEvent(raw: Record<string, unknown>, channels: unknown[], limits: Limits): ApiEvent {
  if (!isValidEventName(raw.name)) throw new HttpError(400, "name must be a string of 1-200 characters");
  for (const channel of channels) {
    if (!isValidChannelName(channel))
      throw new HttpError(400, `Invalid channel name: ${String(channel).slice(0, 256)}`);
  }
  if (raw.data === undefined) throw new HttpError(400, "Missing data");
  // The SDK always sends a string; tolerate raw JSON from hand-written clients.
  const data = typeof raw.data === "string" ? raw.data : JSON.stringify(raw.data);
  if (Buffer.byteLength(data, "utf8") > limits.maxEventBytes) {
    throw new HttpError(413, `Event data exceeds ${limits.maxEventBytes} bytes`);
  }
  if (raw.socket_id !== undefined && !isValidSocketId(raw.socket_id)) {
    throw new HttpError(400, "Invalid socket_id");
  }
  if (raw.info !== undefined && typeof raw.info !== "string") throw new HttpError(400, "info must be a string");
  return {
    name: raw.name,
    data,
    channels: channels as string[],
    socketId: raw.socket_id as string | undefined,
    info: parseInfo(raw.info as string | undefined),
  };
}

export function parseInfo(info: string | undefined): string[] {
  return info
    ? info
        .split(",")
        .map((attribute) => attribute.trim())
        .filter(Boolean)
    : [];
}

export function publishEvent(app: AppState, event: ApiEvent, stats: StatsCounters): void {
  for (const channel of event.channels) {
    const frame = encodeFrame(event.name, event.data, channel);
    stats.eventsPublished += 1;
    stats.messagesDelivered += app.registry.publish(channel, frame, event.socketId);
  }
}

/** The optional per-channel attributes Pusher returns when `info` is requested. */
export function channelAttributes(app: AppState, channel: string, info: readonly string[]): Record<string, number> {
  const attributes: Record<string, number> = {};
  if (info.includes("subscription_count")) attributes.subscription_count = app.registry.subscriptionCount(channel);
  if (info.includes("user_count") && channelKind(channel) === "presence") {
    attributes.user_count = app.registry.userCount(channel);
  }
  return attributes;
}

import type { IncomingMessage, ServerResponse } from "node:http";
import { channelAttributes, parseBatchBody, parseInfo, parseTriggerBody, publishEvent } from "./api-events";
import type { AppState, ServerContext } from "./app-state";
import { channelKind, isValidChannelName } from "./channel-names";
import { HttpError, parseJsonObject, parseQuery, readBody, sendJson, sendText } from "./http-utils";
import { ErrorCode } from "./protocol";
import { verifyRestRequest } from "./signatures";

interface ApiRequest {
  app: AppState;
  params: Record<string, string>;
  body: Buffer;
  ctx: ServerContext;
}

interface Route {
  method: "GET" | "POST";
  pattern: RegExp;
  handle(request: ApiRequest, match: string[]): unknown;
}

const ROUTES: Route[] = [
  { method: "POST", pattern: /^\/events$/, handle: triggerEvent },
  { method: "POST", pattern: /^\/batch_events$/, handle: triggerBatch },
  { method: "GET", pattern: /^\/channels$/, handle: listChannels },
  { method: "GET", pattern: /^\/channels\/([^/]+)$/, handle: getChannel },
  { method: "GET", pattern: /^\/channels\/([^/]+)\/users$/, handle: getChannelUsers },
  { method: "POST", pattern: /^\/users\/([^/]+)\/terminate_connections$/, handle: terminateUserConnections },
];

export async function handleHttpRequest(req: IncomingMessage, res: ServerResponse, ctx: ServerContext): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  const rawUrl = req.url ?? "/";
  const queryStart = rawUrl.indexOf("?");
  const rawPath = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? "" : rawUrl.slice(queryStart + 1);

  if (rawPath === "/health" && (method === "GET" || method === "HEAD")) {
    sendJson(res, 200, { ok: true });
    return;
  }
  if (rawPath === "/stats" && method === "GET") {
    sendJson(res, 200, ctx.stats.snapshot(ctx.appsById.values()));
    return;
  }

  const appMatch = /^\/apps\/([^/]+)(\/.*)$/.exec(rawPath);
  if (!appMatch) {
    sendText(res, 404, "Not found");
    return;
  }
  ctx.stats.apiRequests += 1;
  try {
    const app = ctx.appsById.get(decodeSegment(appMatch[1] ?? ""));
    if (!app) throw new HttpError(404, "Unknown app id");
    const { route, match } = findRoute(method, appMatch[2] ?? "");
    const body = await readBody(req, ctx.options.maxHttpBodyBytes);
    const params = parseQuery(rawQuery);
    if (!params) throw new HttpError(400, "Malformed query string");
    authenticate(app, method, rawPath, params, body, ctx);
    const result = route.handle({ app, params, body, ctx }, match);
    sendJson(res, 200, result);
  } catch (error) {
    ctx.stats.apiRequestsRejected += 1;
    if (error instanceof HttpError) {
      sendText(res, error.status, error.message);
      return;
    }
    ctx.options.logger.error("http api failure", { path: rawPath, error: String(error) });
    sendText(res, 500, "Internal server error");
  }
}

function findRoute(method: string, subPath: string): { route: Route; match: string[] } {
  let methodMismatch = false;
  for (const route of ROUTES) {
    const match = route.pattern.exec(subPath);
    if (!match) continue;
    if (route.method === method) return { route, match: match.slice(1).map((part) => decodeSegment(part)) };
    methodMismatch = true;
  }
  throw methodMismatch ? new HttpError(405, "Method not allowed") : new HttpError(404, "Not found");
}

function authenticate(
  app: AppState,
  method: string,
  rawPath: string,
  params: Record<string, string>,
  body: Buffer,
  ctx: ServerContext,
): void {
  // Signers differ on whether they escape path characters, so accept either form.
  const decodedPath = safeDecodeURI(rawPath);
  const paths = decodedPath !== null && decodedPath !== rawPath ? [rawPath, decodedPath] : [rawPath];
  const result = verifyRestRequest({
    app: app.app,
    method,
    paths,
    params,
    body,
    nowSeconds: Math.floor(Date.now() / 1000),
    maxSkewSeconds: ctx.options.maxTimestampSkewSeconds,
  });
  if (!result.ok) throw new HttpError(401, result.reason);
}

function triggerEvent({ app, body, ctx }: ApiRequest): unknown {
  const event = parseTriggerBody(parseJsonObject(body), ctx.options);
  publishEvent(app, event, ctx.stats);
  if (event.info.length === 0) return {};
  const channels: Record<string, Record<string, number>> = {};
  for (const channel of event.channels) channels[channel] = channelAttributes(app, channel, event.info);
  return { channels };
}

function triggerBatch({ app, body, ctx }: ApiRequest): unknown {
  const events = parseBatchBody(parseJsonObject(body), ctx.options);
  for (const event of events) publishEvent(app, event, ctx.stats);
  if (events.every((event) => event.info.length === 0)) return {};
  return { batch: events.map((event) => channelAttributes(app, event.channels[0] ?? "", event.info)) };
}

function listChannels({ app, params }: ApiRequest): unknown {
  const prefix = params.filter_by_prefix ?? "";
  const info = parseInfo(params.info);
  if (info.includes("user_count") && !prefix.startsWith("presence-")) {
    throw new HttpError(400, "user_count may only be requested with filter_by_prefix=presence-");
  }
  const channels: Record<string, Record<string, number>> = {};
  for (const name of app.registry.occupiedChannels(prefix)) {
    // Server-to-user channels are internal plumbing; Pusher does not list them either.
    if (channelKind(name) === "server-to-user") continue;
    channels[name] = channelAttributes(app, name, info);
  }
  return { channels };
}

function getChannel({ app, params }: ApiRequest, [channel = ""]: string[]): unknown {
  if (!isValidChannelName(channel)) throw new HttpError(400, "Invalid channel name");
  const info = parseInfo(params.info);
  const isPresence = channelKind(channel) === "presence";
  if (info.includes("user_count") && !isPresence) {
    throw new HttpError(400, "user_count is only available for presence channels");
  }
  const subscriptionCount = app.registry.subscriptionCount(channel);
  const result: Record<string, unknown> = { occupied: subscriptionCount > 0, subscription_count: subscriptionCount };
  if (isPresence && info.includes("user_count")) result.user_count = app.registry.userCount(channel);
  return result;
}

function getChannelUsers({ app }: ApiRequest, [channel = ""]: string[]): unknown {
  if (!isValidChannelName(channel) || channelKind(channel) !== "presence") {
    throw new HttpError(400, "Users can only be listed for presence channels");
  }
  return { users: app.registry.userIds(channel).map((id) => ({ id })) };
}

function terminateUserConnections({ app }: ApiRequest, [userId = ""]: string[]): unknown {
  for (const connection of app.connectionsOfUser(userId)) {
    connection.close(ErrorCode.unauthorized, "Connection terminated by the server");
  }
  return {};
}

function decodeSegment(segment: string): string {
  const decoded = safeDecodeURI(segment);
  if (decoded === null) throw new HttpError(400, "Malformed path");
  return decoded;
}

function safeDecodeURI(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

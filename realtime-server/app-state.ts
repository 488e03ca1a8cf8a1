import { ChannelRegistry } from "./channels";
import type { RealtimeApp, ResolvedOptions } from "./options";

/** What the HTTP API needs from a live WebSocket connection. */
export interface ConnectionHandle {
  readonly socketId: string;
  readonly userId: string | null;
  send(frame: string): boolean;
  close(code: number, reason: string): void;
}

export class AppState {
  readonly registry: ChannelRegistry;
  readonly connections = new Map<string, ConnectionHandle>();

  constructor(
    readonly app: RealtimeApp,
    maxPresenceMembers: number,
  ) {
    this.registry = new ChannelRegistry(maxPresenceMembers);
  }

  connectionsOfUser(userId: string): ConnectionHandle[] {
    return [...this.connections.values()].filter((connection) => connection.userId === userId);
  }
}

export interface RealtimeStats {
  uptimeSeconds: number;
  connections: number;
  channels: number;
  subscriptions: number;
  eventsPublished: number;
  messagesDelivered: number;
  clientEventsRelayed: number;
  slowConsumersDropped: number;
  apiRequests: number;
  apiRequestsRejected: number;
}

/** Monotonic counters; gauges (connections, channels) are computed from AppState on demand. */
export class StatsCounters {
  readonly startedAt = Date.now();
  eventsPublished = 0;
  messagesDelivered = 0;
  clientEventsRelayed = 0;
  slowConsumersDropped = 0;
  apiRequests = 0;
  apiRequestsRejected = 0;

  snapshot(apps: Iterable<AppState>): RealtimeStats {
    let connections = 0;
    let channels = 0;
    let subscriptions = 0;
    for (const app of apps) {
      connections += app.connections.size;
      channels += app.registry.channelCount;
      subscriptions += app.registry.subscriptionTotal;
    }
    return {
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      connections,
      channels,
      subscriptions,
      eventsPublished: this.eventsPublished,
      messagesDelivered: this.messagesDelivered,
      clientEventsRelayed: this.clientEventsRelayed,
      slowConsumersDropped: this.slowConsumersDropped,
      apiRequests: this.apiRequests,
      apiRequestsRejected: this.apiRequestsRejected,
    };
  }
}

export interface ServerContext {
  readonly options: ResolvedOptions;
  readonly appsById: ReadonlyMap<string, AppState>;
  readonly appsByKey: ReadonlyMap<string, AppState>;
  readonly stats: StatsCounters;
}

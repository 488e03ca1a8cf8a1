/** Anything that can receive pre-encoded frames; implemented by the WebSocket connection. */
export interface Subscriber {
  readonly socketId: string;
  send(frame: string): boolean;
}

export interface PresenceMember {
  userId: string;
  userInfo: unknown;
}

export interface PresenceData {
  ids: string[];
  hash: Record<string, unknown>;
  count: number;
}

interface MemberState {
  info: unknown;
  sockets: Set<string>;
}

interface ChannelState {
  subscribers: Map<string, Subscriber>;
  // Presence only: one member per user id, possibly backed by several sockets (tabs).
  members: Map<string, MemberState> | null;
  userBySocket: Map<string, string> | null;
}

export type SubscribeResult =
  { ok: true; alreadySubscribed: boolean; memberAdded: PresenceMember | null } | { ok: false; reason: "presence-full" };

export interface UnsubscribeResult {
  removed: boolean;
  memberRemoved: string | null;
}

/** In-memory channel membership for one app. Empty channels are dropped immediately. */
export class ChannelRegistry {
  private readonly channels = new Map<string, ChannelState>();

  constructor(private readonly maxPresenceMembers: number) {}

  subscribe(channel: string, subscriber: Subscriber, member?: PresenceMember): SubscribeResult {
    let state = this.channels.get(channel);
    if (state?.subscribers.has(subscriber.socketId)) {
      return { ok: true, alreadySubscribed: true, memberAdded: null };
    }

    let memberAdded: PresenceMember | null = null;
    if (member) {
      const members = state?.members;
      const existing = members?.get(member.userId);
      if (!existing && members && members.size >= this.maxPresenceMembers) {
        return { ok: false, reason: "presence-full" };
      }
      if (!existing) memberAdded = member;
    }

    if (!state) {
      state = {
        subscribers: new Map(),
        members: member ? new Map() : null,
        userBySocket: member ? new Map() : null,
      };
      this.channels.set(channel, state);
    }
    state.subscribers.set(subscriber.socketId, subscriber);

    if (member && state.members && state.userBySocket) {
      const existing = state.members.get(member.userId);
      if (existing) existing.sockets.add(subscriber.socketId);
      else state.members.set(member.userId, { info: member.userInfo, sockets: new Set([subscriber.socketId]) });
      state.userBySocket.set(subscriber.socketId, member.userId);
    }
    return { ok: true, alreadySubscribed: false, memberAdded };
  }

  unsubscribe(channel: string, socketId: string): UnsubscribeResult {
    const state = this.channels.get(channel);
    if (!state || !state.subscribers.delete(socketId)) return { removed: false, memberRemoved: null };

    let memberRemoved: string | null = null;
    const userId = state.userBySocket?.get(socketId);
    if (userId !== undefined && state.members && state.userBySocket) {
      state.userBySocket.delete(socketId);
      const member = state.members.get(userId);
      member?.sockets.delete(socketId);
      if (member && member.sockets.size === 0) {
        state.members.delete(userId);
        memberRemoved = userId;
      }
    }
    if (state.subscribers.size === 0) this.channels.delete(channel);
    return { removed: true, memberRemoved };
  }

  /** Sends one pre-encoded frame to every subscriber except `exceptSocketId`; returns deliveries. */
  publish(channel: string, frame: string, exceptSocketId?: string): number {
    const state = this.channels.get(channel);
    if (!state) return 0;
    let delivered = 0;
    // Copy first: a slow-consumer send may close the socket and mutate the map mid-iteration.
    for (const subscriber of [...state.subscribers.values()]) {
      if (subscriber.socketId === exceptSocketId) continue;
      if (subscriber.send(frame)) delivered += 1;
    }
    return delivered;
  }

  isSubscribed(channel: string, socketId: string): boolean {
    return this.channels.get(channel)?.subscribers.has(socketId) ?? false;
  }

  userIdOf(channel: string, socketId: string): string | undefined {
    return this.channels.get(channel)?.userBySocket?.get(socketId);
  }

  subscriptionCount(channel: string): number {
    return this.channels.get(channel)?.subscribers.size ?? 0;
  }

  userCount(channel: string): number {
    return this.channels.get(channel)?.members?.size ?? 0;
  }

  userIds(channel: string): string[] {
    return [...(this.channels.get(channel)?.members?.keys() ?? [])];
  }

  presenceData(channel: string): PresenceData {
    const members = this.channels.get(channel)?.members ?? new Map<string, MemberState>();
    const hash: Record<string, unknown> = {};
    for (const [id, member] of members) hash[id] = member.info ?? null;
    return { ids: [...members.keys()], hash, count: members.size };
  }

  occupiedChannels(prefix = ""): string[] {
    return [...this.channels.keys()].filter((name) => name.startsWith(prefix));
  }

  get channelCount(): number {
    return this.channels.size;
  }

  get subscriptionTotal(): number {
    let total = 0;
    for (const state of this.channels.values()) total += state.subscribers.size;
    return total;
  }
}

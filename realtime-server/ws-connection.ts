import { WebSocket, type RawData } from "ws";
import type { AppState, ConnectionHandle, ServerContext } from "./app-state";
import { handleClientEvent, handleSignin, handleSubscribe, handleUnsubscribe, leaveChannel } from "./client-messages";
import { ErrorCode, decodeMessage, encodeError, encodeFrame } from "./protocol";

const FORCE_CLOSE_AFTER_MS = 2_000;

/** One Pusher protocol connection: handshake, activity checks, message dispatch and cleanup. */
export class PusherConnection implements ConnectionHandle {
  readonly channels = new Set<string>();
  userId: string | null = null;

  private lastActivityAt = Date.now();
  private pingSentAt: number | null = null;
  private activityTimer: NodeJS.Timeout | null = null;
  private signinTimer: NodeJS.Timeout | null = null;
  private forceCloseTimer: NodeJS.Timeout | null = null;
  private closing = false;
  private cleanedUp = false;
  private rateWindowStart = 0;
  private rateWindowCount = 0;

  constructor(
    private readonly ws: WebSocket,
    readonly socketId: string,
    readonly app: AppState,
    readonly ctx: ServerContext,
  ) {}

  start(): void {
    this.app.connections.set(this.socketId, this);
    this.ws.on("message", (raw, isBinary) => this.onMessage(raw, isBinary));
    this.ws.on("pong", () => this.markActive());
    this.ws.on("close", () => this.cleanup());
    this.ws.on("error", (error) => {
      this.ctx.options.logger.debug("websocket error", { socketId: this.socketId, error: error.message });
    });
    this.send(
      encodeFrame(
        "pusher:connection_established",
        JSON.stringify({ socket_id: this.socketId, activity_timeout: this.ctx.options.activityTimeout }),
      ),
    );
    this.scheduleActivityCheck(this.ctx.options.idleTimeoutMs);
    if (this.ctx.options.signinTimeoutMs > 0) {
      this.signinTimer = setTimeout(() => {
        this.send(encodeError(ErrorCode.unauthorized, "Connection not signed in in time"));
        this.close(ErrorCode.unauthorized, "Unauthorized");
      }, this.ctx.options.signinTimeoutMs);
      this.signinTimer.unref();
    }
  }

  /** After a valid pusher:signin: the socket now belongs to `userId` (terminate_connections). */
  signedIn(userId: string): void {
    this.userId = userId;
    if (this.signinTimer) clearTimeout(this.signinTimer);
    this.signinTimer = null;
  }

  send(frame: string): boolean {
    if (this.closing || this.ws.readyState !== WebSocket.OPEN) return false;
    if (this.ws.bufferedAmount > this.ctx.options.maxSocketBufferBytes) {
      // A close frame would queue behind the backlog, so cut the socket to free memory now.
      this.ctx.stats.slowConsumersDropped += 1;
      this.ctx.options.logger.warn("dropping slow consumer", {
        socketId: this.socketId,
        bufferedBytes: this.ws.bufferedAmount,
      });
      this.closing = true;
      this.ws.terminate();
      return false;
    }
    this.ws.send(frame);
    return true;
  }

  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.ws.close(code, reason);
    this.forceCloseTimer = setTimeout(() => this.ws.terminate(), FORCE_CLOSE_AFTER_MS);
    this.forceCloseTimer.unref();
  }

  /** Fixed one-second window; Pusher's documented limit is per connection per second. */
  takeClientEventToken(): boolean {
    const now = Date.now();
    if (now - this.rateWindowStart >= 1000) {
      this.rateWindowStart = now;
      this.rateWindowCount = 0;
    }
    this.rateWindowCount += 1;
    return this.rateWindowCount <= this.ctx.options.clientEventsPerSecond;
  }

  private onMessage(raw: RawData, isBinary: boolean): void {
    this.markActive();
    const message = isBinary ? null : decodeMessage(rawDataToString(raw));
    if (!message) {
      this.send(encodeError(null, "Invalid message: expected a JSON object with an `event` string"));
      return;
    }
    switch (message.event) {
      case "pusher:ping":
        this.send(encodeFrame("pusher:pong", "{}"));
        return;
      case "pusher:pong":
        return;
      case "pusher:subscribe":
        handleSubscribe(this, message.data);
        return;
      case "pusher:unsubscribe":
        handleUnsubscribe(this, message.data);
        return;
      case "pusher:signin":
        handleSignin(this, message.data);
        return;
      default:
        if (message.event.startsWith("client-")) handleClientEvent(this, message);
        else this.ctx.options.logger.debug("ignoring unknown event", { socketId: this.socketId, event: message.event });
    }
  }

  private markActive(): void {
    this.lastActivityAt = Date.now();
    this.pingSentAt = null;
  }

  private scheduleActivityCheck(delayMs: number): void {
    this.activityTimer = setTimeout(() => this.checkActivity(), Math.max(delayMs, 10));
    this.activityTimer.unref();
  }

  private checkActivity(): void {
    if (this.closing) return;
    if (this.pingSentAt !== null) {
      this.close(ErrorCode.pongNotReceived, "Pong reply not received");
      return;
    }
    const idleMs = Date.now() - this.lastActivityAt;
    if (idleMs < this.ctx.options.idleTimeoutMs) {
      this.scheduleActivityCheck(this.ctx.options.idleTimeoutMs - idleMs);
      return;
    }
    this.pingSentAt = Date.now();
    this.send(encodeFrame("pusher:ping", "{}"));
    this.scheduleActivityCheck(this.ctx.options.pongTimeoutMs);
  }

  private cleanup(): void {
    if (this.cleanedUp) return;
    this.cleanedUp = true;
    this.closing = true;
    if (this.activityTimer) clearTimeout(this.activityTimer);
    if (this.signinTimer) clearTimeout(this.signinTimer);
    if (this.forceCloseTimer) clearTimeout(this.forceCloseTimer);
    for (const channel of [...this.channels]) leaveChannel(this, channel);
    this.app.connections.delete(this.socketId);
  }
}

function rawDataToString(raw: RawData): string {
  if (Buffer.isBuffer(raw)) return raw.toString("utf8");
  if (Array.isArray(raw)) return Buffer.concat(raw).toString("utf8");
  return Buffer.from(raw).toString("utf8");
}

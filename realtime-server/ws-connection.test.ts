import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { AppState, StatsCounters, type ServerContext } from "./app-state";
import { resolveOptions } from "./options";
import { TEST_APP } from "./test-support";
import { PusherConnection } from "./ws-connection";

/** Stand-in for a socket whose peer stopped reading: its outbound buffer never drains. */
class StalledSocket extends EventEmitter {
  readyState: number = WebSocket.OPEN;
  bufferedAmount = 0;
  sent: string[] = [];
  terminated = false;

  send(frame: string): void {
    this.sent.push(frame);
    this.bufferedAmount += frame.length;
  }

  terminate(): void {
    this.terminated = true;
    this.readyState = WebSocket.CLOSED;
    this.emit("close", 1006, Buffer.alloc(0));
  }

  close(): void {
    this.terminate();
  }
}

function setup() {
  const options = resolveOptions({ apps: [TEST_APP], maxSocketBufferBytes: 1_000 });
  const app = new AppState(TEST_APP, options.maxPresenceMembers);
  const ctx: ServerContext = {
    options,
    appsById: new Map([[TEST_APP.id, app]]),
    appsByKey: new Map([[TEST_APP.key, app]]),
    stats: new StatsCounters(),
  };
  const socket = new StalledSocket();
  const connection = new PusherConnection(socket as unknown as WebSocket, "1.1", app, ctx);
  connection.start();
  return { app, ctx, socket, connection };
}

describe("PusherConnection", () => {
  it("drops a slow consumer once its send buffer exceeds the limit", () => {
    const { app, ctx, socket, connection } = setup();
    socket.emit(
      "message",
      Buffer.from(JSON.stringify({ event: "pusher:subscribe", data: { channel: "orders" } })),
      false,
    );
    expect(app.registry.subscriptionCount("orders")).toBe(1);

    const frame = "x".repeat(400);
    let delivered = 0;
    while (connection.send(frame)) delivered += 1;

    expect(delivered).toBeLessThanOrEqual(3);
    expect(socket.terminated).toBe(true);
    expect(ctx.stats.slowConsumersDropped).toBe(1);
    expect(app.connections.size).toBe(0);
    expect(app.registry.subscriptionCount("orders")).toBe(0);
  });
});

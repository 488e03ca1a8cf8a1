import { describe, expect, it } from "vitest";
import { ChannelRegistry, type Subscriber } from "./channels";

function subscriber(socketId: string): Subscriber & { frames: string[] } {
  const frames: string[] = [];
  return { socketId, frames, send: (frame) => frames.push(frame) > 0 };
}

describe("ChannelRegistry", () => {
  it("publishes to every subscriber except the excluded socket and drops empty channels", () => {
    const registry = new ChannelRegistry(100);
    const a = subscriber("1.1");
    const b = subscriber("2.2");
    registry.subscribe("orders", a);
    registry.subscribe("orders", b);
    expect(registry.publish("orders", "frame", "1.1")).toBe(1);
    expect(a.frames).toEqual([]);
    expect(b.frames).toEqual(["frame"]);

    registry.unsubscribe("orders", "1.1");
    registry.unsubscribe("orders", "2.2");
    expect(registry.occupiedChannels()).toEqual([]);
  });

  it("tracks presence members per user across sockets", () => {
    const registry = new ChannelRegistry(100);
    const first = registry.subscribe("presence-x", subscriber("1.1"), { userId: "u", userInfo: { n: 1 } });
    const second = registry.subscribe("presence-x", subscriber("2.2"), { userId: "u", userInfo: { n: 1 } });
    expect(first).toMatchObject({ ok: true, memberAdded: { userId: "u" } });
    expect(second).toMatchObject({ ok: true, memberAdded: null });
    expect(registry.presenceData("presence-x")).toEqual({ ids: ["u"], hash: { u: { n: 1 } }, count: 1 });
    expect(registry.unsubscribe("presence-x", "1.1").memberRemoved).toBeNull();
    expect(registry.unsubscribe("presence-x", "2.2").memberRemoved).toBe("u");
  });

  it("enforces the presence member limit for new users only", () => {
    const registry = new ChannelRegistry(1);
    registry.subscribe("presence-x", subscriber("1.1"), { userId: "u", userInfo: null });
    expect(registry.subscribe("presence-x", subscriber("2.2"), { userId: "v", userInfo: null })).toEqual({
      ok: false,
      reason: "presence-full",
    });
    expect(registry.subscribe("presence-x", subscriber("3.3"), { userId: "u", userInfo: null }).ok).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { appsFromEnv, channelMatcher, resolveOptions } from "./options";

describe("appsFromEnv", () => {
  it("reads a single app from PUSHER_* variables", () => {
    expect(appsFromEnv({ PUSHER_APP_ID: "1", PUSHER_KEY: "k", PUSHER_SECRET: "s" })).toEqual([
      { id: "1", key: "k", secret: "s" },
    ]);
    expect(appsFromEnv({ PUSHER_APP_ID: "1", PUSHER_KEY: "k" })).toEqual([]);
  });

  it("prefers REALTIME_APPS and validates it", () => {
    const apps = [
      { id: "a", key: "ka", secret: "sa" },
      { id: "b", key: "kb", secret: "sb" },
    ];
    expect(appsFromEnv({ REALTIME_APPS: JSON.stringify(apps), PUSHER_APP_ID: "x" })).toEqual(apps);
    expect(() => appsFromEnv({ REALTIME_APPS: '[{"id":"a"}]' })).toThrow(/REALTIME_APPS/);
  });

  it("rejects duplicate app keys", () => {
    const duplicate = { id: "a", key: "k", secret: "s" };
    expect(() => resolveOptions({ apps: [duplicate, { ...duplicate, id: "b" }] })).toThrow(/unique/);
  });
});

describe("client events", () => {
  it("are off by default", () => {
    const { clientEventsAllowed } = resolveOptions({ apps: [{ id: "a", key: "k", secret: "s" }] });
    expect(clientEventsAllowed("private-chat")).toBe(false);
    expect(clientEventsAllowed("private-loc-1-floor")).toBe(false);
  });

  it("are on only for the channels named, by exact name or * pattern", () => {
    const allowed = channelMatcher(["private-chat", "presence-room-*"]);
    expect(allowed("private-chat")).toBe(true);
    expect(allowed("private-chatter")).toBe(false);
    expect(allowed("presence-room-7")).toBe(true);
    expect(allowed("private-loc-1-floor")).toBe(false);
    // Pattern characters other than * are literal.
    expect(channelMatcher(["private-a.b"])("private-aXb")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { isValidChannelName } from "./channel-names";

describe("channel names", () => {
  it("accepts Pusher's character set up to 200 characters", () => {
    expect(isValidChannelName("private-a_b-c=d@e,f.g;h")).toBe(true);
    expect(isValidChannelName("a".repeat(200))).toBe(true);
    expect(isValidChannelName("a".repeat(201))).toBe(false);
    expect(isValidChannelName("")).toBe(false);
    expect(isValidChannelName("has space")).toBe(false);
    expect(isValidChannelName("#server-to-user-42")).toBe(true);
    expect(isValidChannelName("#other")).toBe(false);
  });
});

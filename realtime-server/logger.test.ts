import { describe, expect, it } from "vitest";
import { createJsonLogger } from "./logger";

describe("createJsonLogger", () => {
  it("writes one JSON object per line and honours the level", () => {
    const lines: string[] = [];
    const logger = createJsonLogger("info", (line) => lines.push(line));
    logger.debug("hidden");
    logger.info("listening", { port: 6001 });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith("\n")).toBe(true);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      level: "info",
      msg: "listening",
      port: 6001,
      time: expect.any(String),
    });
  });
});

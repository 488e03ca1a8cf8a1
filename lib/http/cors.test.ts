import { describe, expect, it } from "vitest";
import { corsHeaders, parseAllowedOrigins } from "./cors";

describe("CORS for /api/v1", () => {
  const allowed = parseAllowedOrigins(" https://pos.example.com/ ,http://localhost:5173,not a url");

  it("normalises the listed origins and drops junk", () => {
    expect(allowed).toEqual(["https://pos.example.com", "http://localhost:5173"]);
    expect(parseAllowedOrigins(undefined)).toEqual([]);
  });

  it("answers a listed origin's preflight, never with credentials", () => {
    const h = corsHeaders("https://pos.example.com", true, allowed);
    expect(h["Access-Control-Allow-Origin"]).toBe("https://pos.example.com");
    expect(h["Access-Control-Allow-Headers"]).toContain("authorization");
    expect(h["Access-Control-Allow-Credentials"]).toBeUndefined();
    expect(h.Vary).toBe("Origin");
  });

  it("gives an unlisted origin (or a look-alike) nothing but Vary", () => {
    expect(corsHeaders("https://evil.example.com", true, allowed)).toEqual({ Vary: "Origin" });
    expect(corsHeaders("https://pos.example.com.evil.com", false, allowed)).toEqual({ Vary: "Origin" });
    expect(corsHeaders(null, false, allowed)).toEqual({ Vary: "Origin" });
  });
});

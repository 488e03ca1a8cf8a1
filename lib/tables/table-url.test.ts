import { afterEach, describe, expect, it, vi } from "vitest";
import { publicBaseUrl, tableGuestUrl } from "./table-url";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("table guest URL", () => {
  it("is the public base (NEXTAUTH_URL) followed by /t/<token>", () => {
    const token = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo";
    expect(tableGuestUrl(token, publicBaseUrl({ NEXTAUTH_URL: "https://bistro.example.com" }))).toBe(
      `https://bistro.example.com/t/${token}`,
    );
  });

  it("keeps a base path and drops trailing slashes", () => {
    expect(tableGuestUrl("abc_-XYZ", publicBaseUrl({ NEXTAUTH_URL: "https://example.com/pos/" }))).toBe(
      "https://example.com/pos/t/abc_-XYZ",
    );
  });

  it("reads NEXTAUTH_URL from the environment by default", async () => {
    vi.stubEnv("DATABASE_URL", "postgresql://u@localhost:5432/db");
    vi.stubEnv("NEXTAUTH_URL", "https://tables.example.org");
    const fresh = await import("./table-url");
    expect(fresh.tableGuestUrl("tok")).toBe("https://tables.example.org/t/tok");
  });
});

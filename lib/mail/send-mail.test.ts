import { afterEach, describe, expect, it, vi } from "vitest";

describe("sendMail without SMTP_URL", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it("prints the message, link included, under a development mail label", async () => {
    vi.stubEnv("DATABASE_URL", "postgresql://u@h:5432/db");
    vi.stubEnv("SMTP_URL", "");
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const { sendMail } = await import("./send-mail");
    await sendMail({ to: "sam@example.test", subject: "Reset", text: "Open http://localhost/reset-password/abc" });
    const printed = out.mock.calls.map((c) => String(c[0])).join("");
    expect(printed).toMatch(/development mail/);
    expect(printed).toContain("To: sam@example.test");
    expect(printed).toContain("http://localhost/reset-password/abc");
    vi.unstubAllEnvs();
  });
});

import { describe, expect, it } from "vitest";
import { isPrivateAddress, privateTargetRefusal, webhookUrlSchema } from "./url-policy";

describe("webhook URL policy", () => {
  it("accepts http(s) URLs only, without credentials", () => {
    expect(webhookUrlSchema.safeParse("https://example.com/hooks").success).toBe(true);
    expect(webhookUrlSchema.safeParse("http://example.com:8080/x?y=1").success).toBe(true);
    for (const bad of ["example.com/hooks", "ftp://example.com", "javascript:alert(1)", "https://a:b@example.com", ""])
      expect(webhookUrlSchema.safeParse(bad).success, bad).toBe(false);
  });

  it("knows private, loopback, link-local and mapped addresses", () => {
    for (const ip of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.10",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
    ])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "172.32.0.1"])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it("refuses private targets unless allowed (no DNS needed for literals and localhost)", async () => {
    expect(await privateTargetRefusal("http://127.0.0.1:9000/x", false)).toMatch(/Private/);
    expect(await privateTargetRefusal("http://[::1]/x", false)).toMatch(/Private/);
    expect(await privateTargetRefusal("http://localhost:3000/x", false)).toMatch(/Local/);
    expect(await privateTargetRefusal("http://169.254.169.254/latest/meta-data", false)).toMatch(/Private/);
    expect(await privateTargetRefusal("https://93.184.216.34/x", false)).toBeNull();
    expect(await privateTargetRefusal("http://127.0.0.1:9000/x", true)).toBeNull();
  });
});

import PusherServer from "pusher";
import { describe, expect, it } from "vitest";
import { md5Hex, restStringToSign, signChannelAuth, signUserAuth, verifyRestRequest } from "./signatures";
import { parseQuery } from "./http-utils";

const app = { key: "k3y", secret: "s3cret" };
const sdk = new PusherServer({ appId: "1", key: app.key, secret: app.secret, host: "127.0.0.1" });

describe("channel and user auth", () => {
  it("matches pusher.authorizeChannel for private and presence channels", () => {
    expect(signChannelAuth(app, "123.456", "private-a")).toBe(sdk.authorizeChannel("123.456", "private-a").auth);
    const presence = sdk.authorizeChannel("123.456", "presence-a", { user_id: "u1", user_info: { n: 1 } });
    expect(signChannelAuth(app, "123.456", "presence-a", presence.channel_data)).toBe(presence.auth);
  });

  it("matches pusher.authenticateUser", () => {
    const signed = sdk.authenticateUser("1.2", { id: "u1" });
    expect(signUserAuth(app, "1.2", signed.user_data)).toBe(signed.auth);
  });
});

describe("REST request signing", () => {
  const body = JSON.stringify({ name: "e", data: "{}", channels: ["c"] });

  function signed(params: Record<string, string> = {}, method = "POST", path = "/apps/1/events") {
    const query = sdk.createSignedQueryString({ method, path, body: method === "POST" ? body : undefined, params });
    return parseQuery(query)!;
  }

  function verify(params: Record<string, string>, overrides: Partial<Parameters<typeof verifyRestRequest>[0]> = {}) {
    return verifyRestRequest({
      app,
      method: "POST",
      paths: ["/apps/1/events"],
      params,
      body: Buffer.from(body),
      nowSeconds: Math.floor(Date.now() / 1000),
      maxSkewSeconds: 600,
      ...overrides,
    });
  }

  it("accepts the SDK's signed query string", () => {
    expect(verify(signed())).toEqual({ ok: true });
  });

  it("accepts GET requests with extra unescaped params", () => {
    const params = signed({ filter_by_prefix: "presence-", info: "user_count" }, "GET", "/apps/1/channels");
    expect(verify(params, { method: "GET", paths: ["/apps/1/channels"], body: Buffer.alloc(0) })).toEqual({ ok: true });
  });

  it("builds the string to sign with sorted keys and without auth_signature", () => {
    expect(restStringToSign("post", "/p", { b: "2", auth_signature: "x", a: "1" })).toBe("POST\n/p\na=1&b=2");
  });

  it("rejects a tampered body, path, key, version or stale timestamp", () => {
    const params = signed();
    expect(verify(params, { body: Buffer.from(body.replace("e", "f")) }).ok).toBe(false);
    expect(verify(params, { paths: ["/apps/2/events"] }).ok).toBe(false);
    expect(verify({ ...params, auth_key: "other" }).ok).toBe(false);
    expect(verify({ ...params, auth_version: "2.0" }).ok).toBe(false);
    expect(verify(params, { nowSeconds: Math.floor(Date.now() / 1000) + 601 }).ok).toBe(false);
    expect(verify({ ...params, auth_signature: "0".repeat(64) }).ok).toBe(false);
  });

  it("computes body_md5 like the SDK", () => {
    expect(signed().body_md5).toBe(md5Hex(body));
  });
});

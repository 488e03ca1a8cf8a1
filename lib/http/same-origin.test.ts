import { describe, expect, it } from "vitest";
import { crossSiteReason, isJsonContentType, ownHosts } from "./same-origin";

const OWN = ["kitchen.example"];
const h = (init: Record<string, string>) => new Headers(init);

describe("crossSiteReason", () => {
  it("lets safe methods through whatever their origin", () => {
    expect(
      crossSiteReason("GET", h({ "sec-fetch-site": "cross-site", origin: "https://evil.example" }), OWN),
    ).toBeNull();
    expect(crossSiteReason("HEAD", h({ "sec-fetch-site": "cross-site" }), OWN)).toBeNull();
  });

  it.each(["POST", "PUT", "PATCH", "DELETE", "post"])("refuses a cross-site %s", (method) => {
    expect(crossSiteReason(method, h({ "sec-fetch-site": "cross-site", origin: "https://evil.example" }), OWN)).toMatch(
      /cross-site/,
    );
  });

  it("refuses same-site (a sibling subdomain) and none", () => {
    expect(crossSiteReason("POST", h({ "sec-fetch-site": "same-site" }), OWN)).not.toBeNull();
    expect(crossSiteReason("POST", h({ "sec-fetch-site": "none" }), OWN)).not.toBeNull();
  });

  it("trusts the browser's same-origin verdict (also behind a proxy)", () => {
    expect(
      crossSiteReason("POST", h({ "sec-fetch-site": "same-origin", origin: "https://public.example" }), OWN),
    ).toBeNull();
  });

  it("falls back to Origin for browsers without Sec-Fetch-Site", () => {
    expect(crossSiteReason("POST", h({ origin: "https://kitchen.example" }), OWN)).toBeNull();
    expect(crossSiteReason("POST", h({ origin: "https://evil.example" }), OWN)).toMatch(/evil/);
    expect(crossSiteReason("POST", h({ origin: "https://kitchen.example.evil.example" }), OWN)).not.toBeNull();
    expect(crossSiteReason("POST", h({ origin: "null" }), OWN)).not.toBeNull();
  });

  it("lets non-browser clients (no Origin, no Sec-Fetch-Site) through", () => {
    expect(crossSiteReason("POST", h({}), OWN)).toBeNull();
  });
});

describe("ownHosts", () => {
  it("uses Host, and X-Forwarded-Host only behind a trusted proxy", () => {
    const headers = h({ host: "10.0.0.2:3000", "x-forwarded-host": "kitchen.example" });
    expect(ownHosts(headers, false)).toEqual(["10.0.0.2:3000"]);
    expect(ownHosts(headers, true)).toEqual(["kitchen.example"]);
    expect(ownHosts(headers, false, "https://kitchen.example")).toEqual(["10.0.0.2:3000", "kitchen.example"]);
  });
});

describe("isJsonContentType", () => {
  it.each([
    ["application/json", true],
    ["application/json; charset=utf-8", true],
    ["Application/JSON", true],
    ["application/merge-patch+json", true],
    ["text/plain", false],
    ["text/plain; x=application/json", false],
    ["application/x-www-form-urlencoded", false],
    ["multipart/form-data; boundary=x", false],
    [null, false],
  ])("%s → %s", (value, ok) => expect(isJsonContentType(value)).toBe(ok));
});

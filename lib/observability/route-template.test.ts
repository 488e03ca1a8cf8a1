import { describe, expect, it } from "vitest";
import { routeTemplate } from "./metrics";

describe("routeTemplate", () => {
  it("puts each dynamic segment's name where its value was", () => {
    expect(routeTemplate("/api/v1/orders/ck12/history", { orderId: "ck12" })).toBe("/api/v1/orders/[orderId]/history");
    expect(routeTemplate("/api/v1/orders/a/checks/b", { orderId: "a", checkId: "b" })).toBe(
      "/api/v1/orders/[orderId]/checks/[checkId]",
    );
  });

  it("matches encoded values and collapses a catch-all into one placeholder", () => {
    expect(routeTemplate("/api/wait/a%20b", { token: "a b" })).toBe("/api/wait/[token]");
    expect(routeTemplate("/api/auth/callback/credentials", { nextauth: ["callback", "credentials"] })).toBe(
      "/api/auth/[...nextauth]",
    );
  });

  it("leaves static paths alone", () => {
    expect(routeTemplate("/api/v1/menu/items", {})).toBe("/api/v1/menu/items");
  });
});

import { describe, expect, it } from "vitest";
import { requestTargetPath, webRequestFacts } from "./web-request-facts.js";

describe("requestTargetPath", () => {
  it("is Node's request-target as sent, query left off", () => {
    const resolved = new Request("http://x/users/usr_ada");
    const incoming = (url: string) => ({ url, headers: {} });
    expect(requestTargetPath(resolved, incoming("/users/../users/usr_ada?a=1"))).toBe(
      "/users/../users/usr_ada",
    );
    expect(requestTargetPath(resolved, incoming("/users/%2e%2e/me"))).toBe("/users/%2e%2e/me");
    // An absolute-form target: the Request's URL says the same path.
    expect(requestTargetPath(resolved, incoming("http://x/other"))).toBe("/users/usr_ada");
  });

  it("is the Request URL's path without Node", () => {
    expect(requestTargetPath(new Request("http://x:8080/users/caf%C3%A9?q=1#f"))).toBe("/users/caf%C3%A9");
    expect(requestTargetPath(new Request("http://x"))).toBe("/");
  });
});

describe("webRequestFacts", () => {
  it("reads the Request, or Node's headers and HTTP version where given", () => {
    const controller = new AbortController();
    const request = new Request("http://x/a?token=t", { method: "POST", signal: controller.signal });
    const facts = webRequestFacts(request);
    expect(facts).toMatchObject({ method: "POST", path: "/a", headers: request.headers });
    const aborted = facts.aborted as () => boolean;
    expect(aborted()).toBe(false);
    controller.abort();
    expect(aborted()).toBe(true);
    const headers = { accept: "text/html" };
    expect(webRequestFacts(request, { url: "/b?x", headers, httpVersionMajor: 2 })).toMatchObject({
      path: "/b",
      headers,
      httpVersionMajor: 2,
    });
  });
});

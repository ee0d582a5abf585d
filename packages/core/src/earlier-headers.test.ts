import { describe, expect, it } from "vitest";
import { keepEarlierHeaders } from "./earlier-headers.js";

const ANSWER = { "Content-Type": "application/json", "Cache-Control": "no-store", "X-Request-Id": "abc" };

describe("keepEarlierHeaders", () => {
  it("keeps what a middleware set for the client: security, CORS, rate limits, a challenge, its own", () => {
    const earlier = {
      "strict-transport-security": "max-age=15552000; includeSubDomains",
      "x-content-type-options": "nosniff",
      "x-frame-options": "SAMEORIGIN",
      "content-security-policy": "default-src 'self'",
      "referrer-policy": "no-referrer",
      "permissions-policy": "camera=()",
      "cross-origin-opener-policy": "same-origin",
      "retry-after": "30",
      ratelimit: "limit=100, remaining=0, reset=30",
      "ratelimit-policy": "100;w=60",
      "x-ratelimit-remaining": "0",
      "www-authenticate": 'Bearer realm="api"',
      "x-trace-tenant": "acme",
    };
    expect(keepEarlierHeaders({ ...ANSWER }, earlier)).toEqual({ ...earlier, ...ANSWER });
  });

  it("drops what described the failed response, the framework's banners and the connection's", () => {
    const earlier = {
      "content-language": "en",
      "content-location": "/users/1",
      "content-range": "bytes 0-1/2",
      "content-disposition": "attachment",
      "transfer-encoding": "chunked",
      trailer: "Expires",
      "last-modified": "Tue, 01 Dec 2026 00:00:00 GMT",
      "accept-ranges": "bytes",
      link: "</next>; rel=next",
      "x-powered-by": "Express",
      server: "fastify",
      connection: "keep-alive",
      "keep-alive": "timeout=5",
      upgrade: "websocket",
    };
    expect(keepEarlierHeaders({ ...ANSWER }, earlier)).toEqual(ANSWER);
  });

  it("lets the answer's own headers win whatever their case (an error's Retry-After over a limiter's)", () => {
    const answer = { ...ANSWER, "Retry-After": "60" };
    const merged = keepEarlierHeaders(answer, { "retry-after": "30", "cache-control": "public, max-age=60" });
    expect(merged).toEqual(answer);
  });

  it("drops everything the failed response had that described it, keeping Access-Control-*", () => {
    const earlier = new Headers({
      "Access-Control-Allow-Origin": "https://app.example",
      "Access-Control-Expose-Headers": "X-Request-Id",
      "Content-Encoding": "gzip",
      ETag: '"other-resource"',
      Location: "/users/usr_gone",
      "Set-Cookie": "session=1",
      "Content-Type": "text/html",
    });
    expect(keepEarlierHeaders({ ...ANSWER }, earlier)).toEqual({
      "access-control-allow-origin": "https://app.example",
      "access-control-expose-headers": "X-Request-Id",
      ...ANSWER,
    });
  });

  it("merges an earlier Vary with the answer's own instead of replacing it", () => {
    const merged = keepEarlierHeaders({ ...ANSWER, Vary: "Accept" }, { vary: "Origin" });
    expect(merged.Vary).toBe("Origin, Accept");
    expect(keepEarlierHeaders({ ...ANSWER, Vary: "Accept" }, { vary: "accept, Origin" }).Vary).toBe(
      "accept, Origin",
    );
    expect(keepEarlierHeaders({ ...ANSWER }, [["Vary", "Origin"]]).Vary).toBe("Origin");
    expect(keepEarlierHeaders({ ...ANSWER, Vary: "Accept" }, { vary: "*" }).Vary).toBe("*");
  });

  it("reads Node's getHeaders() record, arrays and numbers included", () => {
    const merged = keepEarlierHeaders(
      { ...ANSWER },
      { "access-control-max-age": 600, vary: ["Origin", "Accept-Encoding"], "content-length": 12 },
    );
    expect(merged).toEqual({
      "access-control-max-age": "600",
      ...ANSWER,
      Vary: "Origin, Accept-Encoding",
    });
  });

  it("never lets an earlier header replace one of the answer's", () => {
    const merged = keepEarlierHeaders(
      { ...ANSWER },
      { "content-type": "text/plain", "x-request-id": "stale" },
    );
    expect(merged).toEqual(ANSWER);
  });

  it("answers with the answer's headers alone when the earlier ones cannot be read", () => {
    const hostile = {
      [Symbol.iterator]() {
        throw new Error("no");
      },
    } as unknown as Headers;
    expect(keepEarlierHeaders({ ...ANSWER }, hostile)).toEqual(ANSWER);
    expect(keepEarlierHeaders({ ...ANSWER }, undefined)).toEqual(ANSWER);
  });
});

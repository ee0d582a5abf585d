import { describe, expect, it, vi } from "vitest";
import { nodeTraceId, traceIdMiddleware } from "./node-trace-id.js";

describe("nodeTraceId", () => {
  it("resolves the trace id once and keeps it on the request", () => {
    const request = { headers: {} as Record<string, string> };
    const first = nodeTraceId(request);
    request.headers["x-request-id"] = "later-id";
    expect(nodeTraceId(request)).toBe(first);
    expect(nodeTraceId({ headers: { "x-request-id": "req-7" } })).toBe("req-7");
  });

  it("leaves no enumerable property on the request", () => {
    const request = { headers: {} };
    nodeTraceId(request);
    expect(Object.keys(request)).toEqual(["headers"]);
  });
});

describe("traceIdMiddleware", () => {
  it("sets X-Request-Id to the request's trace id, then calls next", () => {
    const request = { headers: { "x-request-id": "mw-1" } };
    const setHeader = vi.fn();
    const next = vi.fn();
    traceIdMiddleware(request, { setHeader }, next);
    expect(setHeader).toHaveBeenCalledWith("X-Request-Id", "mw-1");
    expect(next).toHaveBeenCalledTimes(1);
    expect(nodeTraceId(request)).toBe("mw-1");
  });

  it("reads and keeps the id on Node's request under a framework's wrapper, and sets it on its reply", () => {
    const raw = { headers: { "x-request-id": "mw-2" } };
    const header = vi.fn();
    traceIdMiddleware({ raw }, { header }, () => {});
    expect(header).toHaveBeenCalledWith("X-Request-Id", "mw-2");
    raw.headers["x-request-id"] = "later";
    expect(nodeTraceId(raw)).toBe("mw-2");
    expect(nodeTraceId({ raw })).toBe("mw-2");
  });
});

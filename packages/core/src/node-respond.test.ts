import { describe, expect, it, vi } from "vitest";
import type { ApiError } from "./api-error.js";
import { createErrorPath } from "./error-path.js";
import { notFound } from "./factories.js";
import { respondOnNode } from "./node-respond.js";
import type { NodeResponseLike } from "./node-response.js";

function fakeResponse(headersSent: boolean) {
  const written: { status?: number; headers?: Record<string, string>; body?: string | undefined } = {};
  const destroy = vi.fn();
  const response: NodeResponseLike = {
    headersSent,
    getHeaders: () => ({}),
    getHeaderNames: () => [],
    removeHeader: () => {},
    writeHead: (status, headers) => {
      written.status = status;
      written.headers = headers;
    },
    end: (body) => {
      written.body = body;
    },
    destroy,
  };
  return { response, written, destroy };
}

function reportingPath() {
  const reports: ApiError[] = [];
  const path = createErrorPath({ report: (error) => reports.push(error) });
  return { path, reports };
}

const request = { method: "GET", path: "/x", headers: { "x-request-id": "respond-1" } };

describe("respondOnNode", () => {
  it("writes the answer on Node's response, reporting nothing for a 4xx", () => {
    const { path, reports } = reportingPath();
    const { response, written, destroy } = fakeResponse(false);
    respondOnNode(path, notFound(), request, response);
    expect(written.status).toBe(404);
    expect(written.headers?.["X-Request-Id"]).toBe("respond-1");
    expect(JSON.parse(written.body ?? "")).toMatchObject({ error: "not_found", traceId: "respond-1" });
    expect(destroy).not.toHaveBeenCalled();
    expect(reports).toEqual([]);
  });

  it("writes through the platform's own write when given one", () => {
    const { path } = reportingPath();
    const { response, written } = fakeResponse(false);
    const write = vi.fn();
    respondOnNode(path, notFound(), request, response, write);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write.mock.calls[0]?.[0]).toMatchObject({ status: 404, traceId: "respond-1" });
    expect(written).toEqual({});
  });

  it("only reports and destroys once the headers went out: no second response", () => {
    const { path, reports } = reportingPath();
    const { response, written, destroy } = fakeResponse(true);
    const thrown = new Error("S3CRET late");
    respondOnNode(path, thrown, request, response);
    expect(written).toEqual({});
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.cause).toBe(thrown);
  });

  it("reports once, with what was thrown as the cause, and destroys when the write throws", () => {
    const { path, reports } = reportingPath();
    const { response, destroy } = fakeResponse(false);
    const thrown = notFound();
    respondOnNode(path, thrown, request, response, () => {
      throw new TypeError("socket gone");
    });
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.status).toBe(500);
    const cause = reports[0]?.cause as Error;
    expect(cause.message).toContain("writing the answer failed: TypeError: socket gone");
    expect(cause.cause).toBe(thrown);
  });
});

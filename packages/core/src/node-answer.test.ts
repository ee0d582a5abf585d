import { describe, expect, it, vi } from "vitest";
import type { ApiError } from "./api-error.js";
import { createErrorPath } from "./error-path.js";
import { notFound } from "./factories.js";
import {
  type NodeReplyLike,
  type NodeResponseLike,
  nodeRequestFacts,
  respondOnNode,
  respondOnReply,
  writeNodeAnswer,
} from "./node-answer.js";

// Node's response: the headers set before, and what was written (removed headers gone).
function fakeResponse({ headers = {} as Record<string, string>, headersSent = false } = {}) {
  const written: { status?: number; headers?: Record<string, string>; body?: string | undefined } = {};
  const destroy = vi.fn();
  const response: NodeResponseLike = {
    headersSent,
    getHeaders: () => ({ ...headers }),
    getHeaderNames: () => Object.keys(headers),
    removeHeader: (name) => {
      delete headers[name];
    },
    writeHead: (status, own) => {
      written.status = status;
      written.headers = { ...headers, ...own };
    },
    end: (body) => {
      written.body = body;
    },
    destroy,
  };
  return { response, written, destroy };
}

describe("nodeRequestFacts and writeNodeAnswer", () => {
  it("write exactly the answer, none of the failed response's headers", () => {
    const { response, written } = fakeResponse({
      headers: { "content-encoding": "gzip", etag: '"x"', vary: "Origin" },
    });
    const request = { method: "GET", url: "/users/x?t=1", headers: { "x-request-id": "req-9" } };
    const answer = createErrorPath({ format: "negotiate" }).answer(
      notFound(),
      nodeRequestFacts(request, response),
    );
    writeNodeAnswer(response, answer);
    expect(written).toEqual({
      status: 404,
      headers: {
        "Content-Type": "application/json",
        "Cache-Control": "no-store",
        "X-Request-Id": "req-9",
        Vary: "Origin, Accept",
        "Content-Length": String(answer.body.length),
      },
      body: answer.body,
    });
  });
});

function reportingPath() {
  const reports: ApiError[] = [];
  const path = createErrorPath({ report: (error) => reports.push(error) });
  return { path, reports };
}

const facts = { method: "GET", path: "/x", headers: { "x-request-id": "respond-1" } };

describe("respondOnNode", () => {
  it("writes the answer on Node's response, reporting nothing for a 4xx", () => {
    const { path, reports } = reportingPath();
    const { response, written, destroy } = fakeResponse();
    respondOnNode(path, notFound(), facts, response);
    expect(written.status).toBe(404);
    expect(written.headers?.["X-Request-Id"]).toBe("respond-1");
    expect(JSON.parse(written.body ?? "")).toMatchObject({ error: "not_found", traceId: "respond-1" });
    expect(destroy).not.toHaveBeenCalled();
    expect(reports).toEqual([]);
  });

  it("writes through the platform's own write when given one", () => {
    const { path } = reportingPath();
    const { response, written } = fakeResponse();
    const write = vi.fn();
    respondOnNode(path, notFound(), facts, response, write);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write.mock.calls[0]?.[0]).toMatchObject({ status: 404, traceId: "respond-1" });
    expect(written).toEqual({});
  });

  it("only reports and destroys once the headers went out: no second response", () => {
    const { path, reports } = reportingPath();
    const { response, written, destroy } = fakeResponse({ headersSent: true });
    const thrown = new Error("S3CRET late");
    respondOnNode(path, thrown, facts, response);
    expect(written).toEqual({});
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.cause).toBe(thrown);
  });

  it("reports once, with what was thrown as the cause, and destroys when the write throws", () => {
    const { path, reports } = reportingPath();
    const { response, destroy } = fakeResponse();
    const thrown = notFound();
    respondOnNode(path, thrown, facts, response, () => {
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

// A reply in Fastify's shape: its own headers apart from Node's response's until it is sent.
function fakeReply(headersSent = false) {
  const own: Record<string, string> = { etag: '"v1"', "access-control-allow-origin": "*" };
  const raw: Record<string, string> = { "content-encoding": "gzip", vary: "Origin" };
  const sent: { status?: number; headers?: Record<string, string>; body?: string } = {};
  const destroy = vi.fn();
  const reply: NodeReplyLike = {
    raw: {
      headersSent,
      getHeaders: () => raw,
      getHeaderNames: () => Object.keys(raw),
      removeHeader: (name) => delete raw[name],
      writeHead: () => {},
      end: () => {},
      destroy,
    },
    getHeaders: () => ({ ...raw, ...own }),
    removeHeader: (name) => delete own[name],
    code: (status) => ({
      headers: (headers) => ({
        send: (body) => Object.assign(sent, { status, headers: { ...raw, ...own, ...headers }, body }),
      }),
    }),
  };
  return { reply, sent, destroy };
}

const nodeRequest = { method: "GET", url: "/x", headers: { "x-request-id": "reply-1" } };

describe("respondOnReply", () => {
  it("sends exactly the answer through the reply: what described the failed reply gone, CORS and Vary kept", () => {
    const { reply, sent } = fakeReply();
    respondOnReply(createErrorPath(), notFound(), nodeRequestFacts(nodeRequest, reply), reply);
    expect(sent.status).toBe(404);
    expect(Object.keys(sent.headers ?? {}).sort()).toEqual([
      "Cache-Control",
      "Content-Type",
      "Vary",
      "X-Request-Id",
      "access-control-allow-origin",
    ]);
    expect(sent.headers?.Vary).toBe("Origin");
    expect(JSON.parse(sent.body ?? "")).toMatchObject({ error: "not_found", traceId: "reply-1" });
  });

  it("only reports and destroys once the headers went out", () => {
    const reports: ApiError[] = [];
    const path = createErrorPath({ report: (error) => reports.push(error) });
    const { reply, sent, destroy } = fakeReply(true);
    respondOnReply(path, new Error("late"), nodeRequestFacts(nodeRequest, reply), reply);
    expect(sent).toEqual({});
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(reports).toHaveLength(1);
  });
});

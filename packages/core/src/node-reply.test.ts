import { describe, expect, it, vi } from "vitest";
import type { ApiError } from "./api-error.js";
import { createErrorPath } from "./error-path.js";
import { notFound } from "./factories.js";
import { type NodeReplyLike, respondOnReply } from "./node-reply.js";
import { nodeRequestFacts } from "./node-response.js";

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

const request = { method: "GET", url: "/x", headers: { "x-request-id": "reply-1" } };

describe("respondOnReply", () => {
  it("sends exactly the answer through the reply: earlier headers gone but CORS and Vary", () => {
    const { reply, sent } = fakeReply();
    respondOnReply(createErrorPath(), notFound(), nodeRequestFacts(request, reply), reply);
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
    respondOnReply(path, new Error("late"), nodeRequestFacts(request, reply), reply);
    expect(sent).toEqual({});
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(reports).toHaveLength(1);
  });
});

import { describe, expect, it } from "vitest";
import { createErrorPath } from "./error-path.js";
import { notFound } from "./factories.js";
import { type NodeResponseLike, nodeRequestFacts, writeNodeAnswer } from "./node-response.js";

function fakeResponse(headers: Record<string, string>) {
  const written: { status?: number; headers?: Record<string, string>; body?: string } = {};
  const response: NodeResponseLike = {
    headersSent: false,
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
      if (body !== undefined) written.body = body;
    },
    destroy: () => {},
  };
  return { response, written };
}

describe("nodeRequestFacts and writeNodeAnswer", () => {
  it("write exactly the answer, none of the failed response's headers", () => {
    const { response, written } = fakeResponse({ "content-encoding": "gzip", etag: '"x"', vary: "Origin" });
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

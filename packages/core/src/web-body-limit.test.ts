import { describe, expect, it } from "vitest";
import { limitRequestBody } from "./web-body-limit.js";

const URL_ = "http://localhost/text";

function chunked(...chunks: string[]): Request {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Request(URL_, { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("limitRequestBody", () => {
  it("returns GET and HEAD requests as they are", () => {
    const get = new Request(URL_, { headers: { "Content-Length": "999" } });
    expect(limitRequestBody(get, 10)).toBe(get);
  });

  it("throws core's 413 for a Content-Length over the limit, before reading", () => {
    const request = new Request(URL_, { method: "POST", body: "x", headers: { "Content-Length": "11" } });
    expect(() => limitRequestBody(request, 10)).toThrow(
      expect.objectContaining({ status: 413, code: "payload_too_large" }),
    );
    expect(request.bodyUsed).toBe(false);
  });

  it("returns a request whose Content-Length is within the limit as it is", () => {
    const request = new Request(URL_, {
      method: "POST",
      body: "0123456789",
      headers: { "Content-Length": "10" },
    });
    expect(limitRequestBody(request, 10)).toBe(request);
  });

  it("reads Node's headers when given, and never asks for a body HTTP/1 framing rules out", () => {
    const request = new Request(URL_, { method: "POST" });
    Object.defineProperty(request, "body", {
      get: () => {
        throw new Error("the body was asked for");
      },
    });
    expect(limitRequestBody(request, 10, { headers: {}, httpVersionMajor: 1 })).toBe(request);
    expect(() => limitRequestBody(request, 10, { headers: { "content-length": "11" } })).toThrow(
      expect.objectContaining({ status: 413 }),
    );
  });

  it("errors a chunked body with the 413 once more than the limit was read", async () => {
    const over = limitRequestBody(chunked("01234", "56789", "x"), 10);
    await expect(over.text()).rejects.toMatchObject({ status: 413, code: "payload_too_large" });
    expect(await limitRequestBody(chunked("01234", "56789"), 10).text()).toBe("0123456789");
  });
});

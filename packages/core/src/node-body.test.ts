import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { connect } from "node:net";
import { PassThrough, Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { isApiError } from "./api-error.js";
import { fromBodyParserError, jsonBodyMiddleware, type NodeBodyRequest, readJsonBody } from "./node-body.js";
import { REQUEST_BODY_ERRORS, type RequestBodyFailure } from "./request-body-errors.js";

const JSON_TYPE = { "content-type": "application/json" };
const bytes = (...parts: (string | Uint8Array)[]) =>
  Readable.from(parts.map((part) => (typeof part === "string" ? new TextEncoder().encode(part) : part)));

async function failureOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (Object.keys(REQUEST_BODY_ERRORS) as RequestBodyFailure[]).find(
      (name) => isApiError(error) && REQUEST_BODY_ERRORS[name].message === error.message,
    );
  }
}

describe("readJsonBody", () => {
  it("reads a body in chunks, multi-byte characters split across them", async () => {
    const euro = new TextEncoder().encode('{"a":"€"}');
    expect(await readJsonBody(JSON_TYPE, bytes(euro.slice(0, 7), euro.slice(7)), 100)).toEqual({ a: "€" });
  });

  it.each([
    ["too_large", { ...JSON_TYPE, "content-length": "500" }, bytes("{}")],
    ["too_large", JSON_TYPE, bytes("{", '"a":"', "x".repeat(200), '"}')],
    ["unsupported_content_coding", { ...JSON_TYPE, "content-encoding": "br" }, bytes("{}")],
    ["unsupported_charset", { "content-type": "application/json; charset=utf-16" }, bytes("{}")],
    ["unsupported_media_type", { "content-type": "text/plain" }, bytes("{}")],
    ["malformed_json", JSON_TYPE, bytes('{"a":')],
  ] as const)("refuses as %s: %j", async (failure, headers, body) => {
    expect(await failureOf(readJsonBody(headers, body, 100))).toBe(failure);
  });

  it("names bytes that are not UTF-8 broken JSON, even split across chunks", async () => {
    // "é" in ISO-8859-1, then `"}`
    const latin1 = bytes('{"name":"Jos', new Uint8Array([0xe9, 0x22, 0x7d]));
    expect(await failureOf(readJsonBody(JSON_TYPE, latin1, 100))).toBe("malformed_json");
  });

  it("gives no body as undefined, for a bodiless route to ignore", async () => {
    expect(await readJsonBody({ ...JSON_TYPE, "content-length": "0" }, bytes(), 100)).toBeUndefined();
  });

  it("names a body the client cut off, by an error or a close before the end", async () => {
    const failing = new PassThrough();
    const read = failureOf(readJsonBody(JSON_TYPE, failing, 100));
    failing.write("{");
    failing.destroy(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
    expect(await read).toBe("client_closed");
    const closed = new PassThrough();
    const cut = failureOf(readJsonBody(JSON_TYPE, closed, 100));
    closed.write("{");
    closed.destroy();
    expect(await cut).toBe("client_closed");
  });

  it("reads a stream that was paused before", async () => {
    const paused = bytes('{"a":1}').pause();
    expect(await readJsonBody(JSON_TYPE, paused, 100)).toEqual({ a: 1 });
  });

  it("over the limit, pauses the stream without destroying it, listeners gone", async () => {
    const stream = new PassThrough();
    const read = failureOf(readJsonBody(JSON_TYPE, stream, 4));
    stream.write("12345");
    expect(await read).toBe("too_large");
    expect(stream.destroyed).toBe(false);
    expect(stream.isPaused()).toBe(true);
    expect(stream.listenerCount("data") + stream.listenerCount("end") + stream.listenerCount("close")).toBe(
      0,
    );
  });
});

describe("readJsonBody on Node's HTTP server", () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  // A chunked upload that does not end: the 413 must come while the body is still open.
  async function oversizeUpload(slow: boolean) {
    const seen = { socketAlive: false, aborted: true };
    server = createServer((req: IncomingMessage, res) => {
      readJsonBody(req.headers, req, 64 * 1024).catch((error) => {
        seen.socketAlive = req.socket !== null && !req.socket.destroyed;
        seen.aborted = req.readableAborted;
        res.writeHead(error.status, error.headers).end("refused");
      });
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as { port: number };
    const client = connect(port, "127.0.0.1");
    client.on("error", () => {}); // the server may close while this client still writes
    let response = "";
    client.on("data", (data) => {
      response += data;
    });
    client.write(
      "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
    );
    const chunk = `800\r\n${"x".repeat(2048)}\r\n`;
    // Slow: 2 KiB every 5 ms, until the server closes. Fast: 256 KiB at once, then silence.
    const sender = setInterval(() => client.writable && client.write(chunk), 5);
    if (!slow) {
      clearInterval(sender);
      client.write(chunk.repeat(128));
    }
    await new Promise((resolve) => client.on("close", resolve));
    clearInterval(sender);
    return { response, ...seen };
  }

  it.each([
    ["slow", true],
    ["fast", false],
  ])("answers a %s chunked oversize body with its 413, then closes the connection", async (_name, slow) => {
    const { response, socketAlive, aborted } = await oversizeUpload(slow);
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    expect(response).toMatch(/\r\nConnection: close\r\n/i);
    expect(response).toContain("refused");
    // The request is left whole: its socket is there for whoever reads it, and it is not aborted.
    expect(socketAlive).toBe(true);
    expect(aborted).toBe(false);
  });
});

describe("jsonBodyMiddleware", () => {
  const run = (headers: Record<string, string>, body: Readable, limit?: number) =>
    new Promise<{ error: unknown; req: NodeBodyRequest }>((resolve) => {
      const req = Object.assign(body, { headers }) as NodeBodyRequest;
      jsonBodyMiddleware({ limit })(req, {}, (error) => resolve({ error, req }));
    });

  it("sets req.body and calls next()", async () => {
    const { error, req } = await run(JSON_TYPE, bytes('{"a":1}'));
    expect(error).toBeUndefined();
    expect(req.body).toEqual({ a: 1 });
  });

  it.each([
    ["empty_body", { ...JSON_TYPE, "content-length": "0" }, bytes()],
    ["empty_body", JSON_TYPE, bytes()],
    ["unsupported_media_type", {}, bytes("{}")],
    ["too_large", JSON_TYPE, bytes("x".repeat(11))],
    ["malformed_json", JSON_TYPE, bytes("{")],
  ] as const)("passes next(%s) for %j", async (failure, headers, body) => {
    const { error } = await run(headers, body, 10);
    expect(await failureOf(Promise.reject(error))).toBe(failure);
  });

  it("reads up to 64 KiB by default", async () => {
    const { error } = await run(JSON_TYPE, bytes(JSON.stringify("x".repeat(64 * 1024))));
    expect(await failureOf(Promise.reject(error))).toBe("too_large");
    const { req } = await run(JSON_TYPE, bytes(JSON.stringify("x".repeat(64 * 1024 - 2))));
    expect(req.body).toHaveLength(64 * 1024 - 2);
  });
});

describe("fromBodyParserError", () => {
  const parserError = (type: string) =>
    Object.assign(new Error("Unexpected token S3CRET"), { type, expose: true });

  it.each([
    ["entity.parse.failed", 400, "The request body is not valid JSON"],
    ["entity.too.large", 413, "The request body is too large"],
    ["charset.unsupported", 415, "The request body must be UTF-8"],
    ["encoding.unsupported", 415, "The request body must not be content-coded"],
    ["request.aborted", 400, "The client closed the request"],
    ["request.size.invalid", 400, "Bad request"],
  ])("maps %s onto core's words", (type, status, message) => {
    expect(fromBodyParserError(parserError(type))).toMatchObject({ status, message });
  });

  it("leaves everything else alone, prototype keys included", () => {
    expect(fromBodyParserError(new Error("x"))).toBeUndefined();
    expect(fromBodyParserError({ type: "entity.parse.failed", expose: true })).toBeUndefined();
    expect(
      fromBodyParserError(Object.assign(new Error("x"), { type: "toString", expose: true })),
    ).toMatchObject({
      status: 400,
      message: "Bad request",
    });
  });
});

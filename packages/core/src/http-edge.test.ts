import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ErrorBody } from "./error-body.js";
import { answerHttpEdge } from "./http-edge.js";

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

function reply(response: ServerResponse, status: number, text: string): void {
  response
    .writeHead(status, { "Content-Type": "text/plain", "Content-Length": String(text.length) })
    .end(text);
}

const ok: Handler = (_request, response) => reply(response, 200, "ok");

let server: Server | undefined;
afterEach(async () => {
  await new Promise((done) => server?.close(done) ?? done(undefined));
  server = undefined;
});

async function start(
  handler: Handler = ok,
  options: Parameters<typeof createServer>[0] = {},
): Promise<number> {
  server = answerHttpEdge(createServer(options, handler));
  await new Promise<void>((done) => server?.listen(0, "127.0.0.1", done));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Sends raw bytes and collects everything until the server closes (or 3 s pass). */
function exchange(port: number, ...chunks: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(received);
    }, 3000);
    socket.setEncoding("latin1");
    socket.on("data", (data: string) => {
      received += data;
    });
    socket.on("error", reject);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.on("connect", () => {
      for (const chunk of chunks) socket.write(chunk);
    });
  });
}

interface RawResponse {
  statusLine: string;
  headers: Map<string, string>;
  body: string;
}

/** Splits a byte stream into its responses (each framed by Content-Length). */
function responses(raw: string): RawResponse[] {
  const out: RawResponse[] = [];
  let rest = raw;
  while (rest.length > 0) {
    const end = rest.indexOf("\r\n\r\n");
    if (end < 0) throw new Error(`unframed bytes: ${JSON.stringify(rest)}`);
    const [statusLine = "", ...lines] = rest.slice(0, end).split("\r\n");
    const headers = new Map(
      lines.map((line) => [
        line.slice(0, line.indexOf(":")).toLowerCase(),
        line.slice(line.indexOf(":") + 1).trim(),
      ]),
    );
    const length = Number(headers.get("content-length") ?? 0);
    out.push({ statusLine, headers, body: rest.slice(end + 4, end + 4 + length) });
    rest = rest.slice(end + 4 + length);
  }
  return out;
}

function expectContract(response: RawResponse | undefined, status: number, code: string) {
  expect(response?.statusLine).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
  expect(response?.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response?.headers.get("cache-control")).toBe("no-store");
  const body = ErrorBody.parse(JSON.parse(response?.body ?? ""));
  expect(body.error).toBe(code);
  expect(body.traceId).toBe(response?.headers.get("x-request-id"));
  return body;
}

describe("answerHttpEdge", () => {
  it.each([
    [
      "conflicting Content-Length",
      "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
    ],
    [
      "Content-Length with chunked",
      "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    ],
    ["a bare LF", "GET / HTTP/1.1\nHost: a\n\n"],
    ["a broken request line", "GET /a b c HTTP/1.1\r\nHost: a\r\n\r\n"],
    ["an unknown method", "FOO / HTTP/1.1\r\nHost: a\r\n\r\n"],
  ])("answers %s with the contract's 400, then closes", async (_name, raw) => {
    const port = await start();
    const [answer, ...more] = responses(await exchange(port, raw));
    expectContract(answer, 400, "bad_request");
    expect(answer?.headers.get("connection")).toBe("close");
    expect(more).toEqual([]);
  });

  it("answers a header block over the limit with 431", async () => {
    const port = await start(ok, { maxHeaderSize: 1024 });
    const raw = `GET / HTTP/1.1\r\nHost: a\r\nX-Big: ${"a".repeat(2048)}\r\n\r\n`;
    expectContract(responses(await exchange(port, raw))[0], 431, "request_header_fields_too_large");
  });

  it("answers a request that does not complete in time with 408", async () => {
    const port = await start(ok, {
      headersTimeout: 300,
      requestTimeout: 300,
      connectionsCheckingInterval: 50,
    });
    const answer = responses(await exchange(port, "GET / HTTP/1.1\r\nHost: a\r\n"))[0];
    expectContract(answer, 408, "request_timeout");
  });

  it("answers HTTP/1.1 without Host with the contract's 400, keeping a valid X-Request-Id", async () => {
    let reached = false;
    const port = await start(() => {
      reached = true;
    });
    const raw = "GET / HTTP/1.1\r\nX-Request-Id: edge-1\r\n\r\n";
    const body = expectContract(responses(await exchange(port, raw))[0], 400, "bad_request");
    expect(body.traceId).toBe("edge-1");
    expect(reached).toBe(false);
  });

  it("still serves HTTP/1.0 without Host, and HTTP/1.1 with it", async () => {
    const port = await start();
    expect(responses(await exchange(port, "GET / HTTP/1.0\r\n\r\n"))[0]?.statusLine).toMatch(/ 200 /);
    const answer = responses(
      await exchange(port, "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"),
    )[0];
    expect(answer?.statusLine).toMatch(/ 200 /);
  });

  it("answers an Expect other than 100-continue with 417 client_error", async () => {
    const port = await start();
    const raw = "GET / HTTP/1.1\r\nHost: a\r\nExpect: 101-nonsense\r\n\r\n";
    expectContract(responses(await exchange(port, raw))[0], 417, "client_error");
  });

  it("answers HEAD with an unmet Expect with the headers and no body", async () => {
    const port = await start();
    const raw = "HEAD / HTTP/1.1\r\nHost: a\r\nExpect: nope\r\n\r\n";
    const received = await exchange(port, raw);
    expect(received).toMatch(/^HTTP\/1\.1 417 /);
    expect(received.endsWith("\r\n\r\n")).toBe(true);
  });

  it("answers CONNECT with the contract's 404, then closes", async () => {
    const port = await start();
    const raw = "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n";
    const [answer, ...more] = responses(await exchange(port, raw));
    expectContract(answer, 404, "not_found");
    expect(more).toEqual([]);
  });

  it("sends a slow answer in flight whole before refusing a pipelined malformed request", async () => {
    const port = await start((request, response) => {
      setTimeout(() => reply(response, 201, `made ${request.url}`), 150);
    });
    const raw =
      "POST /users HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n{}GET /x HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n";
    const [first, second, ...more] = responses(await exchange(port, raw));
    expect(first?.statusLine).toMatch(/^HTTP\/1\.1 201 /);
    expect(first?.body).toBe("made /users");
    expectContract(second, 400, "bad_request");
    expect(more).toEqual([]);
  });

  it("sends every queued pipelined answer before the refusal", async () => {
    const port = await start((request, response) => {
      const delay = request.url === "/one" ? 120 : 10;
      setTimeout(() => reply(response, 200, String(request.url)), delay);
    });
    const raw =
      "GET /one HTTP/1.1\r\nHost: a\r\n\r\nGET /two HTTP/1.1\r\nHost: a\r\n\r\nGET /three HTTP/1.1\nHost: a\n\n";
    const answers = responses(await exchange(port, raw));
    expect(answers.map((answer) => (answer.body.startsWith("{") ? "refusal" : answer.body))).toEqual([
      "/one",
      "/two",
      "refusal",
    ]);
    expectContract(answers[2], 400, "bad_request");
  });

  it("refuses a request whose own body breaks its framing at once, without waiting for its handler", async () => {
    const port = await start((request) => {
      request.resume(); // reads the body and never answers
    });
    const raw = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\nzz\r\n";
    const started = Date.now();
    expectContract(responses(await exchange(port, raw))[0], 400, "bad_request");
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

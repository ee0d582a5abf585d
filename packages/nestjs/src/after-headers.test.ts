import { connect } from "node:net";
import { Controller, Get, Res } from "@nestjs/common";
import { describe, expect, it } from "vitest";
import { appForTests, platforms } from "../test/test-app.js";
import { ErrorContractModule } from "./error-contract-module.js";

const SECRET = "S3CRET-stream-failure";

type RawResponse = { writeHead(status: number, headers: object): void; write(text: string): void };

@Controller()
class StreamingController {
  // A body written by hand that fails midway: the 200 and its headers are gone already.
  @Get("stream")
  async stream(@Res() response: { raw?: RawResponse } & RawResponse): Promise<void> {
    const raw = response.raw ?? response;
    raw.writeHead(200, { "Content-Type": "text/plain", "Transfer-Encoding": "chunked" });
    raw.write("first part;");
    await new Promise((resolve) => setTimeout(resolve, 10));
    throw new Error(SECRET);
  }
}

/** What a raw TCP client reads, until the server closes (or 2 s pass). */
async function rawGet(url: string, path: string, traceId: string): Promise<string> {
  const socket = connect(Number(new URL(url).port), "127.0.0.1");
  socket.on("error", () => {});
  const timer = setTimeout(() => socket.destroy(), 2_000);
  socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: ${traceId}\r\n\r\n`);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of socket) chunks.push(chunk as Buffer);
  } catch {
    // A reset ends the reading as a close does.
  }
  clearTimeout(timer);
  return Buffer.concat(chunks).toString("latin1");
}

describe.each(platforms)("an error after the headers were sent, on %s", (platform) => {
  const running = appForTests(platform, {
    imports: [ErrorContractModule.forRoot()],
    controllers: [StreamingController],
  });

  it("aborts the connection, sends no second response, and logs one line with the trace id", async () => {
    const started = Date.now();
    const raw = await rawGet(running.server.url, "/stream", `after-headers-${platform}`);
    expect(Date.now() - started).toBeLessThan(1_500); // closed by the server, not by the timeout
    expect(raw).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(raw).toContain("first part;");
    expect(raw.match(/HTTP\/1\.1 /g)).toHaveLength(1);
    expect(raw).not.toMatch(/\r\n0\r\n\r\n$/);
    expect(raw).not.toContain(SECRET);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const records = running.log.lines.map((line) => JSON.parse(line));
    expect(records).toEqual([
      expect.objectContaining({ traceId: `after-headers-${platform}`, status: 500, code: "internal_error" }),
    ]);
    expect(running.server.logs).toEqual([]);
  });
});

import { Agent, request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./server.mjs";

// The built server's own log (core's default report: one JSON line per 5xx on stderr, in pino's
// shape, no Nest prefix) and its connections.
describe.each(["express", "fastify"] as const)("nestjs-sample on %s: logs and connections", (platform) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(platform);
  });
  afterAll(() => server.stop());

  // Every line of the output that is a JSON record (the server also prints its start line).
  const records = () =>
    server
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const recordsOf = async (traceId: string) => {
    await server.waitForOutput(new RegExp(`"traceId":"${traceId}"`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    return records().filter((record) => record.traceId === traceId);
  };

  it("logs each 5xx as one JSON line: level 50, the body's trace id, the cause chain with the real error", async () => {
    const traceId = `log-json-${platform}`;
    const response = await fetch(`${server.url}/faults/error`, { headers: { "X-Request-Id": traceId } });
    expect(response.status).toBe(500);
    const body = (await response.json()) as { traceId: string };
    expect(body.traceId).toBe(traceId);
    const [record, ...others] = await recordsOf(traceId);
    expect(others).toEqual([]);
    expect(record).toMatchObject({
      level: 50,
      time: expect.any(Number),
      msg: "500 internal_error GET /faults/error",
      traceId: body.traceId,
      method: "GET",
      path: "/faults/error",
      status: 500,
      code: "internal_error",
      err: { type: "ApiError", cause: { type: "Error", message: "S3CRET-fault-do-not-leak" } },
    });
    expect(server.output()).not.toMatch(/\[ErrorContract\]|\[error-contract\]/); // no Nest Logger prefix
  });

  it("keeps CR and LF from the path inside the JSON line, so a request cannot forge a log line", async () => {
    const traceId = `log-crlf-${platform}`;
    const forged = '%0d%0a{"level":50,"traceId":"forged"}%0d%0a[error-contract]%20500';
    const response = await fetch(`${server.url}/users/usr_ada${forged}`, {
      headers: { "X-Fault": "database", "X-Request-Id": traceId },
    });
    expect(response.status).toBe(500);
    const [record, ...others] = await recordsOf(traceId);
    expect(others).toEqual([]);
    expect(String(record?.path)).toMatch(/^\/users\/usr_ada(%0d%0a|\r\n)/i);
    expect(records().filter((line) => line.traceId === "forged")).toEqual([]);
    const lines = server.output().split("\n");
    expect(
      lines.filter(
        (line) => line.startsWith("[error-contract]") || line.startsWith('{"level":50,"traceId":"forged"'),
      ),
    ).toEqual([]);
  });

  it("never logs the bearer token or the password of a failed request", async () => {
    const traceId = `log-secrets-${platform}`;
    const response = await fetch(`${server.url}/users`, {
      method: "POST",
      headers: {
        Authorization: "Bearer secret-token-4c1d",
        "Content-Type": "application/json",
        "X-Fault": "database",
        "X-Request-Id": traceId,
      },
      body: JSON.stringify({ email: "logs@example.com", password: "hunter2-password-9z" }),
    });
    expect(response.status).toBe(500);
    expect(await recordsOf(traceId)).toHaveLength(1);
    expect(server.output()).not.toContain("secret-token-4c1d");
    expect(server.output()).not.toContain("hunter2-password-9z");
  });

  it("closes the connection after a 413, so a keep-alive pool's next request succeeds", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
        new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
          const outgoing = request(`${server.url}${path}`, { method, headers, agent }, (incoming) => {
            incoming.resume();
            incoming.on("end", () =>
              resolve({ status: incoming.statusCode ?? 0, connection: incoming.headers.connection }),
            );
          });
          outgoing.on("error", reject);
          outgoing.end(body);
        });
      // Declared over the limit and never sent: the server cannot read past it.
      const tooLarge = await send(
        "POST",
        "/users",
        { "Content-Type": "application/json", "Content-Length": "100000" },
        "{",
      );
      expect(tooLarge).toEqual({ status: 413, connection: "close" });
      expect((await send("GET", "/users/usr_ada", {})).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});

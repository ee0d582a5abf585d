import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StartedServer, startServer } from "./start-server.js";

let server: StartedServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

/** The server's log lines that mention the trace id, once the server wrote them. */
async function linesOf(traceId: string): Promise<string[]> {
  for (let i = 0; i < 50 && !server.stderr().includes(traceId); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  return server
    .stderr()
    .split("\n")
    .filter((line) => line.includes(traceId));
}

/** A log line as the record it is (core's default report: one JSON line in pino's shape). */
const recordOf = (line: string | undefined) => JSON.parse(String(line)) as Record<string, unknown>;

// The built server's own log (the default report: one JSON line per 5xx on console.error).
describe("fastify-sample logs", () => {
  it("logs a 5xx once, as one JSON line with the body's trace id and the cause chain", async () => {
    const response = await fetch(`${server.url}/faults/error`, { headers: { "X-Request-Id": "log-once-1" } });
    expect(response.status).toBe(500);
    const { traceId } = (await response.json()) as { traceId: string };
    const lines = await linesOf("log-once-1");
    expect(lines).toHaveLength(1);
    expect(recordOf(lines[0])).toMatchObject({
      level: 50,
      msg: "500 internal_error GET /faults/error",
      traceId,
      method: "GET",
      path: "/faults/error",
      status: 500,
      code: "internal_error",
      err: { type: "ApiError", cause: { type: "Error", message: "S3CRET-fault-do-not-leak" } },
    });
  });

  it("logs the store's failure as the cause of a 500", async () => {
    const response = await fetch(`${server.url}/users/usr_ada`, {
      headers: { "X-Fault": "database", "X-Request-Id": "log-cause-1" },
    });
    expect(response.status).toBe(500);
    const lines = await linesOf("log-cause-1");
    expect(lines).toHaveLength(1);
    expect(recordOf(lines[0])).toMatchObject({
      traceId: "log-cause-1",
      err: { cause: { message: "user store: connection refused (X-Fault: database)" } },
    });
  });

  it("does not log 4xx", async () => {
    await fetch(`${server.url}/users/usr_missing`, { headers: { "X-Request-Id": "log-4xx-1" } });
    expect(await linesOf("log-4xx-1")).toEqual([]);
  });

  it("logs the path as sent (still percent-encoded), so a request cannot forge a log line", async () => {
    const forged = "%0d%0a%7B%22level%22:50,%22traceId%22:%22forged%22%7D%0d%0a";
    const response = await fetch(`${server.url}/users/usr_ada${forged}`, {
      headers: { "X-Fault": "database", "X-Request-Id": "log-crlf-1" },
    });
    expect(response.status).toBe(500);
    const lines = await linesOf("log-crlf-1");
    expect(lines).toHaveLength(1);
    expect(recordOf(lines[0]).path).toBe(`/users/usr_ada${forged}`);
    const records = server
      .stderr()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => recordOf(line));
    expect(records.filter((record) => record.traceId === "forged")).toEqual([]);
  });

  it("never logs the bearer token or the password of a failed request", async () => {
    const response = await fetch(`${server.url}/users`, {
      method: "POST",
      headers: {
        Authorization: "Bearer secret-token-4c1d",
        "Content-Type": "application/json",
        "X-Fault": "database",
        "X-Request-Id": "log-secrets-1",
      },
      body: JSON.stringify({ email: "logs@example.com", password: "hunter2-password-9z" }),
    });
    expect(response.status).toBe(500);
    expect(await linesOf("log-secrets-1")).toHaveLength(1);
    expect(server.stderr()).not.toContain("secret-token-4c1d");
    expect(server.stderr()).not.toContain("hunter2-password-9z");
  });
});

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

// The built server's own log (the default report: one console.error line per 5xx).
describe("fastify-sample logs", () => {
  it("logs a 5xx once, on one line, with the trace id", async () => {
    const response = await fetch(`${server.url}/faults/error`, { headers: { "X-Request-Id": "log-once-1" } });
    expect(response.status).toBe(500);
    const lines = await linesOf("log-once-1");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\[error-contract\] 500 internal_error traceId=log-once-1 GET \/faults\/error - /,
    );
  });

  it("does not log 4xx", async () => {
    await fetch(`${server.url}/users/usr_missing`, { headers: { "X-Request-Id": "log-4xx-1" } });
    expect(await linesOf("log-4xx-1")).toEqual([]);
  });

  it("escapes CR and LF from the path, so a request cannot forge a log line", async () => {
    const forged = "%0d%0a[error-contract]%20500%20internal_error%20traceId=forged%20GET";
    const response = await fetch(`${server.url}/users/usr_ada${forged}`, {
      headers: { "X-Fault": "database", "X-Request-Id": "log-crlf-1" },
    });
    expect(response.status).toBe(500);
    const lines = await linesOf("log-crlf-1");
    expect(lines).toHaveLength(1);
    // Express reports the path as received: still percent-encoded, so no line break can get in.
    expect(lines[0]).toContain("GET /users/usr_ada%0d%0a[error-contract]%20500");
    expect(
      server
        .stderr()
        .split("\n")
        .filter((line) => line.startsWith("[error-contract] 500 internal_error traceId=forged")),
    ).toEqual([]);
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

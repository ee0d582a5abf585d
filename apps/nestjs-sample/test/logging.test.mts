import { Agent, request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./server.mjs";

// The built server's own log (Nest's Logger: one line per 5xx) and its connections.
describe.each(["express", "fastify"] as const)("nestjs-sample on %s: logs and connections", (platform) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(platform);
  });
  afterAll(() => server.stop());

  const linesOf = async (traceId: string) => {
    await server.waitForOutput(new RegExp(`traceId=${traceId} `));
    await new Promise((resolve) => setTimeout(resolve, 50));
    return server
      .output()
      .split("\n")
      .filter((line) => line.includes(`traceId=${traceId} `));
  };

  it("escapes CR and LF from the path, so a request cannot forge a log line", async () => {
    const traceId = `log-crlf-${platform}`;
    const forged = "%0d%0a[error-contract]%20500%20internal_error%20traceId=forged%20GET";
    const response = await fetch(`${server.url}/users/usr_ada${forged}`, {
      headers: { "X-Fault": "database", "X-Request-Id": traceId },
    });
    expect(response.status).toBe(500);
    const lines = await linesOf(traceId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/GET \/users\/usr_ada(\\r\\n|%0d%0a)\[error-contract\]/i);
    expect(
      server
        .output()
        .split("\n")
        .filter((line) => line.startsWith("[error-contract]")),
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
    expect(await linesOf(traceId)).toHaveLength(1);
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

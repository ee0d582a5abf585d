import { Agent, request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SampleServer, START_TIMEOUT, sampleTargets, startSample } from "./sample-targets.js";

/** A log line as the record it is (core's default report: one JSON line in pino's shape). */
const recordOf = (line: string | undefined) => JSON.parse(String(line)) as Record<string, unknown>;

/** What each sample's user store throws while its database is down (`X-Fault: database`). */
const storeFailure: Record<string, string> = {
  hono: "user store: connection refused (X-Fault: database)",
  "nest-express": "connect ECONNREFUSED 10.0.0.5:5432 (user database)",
  "nest-fastify": "connect ECONNREFUSED 10.0.0.5:5432 (user database)",
  express: "user store: connection refused (X-Fault: database)",
  fastify: "user store: connection refused (X-Fault: database)",
};

// Each sample's built server and its own log (core's default report: one JSON line per 5xx on
// stderr, in pino's shape, with no framework's prefix), and its connections.
for (const target of sampleTargets) {
  describe(`${target.name} sample, built: logs and connections`, () => {
    let server: SampleServer;
    beforeAll(async () => {
      server = await startSample(target);
    }, START_TIMEOUT);
    afterAll(() => server?.stop());

    /** The server's stderr lines that mention the trace id, once the server wrote them. */
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

    /** Every line of the whole output (stdout and stderr) that is a JSON record. */
    const records = () =>
      server
        .output()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => recordOf(line));

    it("logs a 5xx once, as one JSON line with the body's trace id and the cause chain", async () => {
      const response = await fetch(`${server.url}/faults/error`, {
        headers: { "X-Request-Id": "log-once-1" },
      });
      expect(response.status).toBe(500);
      const { traceId } = (await response.json()) as { traceId: string };
      expect(traceId).toBe("log-once-1");
      const lines = await linesOf("log-once-1");
      expect(lines).toHaveLength(1);
      expect(recordOf(lines[0])).toMatchObject({
        level: 50,
        time: expect.any(Number),
        msg: "500 internal_error GET /faults/error",
        traceId,
        method: "GET",
        path: "/faults/error",
        status: 500,
        code: "internal_error",
        err: { type: "ApiError", cause: { type: "Error", message: "S3CRET-fault-do-not-leak" } },
      });
      expect(server.output()).not.toMatch(/\[ErrorContract\]|\[error-contract\]/); // no Nest Logger prefix
    });

    it("logs the store's failure as the cause of a 500", async () => {
      const response = await fetch(`${server.url}/users/usr_ada`, {
        headers: { "X-Fault": "database", "X-Request-Id": "log-cause-1" },
      });
      expect(response.status).toBe(500);
      expect(storeFailure[target.name], `storeFailure has no entry for ${target.name}`).toBeDefined();
      const lines = await linesOf("log-cause-1");
      expect(lines).toHaveLength(1);
      expect(recordOf(lines[0])).toMatchObject({
        traceId: "log-cause-1",
        err: { cause: { message: storeFailure[target.name] } },
      });
    });

    it("does not log 4xx", async () => {
      await fetch(`${server.url}/users/usr_missing`, { headers: { "X-Request-Id": "log-4xx-1" } });
      expect(await linesOf("log-4xx-1")).toEqual([]);
    });

    it("logs the path as sent (still percent-encoded), so a request cannot forge a log line", async () => {
      // As fetch sends it: `{`, `"` and `}` percent-encoded, `[` and `]` as they are.
      const forged = "%0d%0a%7B%22level%22:50,%22traceId%22:%22forged%22%7D%0d%0a[error-contract]%20500";
      const response = await fetch(`${server.url}/users/usr_ada${forged}`, {
        headers: { "X-Fault": "database", "X-Request-Id": "log-crlf-1" },
      });
      expect(response.status).toBe(500);
      const lines = await linesOf("log-crlf-1");
      expect(lines).toHaveLength(1);
      expect(recordOf(lines[0]).path).toBe(`/users/usr_ada${forged}`);
      expect(records().filter((record) => record.traceId === "forged")).toEqual([]);
      const forgedLines = server
        .output()
        .split("\n")
        .filter(
          (line) => line.startsWith("[error-contract]") || line.startsWith('{"level":50,"traceId":"forged"'),
        );
      expect(forgedLines).toEqual([]);
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
}

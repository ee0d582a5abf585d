import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, stopServer } from "../scripts/lib/server-process.mjs";
import { targets } from "../scripts/lib/targets.mjs";

// Every sample app, started from its build with the OpenTelemetry SDK (in-memory exporter) and
// Node's HTTP instrumentation preloaded: real instrumented servers over loopback.
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PRELOAD = pathToFileURL(fileURLToPath(new URL("./otel-preload.mjs", import.meta.url))).href;
const SECRET = "S3CRET-fault-do-not-leak";
const INCOMING_TRACE = "0af7651916cd43dd8448eb211c80319c";
const INCOMING_PARENT = "b7ad6b7169203331";

interface ExportedSpan {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  status: { code: number; message?: string };
  attributes: Record<string, unknown>;
  events: { name: string; attributes?: Record<string, unknown> }[];
}

const SERVER = 1; // SpanKind.SERVER
const UNSET = 0;
const ERROR = 2;

describe.each(targets)("OpenTelemetry and logs on $name", (target) => {
  const dir = mkdtempSync(join(tmpdir(), `ec-otel-${target.name}-`));
  const spansFile = join(dir, "spans.json");
  let server: { url: string; child: import("node:child_process").ChildProcess };
  let stderr = "";

  beforeAll(async () => {
    const script = join(ROOT, target.app, target.script);
    if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first`);
    server = await startServer(
      {
        ...target,
        env: {
          ...target.env,
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${PRELOAD}`.trim(),
          EC_OTEL_SPANS_FILE: spansFile,
        },
      },
      join(ROOT, target.app),
    );
    server.child.stderr?.on("data", (chunk) => {
      stderr += chunk;
    });
  });
  afterAll(async () => {
    if (server) await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  });

  /** The server span of the request whose answer carried this trace id, once it has ended. */
  async function serverSpan(traceId: string): Promise<ExportedSpan> {
    for (let i = 0; i < 100; i++) {
      if (existsSync(spansFile)) {
        const spans = JSON.parse(readFileSync(spansFile, "utf8")) as ExportedSpan[];
        const span = spans.find((s) => s.traceId === traceId && s.kind === SERVER);
        if (span) return span;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no server span with trace id ${traceId}`);
  }

  /** The report lines this trace id appears in, once the server wrote one. */
  async function logLines(traceId: string): Promise<string[]> {
    for (let i = 0; i < 50 && !stderr.includes(traceId); i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((resolve) => setTimeout(resolve, 50));
    return stderr.split("\n").filter((line) => line.includes(traceId));
  }

  async function call(path: string, init: RequestInit = {}) {
    const response = await fetch(`${server.url}${path}`, init);
    const body = (await response.json()) as { error: string; traceId: string };
    return { response, body };
  }

  it("500: the span's trace id is the traceId; exception recorded, status ERROR, error.type; one log line", async () => {
    const { response, body } = await call("/faults/error", {
      headers: { "X-Request-Id": "not-the-trace-1" },
    });
    expect(response.status).toBe(500);
    expect(body.error).toBe("internal_error");
    expect(JSON.stringify(body)).not.toContain(SECRET);
    expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(response.headers.get("x-request-id")).toBe(body.traceId);

    const span = await serverSpan(body.traceId);
    expect(span.status.code).toBe(ERROR);
    expect(span.attributes["http.response.status_code"]).toBe(500);
    expect(span.attributes["error.type"]).toBe("internal_error");
    const exceptions = span.events.filter((event) => event.name === "exception");
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0]?.attributes?.["exception.message"]).toBe(SECRET);

    const lines = await logLines(body.traceId);
    expect(lines).toHaveLength(1);
    // The default report: one JSON line in pino's shape, the real error (with the secret) in `err`.
    const record = JSON.parse(lines[0] as string);
    expect(record).toMatchObject({
      level: 50,
      traceId: body.traceId,
      method: "GET",
      path: "/faults/error",
      status: 500,
      code: "internal_error",
    });
    expect(JSON.stringify(record.err)).toContain(SECRET);
  });

  it("422: not an error on the span, error.type is the contract code, nothing logged", async () => {
    const { response, body } = await call("/users", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "otel@example.com", password: "short" }),
    });
    expect(response.status).toBe(422);
    expect(body.error).toBe("validation_failed");
    expect(response.headers.get("x-request-id")).toBe(body.traceId);

    const span = await serverSpan(body.traceId);
    expect(span.status.code).toBe(UNSET);
    expect(span.attributes["http.response.status_code"]).toBe(422);
    expect(span.attributes["error.type"]).toBe("validation_failed");
    expect(span.events.filter((event) => event.name === "exception")).toEqual([]);
    expect(await logLines(body.traceId)).toEqual([]);
  });

  it("an incoming traceparent: the server span continues that trace, and body, header and log agree", async () => {
    const { response, body } = await call("/users/usr_ada", {
      headers: { traceparent: `00-${INCOMING_TRACE}-${INCOMING_PARENT}-01`, "X-Fault": "database" },
    });
    expect(response.status).toBe(500);
    expect(body.traceId).toBe(INCOMING_TRACE);
    expect(response.headers.get("x-request-id")).toBe(INCOMING_TRACE);

    const span = await serverSpan(INCOMING_TRACE);
    expect(span.parentSpanId).toBe(INCOMING_PARENT);
    expect(span.status.code).toBe(ERROR);
    expect(span.attributes["error.type"]).toBe("internal_error");
    expect(await logLines(INCOMING_TRACE)).toHaveLength(1);
  });
});

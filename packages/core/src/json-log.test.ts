import { describe, expect, it } from "vitest";
import { createErrorPath } from "./error-path.js";
import { notFound } from "./factories.js";
import { formatErrorJson, jsonLogReport } from "./json-log.js";
import { toApiError } from "./to-api-error.js";

const SECRET = "S3CRET-fault-do-not-leak";
const CONTEXT = {
  traceId: "trace-1",
  method: "GET",
  path: "/faults/error",
  status: 500,
  code: "internal_error",
} as const;

function collect() {
  const lines: string[] = [];
  return { lines, report: jsonLogReport({ write: (line) => lines.push(line) }) };
}

describe("jsonLogReport", () => {
  it("writes one JSON line per 5xx in pino's shape, and none for a 4xx", () => {
    const { lines, report } = collect();
    const path = createErrorPath({ report });
    const answer = path.answer(new Error(SECRET), {
      method: "POST",
      path: "/users?token=abc",
      headers: { "x-request-id": "req-9", authorization: "Bearer tok-7" },
    });
    path.answer(notFound(), { method: "GET", path: "/nope" });
    expect(answer.body).not.toContain(SECRET);
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] as string);
    expect(record).toEqual({
      level: 50,
      time: expect.any(Number),
      msg: "500 internal_error POST /users",
      traceId: "req-9",
      method: "POST",
      path: "/users",
      status: 500,
      code: "internal_error",
      err: {
        type: "ApiError",
        message: "Internal server error",
        status: 500,
        code: "internal_error",
        stack: expect.any(String),
        cause: { type: "Error", message: SECRET, stack: expect.stringContaining("json-log.test.ts") },
      },
    });
    expect(Math.abs(record.time - Date.now())).toBeLessThan(5_000);
    expect(lines[0]).not.toMatch(/token=abc|tok-7/);
  });

  it("keeps the cause chain and an AggregateError's errors", () => {
    const thrown = new AggregateError(
      [new Error("replica 1"), new Error("replica 2", { cause: "timeout" })],
      "all down",
    );
    const record = JSON.parse(formatErrorJson(toApiError(thrown), CONTEXT));
    expect(record.err.cause.type).toBe("AggregateError");
    expect(record.err.cause.aggregateErrors.map((e: { message: string }) => e.message)).toEqual([
      "replica 1",
      "replica 2",
    ]);
    expect(record.err.cause.aggregateErrors[1].cause).toEqual({ type: "string", message: "timeout" });
  });

  it("cannot be split into more lines: CR, LF, NEL and the Unicode separators are escaped", () => {
    const forged = '\r\n{"level":50,"msg":"forged"}\u0085\u2028\u2029';
    const line = formatErrorJson(toApiError(new Error(`bad${forged}`)), { ...CONTEXT, path: `/x${forged}` });
    expect(line).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
    expect(line.split("\n")).toHaveLength(1);
    const record = JSON.parse(line);
    expect(record.path).toBe(`/x${forged}`);
    expect(record.err.cause.message).toBe(`bad${forged}`);
  });

  it("never throws and stays bounded", () => {
    const huge = Object.assign(
      new Error("x"),
      Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, "y".repeat(2_000)])),
    );
    const line = formatErrorJson(toApiError(huge), CONTEXT);
    expect(line.length).toBeLessThan(40_000);
    expect(JSON.parse(line).traceId).toBe("trace-1");
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("trap");
        },
        ownKeys: () => {
          throw new Error("trap");
        },
      },
    );
    expect(() => JSON.parse(formatErrorJson(toApiError(hostile), CONTEXT))).not.toThrow();
  });
});

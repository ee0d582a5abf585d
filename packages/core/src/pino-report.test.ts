import pino from "pino";
import { describe, expect, it } from "vitest";
import { createErrorPath } from "./error-path.js";
import { notFound } from "./factories.js";
import { pinoReport } from "./pino-report.js";

const SECRET = "S3CRET-fault-do-not-leak";

/** A real pino logger writing into an array. */
function logger(options: pino.LoggerOptions = {}) {
  const lines: string[] = [];
  const log = pino(options, { write: (line: string) => void lines.push(line) });
  return { lines, log };
}

describe("pinoReport (real pino)", () => {
  it("writes one error entry per 5xx with the request, the answer and the nested err", () => {
    const { lines, log } = logger();
    const path = createErrorPath({ report: pinoReport(log) });
    const cause = Object.assign(new Error(SECRET, { cause: new RangeError("pool exhausted") }), {
      password: "hunter2",
    });
    const answer = path.answer(cause, { method: "GET", path: "/faults/error?token=abc", traceId: "trace-7" });
    path.answer(notFound(), { method: "GET", path: "/nope", traceId: "trace-8" });
    expect(answer.body).not.toContain(SECRET);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith("\n")).toBe(true);
    const record = JSON.parse(lines[0] as string);
    expect(record).toMatchObject({
      level: 50,
      msg: "500 internal_error GET /faults/error",
      traceId: "trace-7",
      method: "GET",
      path: "/faults/error",
      status: 500,
      code: "internal_error",
      err: {
        type: "ApiError",
        cause: {
          type: "Error",
          message: SECRET,
          password: "[Redacted]",
          cause: { type: "RangeError", message: "pool exhausted" },
        },
      },
    });
    expect(typeof record.time).toBe("number");
    expect(record).toHaveProperty("pid");
    expect(lines[0]).not.toMatch(/hunter2|token=abc/);
  });

  it("keeps the app's own logger settings: level names, bindings and redact", () => {
    const { lines, log } = logger({
      base: { service: "users" },
      formatters: { level: (label) => ({ level: label }) },
      redact: ["path"],
    });
    createErrorPath({ report: pinoReport(log.child({ region: "eu" })) }).answer(new Error("x"), {
      method: "GET",
      path: "/private/path",
      traceId: "trace-9",
    });
    const record = JSON.parse(lines[0] as string);
    expect(record).toMatchObject({ level: "error", service: "users", region: "eu", path: "[Redacted]" });
    expect(record.err.cause.message).toBe("x");
  });

  it("writes CR and LF of a request as escapes: one entry stays one line", () => {
    const { lines, log } = logger();
    createErrorPath({ report: pinoReport(log) }).answer(new Error("x"), {
      method: "GET",
      path: '/a\r\n{"level":50,"msg":"forged"}',
      traceId: "trace-10",
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.trimEnd().split("\n")).toHaveLength(1);
  });
});

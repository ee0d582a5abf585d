import { context, type Span, SpanStatusCode, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createErrorPath } from "./error-path.js";
import { validationFailed } from "./factories.js";
import { activeTraceId } from "./opentelemetry.js";
import { resolveTraceId } from "./trace-id.js";

// The real SDK, registered globally as an app does: core reaches it through the API's global
// registration only (it imports nothing of OpenTelemetry).
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = trace.getTracer("core-test");
const SECRET = "S3CRET-fault-do-not-leak";
const INCOMING = "4bf92f3577b34da6a3ce929d0e0e4736";

beforeAll(() => provider.register());
afterAll(async () => {
  await provider.shutdown();
  trace.disable();
  context.disable();
});
afterEach(() => exporter.reset());

/** Runs `work` inside an active span, ends it, and returns what was exported. */
function inSpan<T>(work: (span: Span) => T) {
  const result = tracer.startActiveSpan("GET /thing", (span) => {
    try {
      return work(span);
    } finally {
      span.end();
    }
  });
  const [span] = exporter.getFinishedSpans();
  if (span === undefined) throw new Error("no span exported");
  return { result, span };
}

const path = createErrorPath({ report: () => {} });
const REQUEST = { method: "GET", path: "/thing" };

describe("OpenTelemetry: the trace id", () => {
  it("is the active span's, ahead of traceparent and X-Request-Id", () => {
    const headers = { traceparent: `00-${INCOMING}-00f067aa0ba902b7-01`, "x-request-id": "req-1" };
    const { result, span } = inSpan(() => ({
      resolved: resolveTraceId(headers),
      viaPath: path.resolveTraceId(headers),
    }));
    expect(result.resolved).toBe(span.spanContext().traceId);
    expect(result.viaPath).toBe(span.spanContext().traceId);
    expect(result.resolved).not.toBe(INCOMING);
  });

  it("is the same in the body, X-Request-Id and the span of an answer", () => {
    const { result, span } = inSpan(() =>
      path.answer(new Error(SECRET), { ...REQUEST, headers: { "x-request-id": "req-2" } }),
    );
    const traceId = span.spanContext().traceId;
    expect(result.traceId).toBe(traceId);
    expect(result.headers["X-Request-Id"]).toBe(traceId);
    expect(JSON.parse(result.body).traceId).toBe(traceId);
  });

  it("falls back to the headers outside any span", () => {
    expect(activeTraceId()).toBeUndefined();
    expect(resolveTraceId({ "x-request-id": "req-3" })).toBe("req-3");
  });

  it("ignores a span whose context is invalid (all zero)", () => {
    const invalid = trace.wrapSpanContext({ traceId: "0".repeat(32), spanId: "0".repeat(16), traceFlags: 0 });
    const resolved = context.with(trace.setSpan(context.active(), invalid), () =>
      resolveTraceId({ "x-request-id": "req-4" }),
    );
    expect(resolved).toBe("req-4");
  });
});

describe("OpenTelemetry: the span of a failed request", () => {
  it("records a 5xx's real error as an exception and sets the status to ERROR", () => {
    const { result, span } = inSpan(() => path.answer(new Error(SECRET), REQUEST));
    expect(result.status).toBe(500);
    expect(result.body).not.toContain(SECRET);
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes["error.type"]).toBe("internal_error");
    expect(span.attributes["http.response.status_code"]).toBe(500);
    expect(span.events).toHaveLength(1);
    expect(span.events[0]?.name).toBe("exception");
    expect(span.events[0]?.attributes?.["exception.type"]).toBe("Error");
    expect(span.events[0]?.attributes?.["exception.message"]).toBe(SECRET);
    expect(String(span.events[0]?.attributes?.["exception.stacktrace"])).toContain("opentelemetry.test.ts");
  });

  it("does not mark a 4xx as an error, but names its code in error.type", () => {
    const { result, span } = inSpan(() => path.answer(validationFailed({ password: "too short" }), REQUEST));
    expect(result.status).toBe(422);
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.events).toEqual([]);
    expect(span.attributes["error.type"]).toBe("validation_failed");
    expect(span.attributes["http.response.status_code"]).toBe(422);
  });

  it("redacts credentials from the recorded exception", () => {
    const { span } = inSpan(() =>
      path.answer(new Error("upstream refused Bearer eyJhbGciOi.abc password=hunter2"), REQUEST),
    );
    const message = String(span.events[0]?.attributes?.["exception.message"]);
    expect(message).not.toContain("eyJhbGciOi");
    expect(message).not.toContain("hunter2");
    expect(message).toContain("Bearer [Redacted]");
  });

  it("records a failure after the response went out without claiming its status", () => {
    const { span } = inSpan(() => path.abandon(new Error(SECRET), REQUEST));
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes["error.type"]).toBe("internal_error");
    expect(span.attributes).not.toHaveProperty("http.response.status_code");
  });

  it("answers as usual when the span itself throws", () => {
    const broken = new Proxy(
      trace.wrapSpanContext({ traceId: INCOMING, spanId: "00f067aa0ba902b7", traceFlags: 1 }),
      {
        get(target, key) {
          if (key === "spanContext") return () => target.spanContext();
          return () => {
            throw new Error("tracer down");
          };
        },
      },
    );
    const answer = context.with(trace.setSpan(context.active(), broken), () =>
      path.answer(new Error(SECRET), REQUEST),
    );
    expect(answer.status).toBe(500);
    expect(answer.traceId).toBe(INCOMING);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateTraceId, isValidTraceId, resolveTraceId } from "./trace-id.js";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const traceparent = (trace: string, parent = "00f067aa0ba902b7") => `00-${trace}-${parent}-01`;

describe("resolveTraceId", () => {
  it("takes the trace-id part of a valid traceparent first", () => {
    const headers = new Headers({ traceparent: traceparent(TRACE), "x-request-id": "req-1" });
    expect(resolveTraceId(headers)).toBe(TRACE);
  });

  it("reads Node-style header records too", () => {
    expect(resolveTraceId({ traceparent: traceparent(TRACE) })).toBe(TRACE);
    expect(resolveTraceId({ "x-request-id": "abc.DEF_1~2:3-4" })).toBe("abc.DEF_1~2:3-4");
  });

  it.each([
    ["upper-case hex", traceparent(TRACE.toUpperCase())],
    ["an all-zero trace id", traceparent("0".repeat(32))],
    ["an all-zero parent id", traceparent(TRACE, "0".repeat(16))],
    ["another version", `01-${TRACE}-00f067aa0ba902b7-01`],
    ["a short trace id", traceparent(TRACE.slice(1))],
    ["trailing text", `${traceparent(TRACE)}-extra`],
  ])("ignores a traceparent with %s and falls back to X-Request-Id", (_, value) => {
    expect(resolveTraceId(new Headers({ traceparent: value, "x-request-id": "req-7" }))).toBe("req-7");
  });

  it.each([
    ["too long", "a".repeat(129)],
    ["a space", "a b"],
    ["a slash", "a/b"],
    ["a quote", 'a"b'],
    ["markup", "<script>"],
    ["two values", "a, b"],
  ])("never returns an X-Request-Id with %s", (_, value) => {
    const id = resolveTraceId(new Headers({ "x-request-id": value }));
    expect(id).not.toBe(value);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it("keeps a 128-character request id", () => {
    expect(resolveTraceId({ "x-request-id": "a".repeat(128) })).toBe("a".repeat(128));
  });

  it("ignores repeated headers given as arrays", () => {
    expect(resolveTraceId({ "x-request-id": ["a", "b"] })).toMatch(/^[0-9a-f]{32}$/);
  });

  it("generates an id when there is nothing, and never throws", () => {
    const hostile = {
      get() {
        throw new Error("boom");
      },
    };
    for (const headers of [undefined, null, {}, new Headers(), hostile]) {
      expect(resolveTraceId(headers)).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it("never returns an invalid value, whatever the headers say", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ maxLength: 200 }), (tp, rid) => {
        const id = resolveTraceId({ traceparent: tp, "x-request-id": rid });
        expect(isValidTraceId(id)).toBe(true);
        if (id === rid) expect(rid).toMatch(/^[A-Za-z0-9._~:-]{1,128}$/);
      }),
    );
  });
});

describe("generateTraceId", () => {
  it("gives 32 lowercase hex characters, different each time", () => {
    const ids = new Set(Array.from({ length: 5000 }, generateTraceId));
    expect(ids.size).toBe(5000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});

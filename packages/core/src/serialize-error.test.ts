import { describe, expect, it } from "vitest";
import { internal } from "./factories.js";
import { redactText, serializeError } from "./serialize-error.js";

describe("serializeError", () => {
  it("writes type, message and stack, and nests the cause chain", () => {
    const root = new TypeError("socket closed");
    const error = internal("database down", { cause: new Error("query failed", { cause: root }) });
    const record = serializeError(error);
    expect(record).toMatchObject({
      type: "ApiError",
      message: "database down",
      status: 500,
      code: "internal_error",
      cause: {
        type: "Error",
        message: "query failed",
        cause: { type: "TypeError", message: "socket closed" },
      },
    });
    expect(record.stack).toContain("serialize-error.test.ts");
    expect(record.cause?.cause?.stack).toContain("TypeError: socket closed");
  });

  it("lists an AggregateError's errors as aggregateErrors", () => {
    const record = serializeError(new AggregateError([new Error("a"), "b"], "both failed"));
    expect(record.type).toBe("AggregateError");
    expect(record.message).toBe("both failed");
    expect(record.aggregateErrors).toEqual([
      expect.objectContaining({ type: "Error", message: "a" }),
      { type: "string", message: "b" },
    ]);
  });

  it("describes values that are not errors", () => {
    expect(serializeError("boom")).toEqual({ type: "string", message: "boom" });
    expect(serializeError(null)).toEqual({ type: "null", message: "null" });
    expect(serializeError(undefined)).toEqual({ type: "undefined", message: "undefined" });
    expect(serializeError(42n)).toEqual({ type: "bigint", message: "42" });
    expect(serializeError({ statusCode: 502, message: "duck" })).toEqual({
      type: "Object",
      message: "duck",
      statusCode: 502,
    });
    expect(serializeError(Object.create(null))).toEqual({ type: "Object", message: "" });
  });

  it("redacts properties named like credentials and leaves objects out", () => {
    const error = Object.assign(new Error("request failed"), {
      code: "ECONNRESET",
      password: "hunter2",
      accessToken: "tok-1",
      Authorization: "Bearer tok-2",
      apiKey: "key-3",
      config: { headers: { Authorization: "Bearer tok-4" } },
    });
    const record = serializeError(error);
    expect(record).toMatchObject({
      code: "ECONNRESET",
      password: "[Redacted]",
      accessToken: "[Redacted]",
      Authorization: "[Redacted]",
      apiKey: "[Redacted]",
    });
    expect(record).not.toHaveProperty("config");
    expect(JSON.stringify(record)).not.toMatch(/hunter2|tok-\d|key-3/);
  });

  it("redacts credentials written into messages and stacks", () => {
    const record = serializeError(
      new Error("GET /x?access_token=abc123&page=2 with Bearer eyJ.x-y_z= failed, password: pw9"),
    );
    expect(record.message).toBe(
      "GET /x?access_token=[Redacted]&page=2 with Bearer [Redacted] failed, password: [Redacted]",
    );
    expect(record.stack).not.toMatch(/abc123|eyJ|pw9/);
    expect(redactText("Basic dXNlcjpwdw==")).toBe("Basic [Redacted]");
  });

  it("survives cycles, deep chains, hostile values and huge text", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(serializeError(a).cause?.cause).toEqual({ type: "Error", message: "[Circular]" });

    let deep: unknown = "bottom";
    for (let i = 0; i < 50; i++) deep = new Error(`level ${i}`, { cause: deep });
    let depth = 0;
    for (let r = serializeError(deep); r.cause; r = r.cause) depth++;
    expect(depth).toBe(5);

    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("trap");
        },
        ownKeys() {
          throw new Error("trap");
        },
      },
    );
    expect(serializeError(hostile).message).toBe("thrown value that cannot be described");
    expect(serializeError(new Error("x".repeat(100_000))).message.length).toBeLessThan(2_100);
  });
});

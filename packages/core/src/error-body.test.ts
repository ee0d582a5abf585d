import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ErrorBody, errorBodyJsonSchema, ProblemBody, problemBodyJsonSchema } from "./error-body.js";

const committed = (name: string) =>
  JSON.parse(readFileSync(new URL(`../schema/${name}`, import.meta.url), "utf8")) as unknown;

describe("ErrorBody", () => {
  it("accepts the spec's example", () => {
    const body = {
      error: "validation_failed",
      message: "password is too weak",
      fields: { password: "min 12 chars, at least one digit" },
      traceId: "c92ab1d4",
    };
    expect(ErrorBody.parse(body)).toEqual(body);
  });

  it.each([
    ["another member", { error: "not_found", message: "Not found", traceId: "t", extra: 1 }],
    ["an upper-case code", { error: "Not_Found", message: "Not found", traceId: "t" }],
    ["a code starting with a digit", { error: "4xx", message: "x", traceId: "t" }],
    ["an empty message", { error: "not_found", message: "", traceId: "t" }],
    ["no trace id", { error: "not_found", message: "Not found" }],
    ["an empty field message", { error: "bad_request", message: "x", fields: { a: "" }, traceId: "t" }],
    ["a non-string field message", { error: "bad_request", message: "x", fields: { a: 1 }, traceId: "t" }],
    ["success=false", { success: false, error: "bad_request", message: "x", traceId: "t" }],
  ])("rejects %s", (_, body) => {
    expect(ErrorBody.safeParse(body).success).toBe(false);
  });
});

describe("ProblemBody", () => {
  it("accepts the RFC 9457 rendering and nothing more", () => {
    const body = {
      type: "about:blank",
      title: "Unprocessable Content",
      status: 422,
      detail: "Validation failed",
      error: "validation_failed",
      fields: { email: "Invalid email address" },
      traceId: "abc",
    };
    expect(ProblemBody.safeParse(body).success).toBe(true);
    expect(ProblemBody.safeParse({ ...body, status: 200 }).success).toBe(false);
    expect(ProblemBody.safeParse({ ...body, message: "x" }).success).toBe(false);
  });
});

describe("committed JSON Schemas", () => {
  it("match the zod schemas (run `npm run schema -w @error-contract/core` after a change)", () => {
    expect(committed("error-body.schema.json")).toEqual(errorBodyJsonSchema);
    expect(committed("problem-body.schema.json")).toEqual(problemBodyJsonSchema);
  });

  it("describe a strict object", () => {
    expect(errorBodyJsonSchema).toMatchObject({
      type: "object",
      required: ["error", "message", "traceId"],
      additionalProperties: false,
    });
  });
});

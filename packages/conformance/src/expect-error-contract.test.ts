import { notFound, validationFailed } from "@error-contract/core";
import { createErrorPath } from "@error-contract/core/adapter";
import { describe, expect, it } from "vitest";
import { expectErrorContract } from "./expect-error-contract.js";

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const rendered = (error: unknown) => {
  const answer = createErrorPath().answer(error, { method: "GET", path: "/", traceId: TRACE_ID });
  const { status, headers, body } = answer;
  return new Response(body, { status, headers });
};

describe("expectErrorContract", () => {
  it("returns the body of a conforming error", async () => {
    const body = await expectErrorContract(rendered(validationFailed({ password: "too short" })), {
      status: 422,
      error: "validation_failed",
      fields: ["password"],
    });
    expect(body).toEqual({
      error: "validation_failed",
      message: "Validation failed",
      fields: { password: "too short" },
      traceId: TRACE_ID,
    });
  });

  it("lists every mismatch in one error", async () => {
    const response = new Response(
      JSON.stringify({ error: "nope", message: "", traceId: "other", extra: 1 }),
      {
        status: 400,
        headers: { "Content-Type": "text/html", "X-Request-Id": TRACE_ID },
      },
    );
    const error = await expectErrorContract(response, { status: 404, error: "not_found" }).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    const lines = (error as Error).message.split("\n");
    expect(lines[0]).toBe("response breaks the error contract (expected 404 not_found):");
    expect(lines.slice(1)).toEqual([
      `  - status: expected 404, got 400 with ${JSON.stringify(JSON.stringify({ error: "nope", message: "", traceId: "other", extra: 1 }))}`,
      '  - Content-Type: expected application/json, got "text/html"',
      '  - Cache-Control: expected no-store, got "(none)"',
      "  - body.message: empty",
      "  - body: members the contract does not have: extra",
      '  - error code: expected not_found, got "nope"',
      `  - traceId "other" differs from X-Request-Id "${TRACE_ID}"`,
    ]);
  });

  it("checks the exact keys of fields", async () => {
    const response = rendered(validationFailed({ email: "invalid", name: "too long" }));
    await expect(
      expectErrorContract(response, {
        status: 422,
        error: "validation_failed",
        fields: ["email", "password"],
      }),
    ).rejects.toThrow(/fields: missing password \(got email, name\)\n {2}- fields: unexpected name/);
  });

  it("accepts an error without fields when none are expected", async () => {
    await expect(
      expectErrorContract(rendered(notFound()), { status: 404, error: "not_found" }),
    ).resolves.toMatchObject({
      error: "not_found",
    });
  });
});

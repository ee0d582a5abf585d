import { generateTraceId, isValidTraceId } from "@error-contract/core";
import { describe, expect, it } from "vitest";
import { errorHeaders } from "./error-headers.js";

describe("errorHeaders", () => {
  it("documents X-Request-Id with the pattern core accepts", () => {
    const pattern = new RegExp(String(errorHeaders()["X-Request-Id"]?.schema.pattern));
    const samples = [
      generateTraceId(),
      "req-1",
      "a.b_c~d:e-f",
      "x".repeat(128),
      "x".repeat(129),
      "",
      "a b",
      "é",
    ];
    for (const sample of samples) expect(pattern.test(sample), sample).toBe(isValidTraceId(sample));
  });
});

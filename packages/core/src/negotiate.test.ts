import { describe, expect, it } from "vitest";
import { negotiateErrorFormat } from "./negotiate.js";

describe("negotiateErrorFormat", () => {
  it.each([
    ["application/problem+json", "problem+json"],
    ["application/problem+json, application/json;q=0.9", "problem+json"],
    ["application/json;q=0.5, application/problem+json", "problem+json"],
    ["application/problem+json, */*;q=0.1", "problem+json"],
    ["APPLICATION/PROBLEM+JSON", "problem+json"],
    ["application/problem+json;q=0.8, application/*;q=0.5", "problem+json"],
  ])("prefers problem+json for %j", (accept, format) => {
    expect(negotiateErrorFormat(accept)).toBe(format);
  });

  it.each([
    [undefined],
    [null],
    [""],
    ["*/*"],
    ["application/json"],
    ["application/*"],
    ["application/json, application/problem+json"],
    ["application/problem+json;q=0.5, application/json;q=0.5"],
    ["application/problem+json;q=0.5, application/json"],
    ["application/problem+json;q=0"],
    ["application/problem+json;q=2"],
    ["text/html"],
    ["garbage;;;,,,/"],
    ["application/problem+json/extra"],
    [`application/problem+json, ${"x".repeat(5000)}`],
  ])("keeps the default rendering for %j", (accept) => {
    expect(negotiateErrorFormat(accept)).toBe("json");
  });

  it("answers the same from its cache, also after the cache filled up and was dropped", () => {
    const preferring = (i: number) =>
      `application/problem+json, application/json;q=0.${String(i).padStart(3, "0")}`;
    const equal = (i: number) => `application/problem+json;q=0.${i + 100}, application/json;q=0.${i + 100}`;
    // Far more distinct headers than the cache holds, each asked twice, alternating answers.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 300; i++) {
        expect(negotiateErrorFormat(preferring(i % 999))).toBe("problem+json");
        expect(negotiateErrorFormat(equal(i % 899))).toBe("json");
      }
    }
    // A header longer than the cache keeps is answered each time all the same.
    const long = `application/problem+json, ${"text/plain;q=0.1, ".repeat(60)}application/json;q=0.5`;
    expect(negotiateErrorFormat(long)).toBe("problem+json");
    expect(negotiateErrorFormat(long)).toBe("problem+json");
  });
});

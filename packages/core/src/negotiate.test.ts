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
});

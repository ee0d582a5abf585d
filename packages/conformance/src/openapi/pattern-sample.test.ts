import { describe, expect, it } from "vitest";
import { patternSample } from "./pattern-sample.js";

describe("patternSample", () => {
  it.each([
    "^[a-zA-Z0-9._-]+$",
    "^\\d+\\.\\d+\\.\\d+$",
    "^sha256:[a-f0-9]{64}$",
    "(\\d{4})-(\\d{2})-(\\d{2})",
    "^(?:#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6})$",
    "^[a-f\\d]{24}$",
    "rdme_\\w+",
    "(me|[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*)",
    "^[^/]+$",
    "^(?:\\{[0-9a-fA-F]{4}(?:-?[0-9a-fA-F]{4}){7}\\}|[0-9a-fA-F]{4}(?:-?[0-9a-fA-F]{4}){7})$",
  ])("builds a value %s matches", (pattern) => {
    const value = patternSample(pattern);
    expect(value).toBeTypeOf("string");
    expect(new RegExp(pattern, "u").test(value as string)).toBe(true);
  });

  it("gives up on what it does not read, and on invalid expressions", () => {
    expect(patternSample("^(?=a)a$")).toBeUndefined();
    expect(patternSample("(a)\\1")).toBeUndefined();
    expect(patternSample("[")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./retry-after.js";

const NOW = Date.parse("1994-11-06T08:49:00Z");

describe("parseRetryAfter", () => {
  it("reads delay-seconds", () => {
    expect(parseRetryAfter("120", NOW)).toBe(120);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
  });

  it("reads each HTTP-date format", () => {
    expect(parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).toBe(37);
    expect(parseRetryAfter("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).toBe(37);
    expect(parseRetryAfter("Sun Nov  6 08:49:37 1994", NOW)).toBe(37);
  });

  it("a date in the past is 0; nonsense is undefined", () => {
    expect(parseRetryAfter("Sat, 05 Nov 1994 08:49:37 GMT", NOW)).toBe(0);
    for (const value of [
      undefined,
      null,
      "",
      "-1",
      "1.5",
      "soon",
      "Sun, 06 Nov 1994 08:49:37",
      "Sun, 32 Foo 1994 08:49:37 GMT",
    ]) {
      expect(parseRetryAfter(value, NOW)).toBeUndefined();
    }
  });
});

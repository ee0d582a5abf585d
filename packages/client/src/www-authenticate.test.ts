import { describe, expect, it } from "vitest";
import { parseChallenges } from "./www-authenticate.js";

describe("parseChallenges (RFC 9110 section 11.6.1)", () => {
  it("reads the contract's challenges", () => {
    expect(parseChallenges("Bearer")).toEqual([{ scheme: "Bearer", params: {} }]);
    expect(parseChallenges('Bearer realm="api", error="invalid_token"')).toEqual([
      { scheme: "Bearer", params: { realm: "api", error: "invalid_token" } },
    ]);
  });

  it("reads several challenges, token68, quoted escapes and case", () => {
    expect(
      parseChallenges(
        'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple", Negotiate a+b/c==  ',
      ),
    ).toEqual([
      { scheme: "Newauth", params: { realm: "apps", type: "1", title: 'Login to "apps"' } },
      { scheme: "Basic", params: { realm: "simple" } },
      { scheme: "Negotiate", params: {}, token68: "a+b/c==" },
    ]);
    expect(parseChallenges('Bearer REALM = "x" ,  , Basic')).toEqual([
      { scheme: "Bearer", params: { realm: "x" } },
      { scheme: "Basic", params: {} },
    ]);
  });

  it("never throws: nothing, or what cannot be read, ends the list", () => {
    expect(parseChallenges(undefined)).toEqual([]);
    expect(parseChallenges("")).toEqual([]);
    expect(parseChallenges('"quoted"')).toEqual([]);
    expect(parseChallenges('Bearer realm="unterminated')).toEqual([{ scheme: "Bearer", params: {} }]);
  });

  it("a hostile header of a megabyte is read in linear time", () => {
    const started = performance.now();
    for (const value of [
      `Bearer ${"a".repeat(1 << 20)}"`,
      `Bearer x="${"\\a".repeat(1 << 18)}`,
      ", ".repeat(1 << 19),
    ]) {
      expect(() => parseChallenges(value)).not.toThrow();
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

import { describe, expect, it } from "vitest";
import { actionFor, isIdempotent } from "./action.js";

describe("actionFor: the action table", () => {
  it.each([
    [401, false, undefined, "POST", "reauthenticate"],
    [403, false, undefined, "GET", "forbidden"],
    [400, true, undefined, "POST", "fix_fields"],
    [422, true, undefined, "POST", "fix_fields"],
    [400, false, undefined, "POST", "show"],
    [422, false, undefined, "POST", "show"],
    [409, false, undefined, "POST", "conflict"],
    [404, false, undefined, "GET", "not_found"],
    [429, false, 5, "POST", "retry"],
    [429, false, undefined, "GET", "show"],
    [503, false, 0, "POST", "retry"],
    [503, false, undefined, "GET", "report"],
    [502, false, undefined, "GET", "retry"],
    [504, false, undefined, "put", "retry"],
    [502, false, undefined, "POST", "report"],
    [504, false, undefined, undefined, "report"],
    [500, false, undefined, "GET", "report"],
    [501, false, 3, "GET", "report"],
    [413, false, undefined, "POST", "show"],
    [302, false, undefined, "GET", "report"],
  ] as const)("%i fields=%s retryAfter=%s %s → %s", (status, fields, retryAfter, method, action) => {
    expect(actionFor(status, fields, retryAfter, method)).toBe(action);
  });

  it("idempotent methods are RFC 9110's", () => {
    expect(["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"].every(isIdempotent)).toBe(true);
    expect(["POST", "PATCH", "CONNECT", "FOO", ""].some(isIdempotent)).toBe(false);
    expect(isIdempotent(undefined)).toBe(false);
  });
});

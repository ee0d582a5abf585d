import { describe, expect, it } from "vitest";
import { fromHttpException } from "./http-exception.js";

describe("fromHttpException", () => {
  it("keeps an error status, its message and headers", () => {
    const error = fromHttpException(429, { message: "Slow down", headers: { "Retry-After": "3" } });
    expect(error).toMatchObject({ status: 429, code: "too_many_requests", message: "Slow down" });
    expect(error.headers).toEqual({ "Retry-After": "3" });
  });

  it("uses the generic message when there is none", () => {
    expect(fromHttpException(404, { message: "" }).message).toBe("Not found");
  });

  it.each([200, 302, 100, 600, 42.5])("makes status %s a 500", (status) => {
    const cause = new Error("x");
    expect(fromHttpException(status, { cause })).toMatchObject({
      status: 500,
      code: "internal_error",
      cause,
    });
  });
});

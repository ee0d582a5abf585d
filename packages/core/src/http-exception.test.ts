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

  it("takes the headers of a Web Response", () => {
    const headers = new Headers({ "WWW-Authenticate": 'Bearer realm="api"' });
    expect(fromHttpException(401, { headers }).headers).toEqual({ "www-authenticate": 'Bearer realm="api"' });
  });

  it("shows only text: a list of strings joined, an object never", () => {
    expect(fromHttpException(400, { message: ["email must be an email", "name is empty"] }).message).toBe(
      "email must be an email; name is empty",
    );
    for (const message of [{ secret: "s3cret" }, ["text", { secret: "s3cret" }], 42, null]) {
      expect(fromHttpException(400, { message }).message).toBe("Bad request");
    }
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

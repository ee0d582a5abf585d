import { describe, expect, it } from "vitest";
import { isApiError } from "./api-error.js";
import { assertPathEncoding } from "./path-encoding.js";

describe("assertPathEncoding", () => {
  it("returns a path without percent-encoding as it is, and an encoded one decoded", () => {
    expect(assertPathEncoding("/users/1")).toBe("/users/1");
    expect(assertPathEncoding("/users/%C3%A9")).toBe("/users/é");
  });

  it.each(["/users/%E0%A4%A", "/users/%FF", "/%"])("refuses %s with core's one 400", (path) => {
    let thrown: unknown;
    try {
      assertPathEncoding(path);
    } catch (error) {
      thrown = error;
    }
    expect(isApiError(thrown)).toBe(true);
    expect(thrown).toMatchObject({
      status: 400,
      code: "bad_request",
      message: "The request path is not valid percent-encoding",
    });
    expect((thrown as Error).cause).toBeInstanceOf(URIError);
  });
});

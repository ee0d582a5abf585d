import { describe, expect, it } from "vitest";
import { ApiError, isApiError } from "./api-error.js";

describe("ApiError", () => {
  it("takes the generic code and message of its status by default", () => {
    const error = new ApiError({ status: 404 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "ApiError", status: 404, code: "not_found", message: "Not found" });
    expect(error.fields).toBeUndefined();
    expect(error.headers).toEqual({});
  });

  it("keeps code, message, fields, headers and cause", () => {
    const cause = new Error("db");
    const error = new ApiError({
      status: 409,
      code: "email_taken",
      message: "Email already registered",
      fields: { email: "taken" },
      headers: { "X-Thing": "1" },
      cause,
    });
    expect(error).toMatchObject({ status: 409, code: "email_taken", message: "Email already registered" });
    expect(error.fields).toEqual({ email: "taken" });
    expect(error.headers).toEqual({ "X-Thing": "1" });
    expect(error.cause).toBe(cause);
  });

  it("leaves out empty fields", () => {
    expect(new ApiError({ status: 400, fields: {} }).fields).toBeUndefined();
  });

  it.each([200, 302, 399, 600, 404.5, Number.NaN])("refuses status %s", (status) => {
    expect(() => new ApiError({ status: status as 400 })).toThrow(TypeError);
  });

  it.each(["NotFound", "9lives", "", "with-dash", "spa ce"])("refuses code %j", (code) => {
    expect(() => new ApiError({ status: 400, code })).toThrow(TypeError);
  });

  it("refuses fields with an empty path or message", () => {
    expect(() => new ApiError({ status: 400, fields: { "": "x" } })).toThrow(TypeError);
    expect(() => new ApiError({ status: 400, fields: { a: "" } })).toThrow(TypeError);
  });

  it("skips the stack of a 4xx and keeps the stack of a 5xx", () => {
    expect(new ApiError({ status: 404 }).stack).not.toMatch(/\n\s+at /);
    expect(new ApiError({ status: 500 }).stack).toMatch(/\n\s+at /);
    expect(new Error("after").stack).toMatch(/\n\s+at /);
  });
});

describe("isApiError", () => {
  it("recognises ApiErrors by their brand, also from another copy of core", () => {
    expect(isApiError(new ApiError({ status: 400 }))).toBe(true);
    const foreign = Object.assign(new Error("x"), { status: 409, code: "conflict" });
    Object.defineProperty(foreign, Symbol.for("@error-contract/core/ApiError"), { value: true });
    expect(isApiError(foreign)).toBe(true);
  });

  it("says no to look-alikes and hostile values without throwing", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("trap");
        },
      },
    );
    for (const value of [
      null,
      undefined,
      1,
      "x",
      { status: 400, code: "bad_request" },
      new Error("x"),
      hostile,
    ]) {
      expect(isApiError(value)).toBe(false);
    }
  });
});

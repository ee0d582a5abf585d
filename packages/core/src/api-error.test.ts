import { describe, expect, expectTypeOf, it } from "vitest";
import { ApiError, type ApiErrorInit, type CodeProblem, isApiError } from "./api-error.js";
import { type ErrorStatus, type GenericCodeStatus, genericCodes } from "./status-codes.js";

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

  it("makes a literal code that is not lower snake case a type error, and a run-time one", () => {
    // @ts-expect-error: code must be lower_snake_case
    expect(() => new ApiError({ status: 400, code: "Bad-Code" })).toThrow(TypeError);
    // @ts-expect-error: code must be lower_snake_case
    expect(() => new ApiError({ status: 409, code: "emailTaken" })).toThrow(TypeError);
    // @ts-expect-error: code must be lower_snake_case
    expect(() => new ApiError({ status: 409, code: "" })).toThrow(TypeError);
  });

  it("makes a generic code bound to another literal status a type error", () => {
    // @ts-expect-error: not_found is the generic code of 404
    expect(new ApiError({ status: 400, code: "not_found" }).code).toBe("not_found");
    // @ts-expect-error: internal_error is the generic code of 500
    void new ApiError({ status: 503, code: "internal_error" });
    expect(new ApiError({ status: 404, code: "not_found" }).code).toBe("not_found");
    expect(new ApiError({ status: 409, code: "email_taken" }).code).toBe("email_taken");
  });

  it("leaves to run time what the types cannot tell: a string code, a status typed as a union", () => {
    const code: string = "Not-Snake";
    expect(() => new ApiError({ status: 400, code })).toThrow(TypeError);
    const status = 404 as ErrorStatus;
    expect(new ApiError({ status, code: "not_found" }).status).toBe(404);
    expectTypeOf<CodeProblem<string, 400>>().toEqualTypeOf<undefined>();
    expectTypeOf<CodeProblem<"not_found", 404 | 410>>().toEqualTypeOf<undefined>();
    expectTypeOf<CodeProblem<"not_found", 410>>().not.toEqualTypeOf<undefined>();
  });

  it("stays one type: an ApiError of any code is an ApiError, and its init accepts any string", () => {
    expectTypeOf(new ApiError({ status: 409, code: "email_taken" })).toExtend<ApiError>();
    expectTypeOf<{ status: 409; code: string }>().toExtend<ApiErrorInit>();
  });

  it("knows each generic code's status at the type level as genericCodes() does at run time", () => {
    const table = {
      bad_request: 400,
      unauthenticated: 401,
      forbidden: 403,
      not_found: 404,
      method_not_allowed: 405,
      not_acceptable: 406,
      request_timeout: 408,
      conflict: 409,
      gone: 410,
      precondition_failed: 412,
      payload_too_large: 413,
      unsupported_media_type: 415,
      validation_failed: 422,
      precondition_required: 428,
      too_many_requests: 429,
      request_header_fields_too_large: 431,
      internal_error: 500,
      not_implemented: 501,
      bad_gateway: 502,
      service_unavailable: 503,
      gateway_timeout: 504,
    } as const;
    expectTypeOf(table).toEqualTypeOf<Readonly<GenericCodeStatus>>();
    expect(Object.fromEntries(genericCodes().map(({ code, status }) => [code, status]))).toEqual(table);
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

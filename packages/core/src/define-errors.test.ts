import { describe, expect, expectTypeOf, it } from "vitest";
import { ApiError } from "./api-error.js";
import {
  defineErrors,
  type ErrorCatalog,
  type ErrorDefinition,
  type ErrorFactory,
  listErrors,
} from "./define-errors.js";

describe("defineErrors", () => {
  const errors = defineErrors({
    email_taken: { status: 409, message: "Email already registered" },
    quota_exceeded: { status: 429, message: "Quota exceeded" },
  });

  it("gives typed factories bound to their status", () => {
    const error = errors.email_taken();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: "email_taken", message: "Email already registered" });
    expect(errors.email_taken({ message: "Taken", fields: { email: "taken" } })).toMatchObject({
      message: "Taken",
      fields: { email: "taken" },
    });
  });

  it("can be listed", () => {
    expect(listErrors(errors)).toEqual([
      { code: "email_taken", status: 409, message: "Email already registered" },
      { code: "quota_exceeded", status: 429, message: "Quota exceeded" },
    ]);
    expect(errors.quota_exceeded.status).toBe(429);
  });

  it("rejects invalid codes and statuses at compile time and at run time", () => {
    // @ts-expect-error: a code must be lower snake case
    expect(() => defineErrors({ EmailTaken: { status: 409, message: "x" } })).toThrow(TypeError);
    // @ts-expect-error: a status must be from 400 to 599
    expect(() => defineErrors({ ok: { status: 200, message: "x" } })).toThrow(TypeError);
    // @ts-expect-error: a status must be from 400 to 599
    expect(() => defineErrors({ weird: { status: 600, message: "x" } })).toThrow(TypeError);
    // @ts-expect-error: a message must not be empty
    expect(() => defineErrors({ blank: { status: 400, message: "" } })).toThrow(TypeError);
    // @ts-expect-error: a code must be lower snake case
    expect(() => defineErrors({ "with-dash": { status: 400, message: "x" } })).toThrow(TypeError);
    // Only the wrong definition is blamed, the right one beside it is not.
    const mixed = () =>
      // @ts-expect-error: a status must be from 400 to 599
      defineErrors({ fine: { status: 409, message: "x" }, late: { status: 399, message: "x" } });
    expect(mixed).toThrow(/late needs a status/);
  });

  it("types each factory with its own code, and a catalog with exactly its codes", () => {
    expectTypeOf(errors.email_taken).toEqualTypeOf<ErrorFactory<"email_taken">>();
    expectTypeOf(errors.email_taken.code).toEqualTypeOf<"email_taken">();
    expectTypeOf<keyof typeof errors>().toEqualTypeOf<"email_taken" | "quota_exceeded">();
    expectTypeOf(errors.email_taken()).toExtend<ApiError>();
    // @ts-expect-error: a code the catalog does not declare
    errors.email_taken_twice;
  });

  it("checks at run time only what the types cannot see", () => {
    // Definitions built at run time (a plain string key, a status typed as a union) compile;
    // a wrong one is still refused when defineErrors runs.
    const dynamic: Record<string, ErrorDefinition> = { "Not-Snake": { status: 409, message: "x" } };
    expect(() => defineErrors(dynamic)).toThrow(/not a valid code/);
    expectTypeOf(defineErrors<typeof dynamic>).returns.toEqualTypeOf<
      ErrorCatalog<Record<string, ErrorDefinition>>
    >();
    const status = 404 as 404 | 410;
    expect(() => defineErrors({ not_found: { status, message: "x" } })).not.toThrow();
  });

  it("refuses to rebind a generic code to another status", () => {
    // @ts-expect-error: not_found is the generic code of 404
    expect(() => defineErrors({ not_found: { status: 410, message: "x" } })).toThrow(/generic code of 404/);
    // @ts-expect-error: validation_failed is the generic code of 422
    expect(() => defineErrors({ validation_failed: { status: 400, message: "x" } })).toThrow(
      /generic code of 422/,
    );
    expect(defineErrors({ not_found: { status: 404, message: "No such user" } }).not_found().status).toBe(
      404,
    );
  });
});

import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error.js";
import { defineErrors, listErrors } from "./define-errors.js";

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
    expect(() => defineErrors({ blank: { status: 400, message: "" } })).toThrow(TypeError);
  });

  it("refuses to rebind a generic code to another status", () => {
    expect(() => defineErrors({ not_found: { status: 410, message: "x" } })).toThrow(/generic code of 404/);
    expect(defineErrors({ not_found: { status: 404, message: "No such user" } }).not_found().status).toBe(
      404,
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error.js";
import { ErrorBody } from "./error-body.js";
import { notFound } from "./factories.js";
import { renderError } from "./render.js";
import { toApiError } from "./to-api-error.js";

const SECRET = "S3CRET-fault-do-not-leak";

/** Thrown values of every awkward kind, each carrying the secret where it can. */
function hostileValues(): fc.Arbitrary<unknown> {
  const circular = () => {
    const value: Record<string, unknown> = { message: SECRET };
    value.self = value;
    return value;
  };
  const throwingGetters = () =>
    Object.defineProperties(
      {},
      {
        status: {
          get() {
            throw new Error(SECRET);
          },
        },
        message: {
          get() {
            throw new Error(SECRET);
          },
        },
      },
    );
  const trapProxy = () =>
    new Proxy(new Error(SECRET), {
      get() {
        throw new Error(SECRET);
      },
      getPrototypeOf() {
        throw new Error(SECRET);
      },
    });
  const throwingToJSON = () => ({
    toJSON() {
      throw new Error(SECRET);
    },
  });
  return fc.oneof(
    fc.anything(),
    fc.string().map((s) => `${s}${SECRET}`),
    fc.bigInt(),
    fc.constantFrom(null, undefined, Symbol(SECRET), Number.NaN, () => SECRET),
    fc.constant(null).map(circular),
    fc.constant(null).map(throwingGetters),
    fc.constant(null).map(trapProxy),
    fc.constant(null).map(throwingToJSON),
    fc
      .integer({ min: 100, max: 700 })
      .map((statusCode) => ({ statusCode, status: statusCode, message: SECRET })),
    fc.string().map((s) => new Error(`${SECRET}${s}`, { cause: new Error(SECRET) })),
    fc.constant(null).map(() => new TypeError(SECRET.repeat(10_000))),
    fc
      .constant(null)
      .map(() => Object.assign(new Error(SECRET), { status: 404, statusCode: 404, code: "not_found" })),
  );
}

describe("toApiError", () => {
  it("passes an ApiError through as it is", () => {
    const error = notFound("No such user");
    expect(toApiError(error)).toBe(error);
  });

  it("rebuilds an ApiError of another copy of core, checked", () => {
    const foreign = Object.assign(new Error("Taken"), { status: 409, code: "email_taken", headers: {} });
    Object.defineProperty(foreign, Symbol.for("@error-contract/core/ApiError"), { value: true });
    const error = toApiError(foreign);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: "email_taken", message: "Taken" });
  });

  it("does not trust a forged brand with a bad status", () => {
    const forged = { status: 200, code: "ok", message: SECRET };
    Object.defineProperty(forged, Symbol.for("@error-contract/core/ApiError"), { value: true });
    expect(toApiError(forged).status).toBe(500);
  });

  it("makes anything else a 500 that keeps the original as cause", () => {
    const thrown = { statusCode: 404, message: "Not found" };
    const error = toApiError(thrown);
    expect(error.status).toBe(500);
    expect(error.code).toBe("internal_error");
    expect(error.cause).toBe(thrown);
  });

  it("captures no stack of its own for the wrapper: the cause keeps the one that matters", () => {
    const thrown = new Error("db down");
    const error = toApiError(thrown);
    expect(error.stack).not.toMatch(/\n\s+at /);
    expect((error.cause as Error).stack).toMatch(/\n\s+at /);
    expect(new Error("after").stack).toMatch(/\n\s+at /);
  });

  it("property: any thrown value renders as a contract 500 that leaks nothing", () => {
    fc.assert(
      fc.property(
        hostileValues(),
        fc.constantFrom("json", "problem+json") as fc.Arbitrary<"json">,
        (thrown, format) => {
          const rendered = renderError(toApiError(thrown), { traceId: "t-1", format });
          expect(rendered.status).toBe(500);
          const body = JSON.parse(rendered.body);
          if (format === "json")
            expect(ErrorBody.parse(body)).toEqual({
              error: "internal_error",
              message: "Internal server error",
              traceId: "t-1",
            });
          expect(rendered.body).not.toContain(SECRET);
          expect(JSON.stringify(rendered.headers)).not.toContain(SECRET);
        },
      ),
      { numRuns: 500 },
    );
  });
});

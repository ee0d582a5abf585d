import { describe, expect, it } from "vitest";
import type { errors } from "../test/fixtures/server-errors.js";
import { ContractError } from "./contract-error.js";
import { type CatalogCode, type CodeOf, errorsOf, isError } from "./is-error.js";
import { parseError } from "./parse-error.js";

// Type-level assertions, checked by `tsc` (npm run typecheck): a wrong type is a compile error.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// The server's catalog, through a type-only import: no server code reaches the client.
type Api = typeof errors;
const api = errorsOf<Api>();

export type CatalogCodes = Expect<Equal<CatalogCode<Api>, "email_taken" | "plan_limit_reached">>;
export type WithGeneric = Expect<
  Equal<Extract<CodeOf<Api>, "email_taken" | "not_found" | "nope">, "email_taken" | "not_found">
>;

const taken = parseError({
  status: 409,
  body: { error: "email_taken", message: "Email already registered", traceId: "t1" },
});

describe("isError", () => {
  it("narrows to the catalog's code", () => {
    const caught: unknown = taken;
    if (api.isError(caught, "email_taken")) {
      const code: "email_taken" = caught.code;
      type Narrowed = Expect<Equal<typeof caught, ContractError<"email_taken">>>;
      const narrowed: Narrowed = true;
      expect([code, narrowed]).toEqual(["email_taken", true]);
    } else {
      expect.fail("email_taken was not recognised");
    }
    expect(api.isError(caught, "conflict")).toBe(false);
    expect(api.isError(new Error("email_taken"), "email_taken")).toBe(false);
    expect(api.isError({ code: "email_taken" }, "email_taken")).toBe(false);
  });

  it("an undeclared code is a compile error", () => {
    // @ts-expect-error "email_takn" is not declared by the catalog (a typo).
    expect(api.isError(taken, "email_takn")).toBe(false);
    // @ts-expect-error without the catalog, only the generic codes are known.
    expect(isError(taken, "email_taken")).toBe(true);
    // @ts-expect-error a code of another status that no catalog declares.
    expect(isError(taken, "forbiden")).toBe(false);
  });

  it("the generic codes need no catalog", () => {
    const missing: unknown = parseError({ status: 404, body: "" });
    expect(isError(missing, "not_found")).toBe(true);
    if (isError(missing, "not_found")) {
      type Narrowed = Expect<Equal<typeof missing.code, "not_found">>;
      const narrowed: Narrowed = true;
      expect(narrowed).toBe(true);
    }
    expect(missing).toBeInstanceOf(ContractError);
  });
});

import { ContractError } from "./contract-error.js";
import type { GenericCode } from "./generic-codes.js";

/**
 * The codes a server's catalog declares, from its type alone:
 * `import type { errors } from "../server/errors"` then `CatalogCode<typeof errors>`.
 */
export type CatalogCode<Catalog> = {
  [K in keyof Catalog]: Catalog[K] extends { readonly code: infer Code extends string } ? Code : never;
}[keyof Catalog];

/** Every code an API with this catalog may answer: the generic ones and the catalog's own. */
export type CodeOf<Catalog> = GenericCode | CatalogCode<Catalog>;

/** Whether a value is a `ContractError` with this generic code; narrows `error.code`. */
export function isError<const Code extends GenericCode>(
  error: unknown,
  code: Code,
): error is ContractError<Code> {
  return error instanceof ContractError && error.code === code;
}

/** The checks typed by a server's catalog, e.g. `errorsOf<typeof errors>().isError(e, "email_taken")`. */
export interface TypedErrors<Catalog> {
  isError<const Code extends CodeOf<Catalog>>(error: unknown, code: Code): error is ContractError<Code>;
}

/**
 * Checks typed by a server's catalog, through a type-only import: a code the catalog does not
 * declare (and no generic one) is a compile error.
 */
export function errorsOf<Catalog>(): TypedErrors<Catalog> {
  return { isError: isError as TypedErrors<Catalog>["isError"] };
}

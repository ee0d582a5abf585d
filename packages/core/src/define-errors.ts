import { ApiError, type CodeProblem, type ContractTypeError, type ErrorFields } from "./api-error.js";
import { CODE_PATTERN } from "./code-pattern.js";

export type { ValidCode } from "./api-error.js";

import { codeForStatus, type ErrorStatus, genericCodes, isErrorStatus } from "./status-codes.js";

export interface ErrorDefinition {
  status: ErrorStatus;
  /** The default message (on 5xx only for logs). */
  message: string;
}

export interface CustomErrorOptions {
  message?: string;
  fields?: ErrorFields;
  headers?: Readonly<Record<string, string>>;
  cause?: unknown;
}

/** A factory for one custom code; it also tells its code, status and default message. */
export interface ErrorFactory<Code extends string = string> {
  (options?: CustomErrorOptions): ApiError;
  readonly code: Code;
  readonly status: ErrorStatus;
  readonly message: string;
}

/** The factories of a catalog, one per code (`T` is what was passed to `defineErrors`). */
export type ErrorCatalog<T extends object> = {
  readonly [K in keyof T & string]: ErrorFactory<K>;
};

/** What `defineErrors` takes before it checks it: the checks below then name what is wrong. */
interface UncheckedDefinition {
  status: number;
  message: string;
}

/** The definition `D` of code `K` itself when it is right, else what is wrong with it. */
type CheckedDefinition<K extends string, D> = D extends { status: infer S extends number; message: infer M }
  ? CodeProblem<K, ErrorStatus> extends ContractTypeError<infer Reason>
    ? ContractTypeError<Reason>
    : [S] extends [ErrorStatus]
      ? CodeProblem<K, S> extends ContractTypeError<infer Reason>
        ? { status: ContractTypeError<Reason> }
        : [M] extends [""]
          ? { message: ContractTypeError<"message must not be empty"> }
          : D
      : { status: ContractTypeError<"status must be 400-599"> }
  : D;

type CheckedDefinitions<T> = {
  [K in keyof T]: K extends string ? CheckedDefinition<K, T[K]> : never;
};

const GENERIC_STATUS = new Map(genericCodes().map(({ code, status }) => [code, status as number]));

/**
 * Declares an application's own codes, each bound to one status:
 * `const errors = defineErrors({ email_taken: { status: 409, message: "Email already registered" } })`
 * then `throw errors.email_taken()`.
 */
export function defineErrors<const T extends Record<string, UncheckedDefinition>>(
  definitions: T & CheckedDefinitions<T>,
): ErrorCatalog<T> {
  const catalog: Record<string, ErrorFactory> = {};
  for (const [code, { status, message }] of Object.entries(definitions as Record<string, ErrorDefinition>)) {
    if (!CODE_PATTERN.test(code))
      throw new TypeError(`defineErrors: "${code}" is not a valid code (${CODE_PATTERN})`);
    if (!isErrorStatus(status)) throw new TypeError(`defineErrors: ${code} needs a status from 400 to 599`);
    const genericStatus = GENERIC_STATUS.get(code);
    if (genericStatus !== undefined && genericStatus !== status) {
      throw new TypeError(`defineErrors: ${code} is the generic code of ${genericStatus}`);
    }
    if (typeof message !== "string" || message === "")
      throw new TypeError(`defineErrors: ${code} needs a message`);
    const factory = (options: CustomErrorOptions = {}) =>
      new ApiError({ ...options, status, code, message: options.message ?? message });
    catalog[code] = Object.assign(factory, { code, status, message }) as ErrorFactory;
  }
  return Object.freeze(catalog) as ErrorCatalog<T>;
}

/** The codes of a catalog, for documentation and OpenAPI. */
export function listErrors(catalog: AnyErrorCatalog): ErrorDefinitionEntry[] {
  return Object.values(catalog).map(({ code, status, message }) => ({ code, status, message }));
}

export interface ErrorDefinitionEntry extends ErrorDefinition {
  code: string;
}

/** Any catalog, whatever its codes. */
export type AnyErrorCatalog = Readonly<Record<string, ErrorFactory>>;

/**
 * Whether a code may answer with a status: the status's generic code, or a code the catalog
 * binds to that status. Without a catalog every well-formed code may.
 */
export function isDeclaredCode(
  catalog: AnyErrorCatalog | undefined,
  code: string,
  status: ErrorStatus,
): boolean {
  if (catalog === undefined || code === codeForStatus(status)) return true;
  const factory = Object.hasOwn(catalog, code) ? catalog[code] : undefined;
  return factory !== undefined && factory.status === status;
}

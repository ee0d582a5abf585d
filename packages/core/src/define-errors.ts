import { ApiError, type ErrorFields } from "./api-error.js";
import { codeForStatus, type ErrorStatus, genericCodes, isErrorStatus } from "./status-codes.js";

type LowerLetter =
  | "a"
  | "b"
  | "c"
  | "d"
  | "e"
  | "f"
  | "g"
  | "h"
  | "i"
  | "j"
  | "k"
  | "l"
  | "m"
  | "n"
  | "o"
  | "p"
  | "q"
  | "r"
  | "s"
  | "t"
  | "u"
  | "v"
  | "w"
  | "x"
  | "y"
  | "z";
type CodeChar = LowerLetter | "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "_";
type IsCodeTail<S extends string> = S extends ""
  ? true
  : S extends `${infer C}${infer Rest}`
    ? C extends CodeChar
      ? IsCodeTail<Rest>
      : false
    : false;

/** `K` itself when it is a valid code (`^[a-z][a-z0-9_]*$`), else `never`. */
export type ValidCode<K extends string> = K extends `${infer First}${infer Rest}`
  ? First extends LowerLetter
    ? IsCodeTail<Rest> extends true
      ? K
      : never
    : never
  : never;

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

export type ErrorCatalog<T extends Record<string, ErrorDefinition>> = {
  readonly [K in keyof T & string]: ErrorFactory<K>;
};

type CheckedDefinitions<T> = {
  [K in keyof T]: K extends string ? (ValidCode<K> extends never ? never : T[K]) : never;
};

const CODE_PATTERN = /^[a-z][a-z0-9_]*$/;
const GENERIC_STATUS = new Map(genericCodes().map(({ code, status }) => [code, status as number]));

/**
 * Declares an application's own codes, each bound to one status:
 * `const errors = defineErrors({ email_taken: { status: 409, message: "Email already registered" } })`
 * then `throw errors.email_taken()`.
 */
export function defineErrors<const T extends Record<string, ErrorDefinition>>(
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
export function listErrors(catalog: ErrorCatalog<Record<string, ErrorDefinition>>): ErrorDefinitionEntry[] {
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

import { CODE_PATTERN } from "./code-pattern.js";
import {
  codeForStatus,
  type ErrorStatus,
  type GenericCodeStatus,
  genericMessage,
  isErrorStatus,
} from "./status-codes.js";

declare const typeErrorMessage: unique symbol;

/**
 * A compile-time error: no value has this type, so a definition or code that TypeScript can tell
 * is wrong fails to compile with `M`, the reason, in the message.
 */
export interface ContractTypeError<M extends string> {
  readonly [typeErrorMessage]: M;
}

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

/**
 * Why code `C` may not answer with status `S`, as a `ContractTypeError`; `undefined` when it may
 * or when TypeScript cannot tell (a `string`, a union of statuses).
 */
export type CodeProblem<C extends string, S extends number> = string extends C
  ? undefined
  : [ValidCode<C>] extends [never]
    ? ContractTypeError<"code must be lower_snake_case">
    : C extends keyof GenericCodeStatus
      ? [S] extends [GenericCodeStatus[C]]
        ? undefined
        : IsUnion<S> extends true
          ? undefined
          : ContractTypeError<`${C} is the generic code of ${GenericCodeStatus[C]}`>
      : undefined;

// A status typed as a union (or as `number`) may still be the right one: only a literal is told.
type IsUnion<T, All = T> = number extends T
  ? true
  : T extends unknown
    ? [All] extends [T]
      ? false
      : true
    : never;

/** `C` when it may answer with `S`, else the reason it may not. */
type CheckedCode<C extends string, S extends number> =
  CodeProblem<C, S> extends undefined ? C : CodeProblem<C, S>;

/** Registered, so that two copies of core in one process recognise each other's errors. */
const API_ERROR = Symbol.for("@error-contract/core/ApiError");
const NO_HEADERS: ErrorHeaders = Object.freeze({});

export type ErrorFields = Readonly<Record<string, string>>;
export type ErrorHeaders = Readonly<Record<string, string>>;

/**
 * `C` and `S` are inferred from a literal code and status, so that a code that is not lower
 * snake case, or a generic code bound to another status, is a type error.
 */
export interface ApiErrorInit<C extends string = string, S extends ErrorStatus = ErrorStatus> {
  status: S;
  /** Machine code (`^[a-z][a-z0-9_]*$`); defaults to the status's generic code. */
  code?: CheckedCode<C, S> | undefined;
  /** Shown to the client on 4xx; on 5xx it is only for logs (the client sees a generic one). */
  message?: string | undefined;
  /** Field paths to what is wrong with each (400 and 422). */
  fields?: Readonly<Record<string, string>> | undefined;
  /** Response headers the error calls for: `WWW-Authenticate`, `Allow`, `Retry-After`. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** The underlying failure: for logs, never rendered. */
  cause?: unknown;
}

/**
 * The toolkit's error: the only kind of thrown value (with the frameworks' own exceptions)
 * allowed to choose a status.
 */
export class ApiError<
  const C extends string = string,
  const S extends ErrorStatus = ErrorStatus,
> extends Error {
  declare readonly [API_ERROR]: true;
  readonly status: ErrorStatus;
  readonly code: string;
  readonly fields: ErrorFields | undefined;
  readonly headers: ErrorHeaders;

  constructor(init: ApiErrorInit<C, S>) {
    const { status, fields, headers } = init;
    // A type error can still reach here from plain JavaScript: the runtime check below holds.
    const code = init.code === undefined ? codeForStatus(status) : (init.code as string);
    if (!isErrorStatus(status)) throw new TypeError(`ApiError status must be 400-599, got ${String(status)}`);
    if (!CODE_PATTERN.test(code))
      throw new TypeError(`ApiError code must match ${CODE_PATTERN}, got "${code}"`);
    const message = init.message || genericMessage(status);
    // Expected client errors need no stack: skipping its capture makes a 4xx cheap.
    const stackLimit = Error.stackTraceLimit;
    if (status < 500) Error.stackTraceLimit = 0;
    try {
      super(message, init.cause === undefined ? undefined : { cause: init.cause });
    } finally {
      Error.stackTraceLimit = stackLimit;
    }
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields && Object.keys(fields).length > 0 ? checkedFields(fields) : undefined;
    this.headers = headers === undefined ? NO_HEADERS : Object.freeze({ ...headers });
  }
}

// The brand lives on the prototype: every instance has it without a per-instance property.
Object.defineProperty(ApiError.prototype, API_ERROR, { value: true });

function checkedFields(fields: Readonly<Record<string, string>>): ErrorFields {
  for (const [path, text] of Object.entries(fields)) {
    if (path === "" || typeof text !== "string" || text === "") {
      throw new TypeError(`ApiError fields need non-empty paths and messages (at "${path}")`);
    }
  }
  return Object.freeze({ ...fields });
}

/** True for an `ApiError` of any copy of core. Never throws, not even on a hostile Proxy. */
export function isApiError(value: unknown): value is ApiError {
  try {
    return (
      (typeof value === "object" || typeof value === "function") &&
      value !== null &&
      (value as { [API_ERROR]?: unknown })[API_ERROR] === true
    );
  } catch {
    return false;
  }
}

import { codeForStatus, type ErrorStatus, genericMessage, isErrorStatus } from "./status-codes.js";

/** Registered, so that two copies of core in one process recognise each other's errors. */
const API_ERROR = Symbol.for("@error-contract/core/ApiError");
const CODE_PATTERN = /^[a-z][a-z0-9_]*$/;
const NO_HEADERS: ErrorHeaders = Object.freeze({});

export type ErrorFields = Readonly<Record<string, string>>;
export type ErrorHeaders = Readonly<Record<string, string>>;

export interface ApiErrorInit {
  status: ErrorStatus;
  /** Machine code; defaults to the status's generic code. */
  code?: string | undefined;
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
export class ApiError extends Error {
  declare readonly [API_ERROR]: true;
  readonly status: ErrorStatus;
  readonly code: string;
  readonly fields: ErrorFields | undefined;
  readonly headers: ErrorHeaders;

  constructor(init: ApiErrorInit) {
    const { status, code = codeForStatus(init.status), fields, headers } = init;
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

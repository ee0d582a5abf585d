import { actionFor } from "./action.js";
import { isErrorBody, isObject, isProblemBody, PROTO } from "./contract-body.js";
import { ContractError } from "./contract-error.js";
import { genericCode, messageOfCode } from "./generic-codes.js";
import { parseRetryAfter } from "./retry-after.js";
import { parseChallenges } from "./www-authenticate.js";

/** Headers as fetch, axios, ofetch or Node give them. */
export type HeadersLike = { get(name: string): unknown } | Readonly<Record<string, unknown>>;

/** An answer already read: the body as text, bytes, parsed JSON, or nothing. */
export interface ErrorAnswer {
  status: number;
  headers?: HeadersLike | null | undefined;
  body?: unknown;
}

export interface ParseErrorOptions {
  /** The request's method: 502 and 504 are `retry` only for idempotent methods. */
  method?: string | undefined;
  /** The clock for an HTTP-date `Retry-After` (ms since the epoch; default `Date.now()`). */
  now?: number | undefined;
}

const KNOWN_MEMBERS = new Set(["error", "message", "fields", "traceId", "type", "title", "status", "detail"]);

/**
 * Reads an error answer into a `ContractError`. Never throws (and the promise never rejects):
 * an answer that is not the contract (an HTML 502, a framework's own body, text, nothing,
 * broken JSON) gives `contract: false` and the status's generic code.
 */
export function parseError(response: Response, options?: ParseErrorOptions): Promise<ContractError>;
export function parseError(answer: ErrorAnswer, options?: ParseErrorOptions): ContractError;
export function parseError(
  input: Response | ErrorAnswer,
  options: ParseErrorOptions = {},
): ContractError | Promise<ContractError> {
  if (typeof (input as Response).text === "function") {
    const response = input as Response;
    const read = (body: unknown) => fromAnswer(response.status, response.headers, body, options);
    return response.text().then(read, () => read(undefined));
  }
  const answer = input as ErrorAnswer;
  return fromAnswer(answer.status, answer.headers, answer.body, options);
}

function fromAnswer(
  status: number,
  headers: HeadersLike | null | undefined,
  raw: unknown,
  { method, now }: ParseErrorOptions,
): ContractError {
  const body = decode(raw);
  const read = isErrorBody(body)
    ? { code: body.error, message: body.message, fields: body.fields, traceId: body.traceId }
    : isProblemBody(body)
      ? { code: body.error, message: body.detail, fields: body.fields, traceId: body.traceId }
      : undefined;
  const extensions: Record<string, unknown> = {};
  if (isObject(body)) {
    for (const key of Object.keys(body))
      if (!KNOWN_MEMBERS.has(key) && key !== PROTO) extensions[key] = body[key];
  }
  const code = read?.code ?? genericCode(status);
  let fields = read?.fields;
  if (fields !== undefined && Object.hasOwn(fields, PROTO)) {
    const copy: Record<string, string> = { ...fields };
    delete copy[PROTO];
    fields = copy;
  }
  const retryAfter = parseRetryAfter(header(headers, "retry-after"), now);
  return new ContractError({
    status,
    code,
    message: read?.message ?? messageOfCode(code),
    fields,
    traceId: read ? read.traceId : header(headers, "x-request-id"),
    retryAfter,
    challenges: parseChallenges(header(headers, "www-authenticate")),
    action: actionFor(status, fields !== undefined && Object.keys(fields).length > 0, retryAfter, method),
    contract: read !== undefined,
    extensions,
    body,
  });
}

// Text and bytes are parsed as JSON when they are JSON; anything else is kept as it came.
function decode(raw: unknown): unknown {
  let text = raw;
  if (raw instanceof ArrayBuffer || ArrayBuffer.isView(raw)) text = new TextDecoder().decode(raw);
  if (typeof text !== "string") return raw ?? undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function header(headers: HeadersLike | null | undefined, name: string): string | undefined {
  if (typeof headers !== "object" || headers === null) return undefined;
  let value: unknown;
  if (typeof headers.get === "function") value = (headers as { get(name: string): unknown }).get(name);
  else {
    const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
    value = key === undefined ? undefined : (headers as Record<string, unknown>)[key];
  }
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/**
 * A conformance case is data: the request(s) to send and what the response must show.
 * Strings may hold `{{name}}` placeholders, filled per run (see `template.ts`).
 */
export interface ConformanceCase {
  /** Stable kebab-case id, used by `--only`/`--skip` and in reports. */
  readonly id: string;
  readonly title: string;
  /** The route group the case belongs to (`register`, `users`, `me`, …). */
  readonly group: string;
  /** Labels for `--tag`/`--skip-tag`, beside the group (see `case-tags.ts` for the derived ones). */
  readonly tags?: readonly string[];
  /** Requests sent first; their results feed the final request through `capture`. */
  readonly setup?: readonly SetupStep[];
  readonly request: CaseRequest;
  readonly expect: Expectation;
}

export interface CaseRequest {
  readonly method: string;
  /** Path and query, starting with `/`. */
  readonly path: string;
  /** Sent exactly as given: nothing (not even `Content-Type`) is added. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: RequestBody;
}

export type RequestBody =
  /** `JSON.stringify(value)`, placeholders filled in string values. */
  | { readonly kind: "json"; readonly value: unknown }
  /** Raw text, sent as its UTF-8 bytes. */
  | { readonly kind: "text"; readonly text: string }
  /**
   * A JSON object padded (with an extra `padding` member) to exactly `bytes` bytes; `chunked`
   * streams it without a Content-Length.
   */
  | {
      readonly kind: "padded-json";
      readonly value: Readonly<Record<string, unknown>>;
      readonly bytes: number;
      readonly chunked: boolean;
    };

export interface SetupStep {
  readonly request: CaseRequest;
  /** The status the step must get, or the case fails before its final request. */
  readonly status: number;
  /** Variables to keep: name → `body.<member>` or `header.<name>`. */
  readonly capture?: Readonly<Record<string, string>>;
}

export type HeaderRule =
  | { readonly equals: string }
  | { readonly startsWith: string }
  | { readonly endsWith: string }
  | { readonly includes: string }
  /** The whole value matches this regular expression (its source, anchored by the writer). */
  | { readonly matches: string };

export interface Expectation {
  /** One status, or the allowed ones (405 or 404). */
  readonly status: number | readonly number[];
  /** The error code; when left out on an error status, the status's generic code. */
  readonly error?: string;
  /** Keys that must be in the error body's `fields`. */
  readonly fields?: readonly string[];
  /** The error rendering: default JSON, or RFC 9457 problem+json. */
  readonly format?: "json" | "problem+json";
  readonly headers?: Readonly<Record<string, HeaderRule>>;
  /** A success body: exact JSON, exact member names, or members it must have. */
  readonly body?: BodyRule;
  /** The response's trace id: an exact value, or a new id (never an echo of the invalid input). */
  readonly traceId?: { readonly equals: string } | "fresh";
}

export interface BodyRule {
  readonly equals?: Readonly<Record<string, unknown>>;
  readonly keys?: readonly string[];
  readonly includes?: Readonly<Record<string, unknown>>;
  /** Members whose string value matches a regular expression (its source, anchored by the writer). */
  readonly matches?: Readonly<Record<string, string>>;
  /** No body at all (204, HEAD). */
  readonly empty?: boolean;
}

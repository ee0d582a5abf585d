import type { Vars } from "../template.js";

/**
 * A hostile case: exact bytes a client could send (malformed JSON, lying lengths, aborted
 * uploads, unknown methods), what the client does next, and what the server must show.
 */
export interface HostileCase {
  /** Stable kebab-case id, for `--only`/`--skip` and reports. */
  readonly id: string;
  readonly title: string;
  readonly group: string;
  /** The request line's method (a HEAD answer has no body). */
  readonly method: string;
  /** The exact bytes, built per run (`vars.email` is fresh each run). */
  readonly bytes: (vars: Vars) => Uint8Array;
  /**
   * After sending: `read` the answer (default); `end` half-closes first (a body shorter than
   * its Content-Length, then nothing more); `abort` drops the connection mid-body (no answer).
   */
  readonly after?: "read" | "end" | "abort";
  readonly expect: HostileExpectation;
  /**
   * Pipelining: the statuses of the whole answers that must come first, in order, on the same
   * connection, before the answer `expect` checks (the refusal of a later request).
   */
  readonly answersFirst?: readonly number[];
  /** A slow client: the bytes go out `chunkBytes` at a time, one slice every `everyMs`. */
  readonly drip?: { readonly chunkBytes: number; readonly everyMs: number };
  /** `pollution`: also prove no prototype was polluted (`{}` still answers 400 with both fields). */
  readonly probe?: "pollution";
}

export interface HostileExpectation {
  /** The allowed statuses: always 4xx (a hostile request is never the server's failure). */
  readonly status: readonly number[];
  /** Keys `fields` must have (checked when the status is 400 or 422). */
  readonly fields?: readonly string[];
  /** Renderings allowed (default JSON only); odd Accept values may get either. */
  readonly formats?: readonly ("json" | "problem+json")[];
  readonly traceId?: "fresh";
  /** The server stopped reading the body: the answer says `Connection: close` and the connection closes. */
  readonly closes?: boolean;
  /** Not valid HTTP/1.1 for a strict parser: a body-less 4xx (or nothing) followed by a close is allowed. */
  readonly parserMayReject?: boolean;
  /** Bytes follow the request on the same connection (a short Content-Length): no reuse check. */
  readonly pipelined?: boolean;
}

import type { ConformanceCase } from "../case.js";
import type { OpenApiDocument, Operation } from "./document.js";

/** A case derived from an OpenAPI document. */
export interface OpenApiCase extends ConformanceCase {
  readonly tags: readonly string[];
  /** The operation whose documented responses an error answer must match. */
  readonly operation?: { readonly method: string; readonly path: string } | undefined;
  /**
   * HEAD on a GET operation: the same request is sent as GET first, and HEAD must answer as it
   * did (status, Content-Type) without a body. `expect.status` lists what GET may answer.
   */
  readonly headOfGet?: boolean;
  /** Credentials given with `--header` are left out (the 401 cases). */
  readonly withoutCredentials?: boolean;
  /**
   * The case needs credentials that meet the operation's `security` (a positive path, a body
   * case): left out when the headers given with `--header` do not meet it.
   */
  readonly needsCredentials?: boolean;
}

/** What the derivation needs to know beyond the document. */
export interface DeriveOptions {
  /** Derive cases with unsafe methods (POST, PUT, PATCH, DELETE, …) too. */
  readonly allowWrites?: boolean | undefined;
  /** The service's request body limit in bytes (default 65 536). */
  readonly bodyLimit?: number | undefined;
  /** Whether `--header` gives an `Authorization` header (same as naming it in `headers`). */
  readonly hasCredentials?: boolean | undefined;
  /** The names of the headers given with `--header`: which security schemes they meet. */
  readonly headers?: readonly string[] | undefined;
}

/**
 * One check of the OpenAPI mode: the cases it derives for one operation. A new check is a new
 * deriver in `derivers.ts`; what a run may send (writes, credentials) is decided after it.
 */
export type Deriver = (
  document: OpenApiDocument,
  operation: Operation,
  options: DeriveOptions,
) => OpenApiCase[];

export interface Derived {
  readonly cases: readonly OpenApiCase[];
  /** Cases not derived, and why (`--allow-writes` missing, no credentials for a secured body). */
  readonly leftOut: readonly { readonly id: string; readonly reason: string }[];
}

export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** The header names the options give: `headers`, and `authorization` for `hasCredentials`. */
export function givenHeaders(options: DeriveOptions): string[] {
  return [...(options.headers ?? []), ...(options.hasCredentials ? ["authorization"] : [])];
}

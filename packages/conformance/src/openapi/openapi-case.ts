import type { ConformanceCase } from "../case.js";

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
}

/** What the derivation needs to know beyond the document. */
export interface DeriveOptions {
  /** Derive cases with unsafe methods (POST, PUT, PATCH, DELETE, …) too. */
  readonly allowWrites?: boolean | undefined;
  /** The service's request body limit in bytes (default 65 536). */
  readonly bodyLimit?: number | undefined;
  /** Whether `--header` gives an `Authorization` header (bearer-secured operations can be passed). */
  readonly hasCredentials?: boolean | undefined;
}

export interface Derived {
  readonly cases: readonly OpenApiCase[];
  /** Cases not derived, and why (`--allow-writes` missing, no credentials for a secured body). */
  readonly leftOut: readonly { readonly id: string; readonly reason: string }[];
}

export const DEFAULT_BODY_LIMIT = 64 * 1024;

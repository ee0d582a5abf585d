import type { AnyErrorCatalog, ApiError } from "@error-contract/core";
import type { ErrorFormat } from "@error-contract/core/adapter";

/** What the report hook learns about a failed request. */
export interface ReportContext {
  traceId: string;
  method: string;
  /** The request URL as received (core's log line drops its query string). */
  path: string;
}

export interface ErrorContractOptions {
  /** `json` (default), `problem+json`, or `negotiate` by the request's `Accept`. */
  format?: ErrorFormat | "negotiate";
  /** Your `defineErrors` catalog: codes it does not declare are answered with the generic code. */
  catalog?: AnyErrorCatalog;
  /**
   * Called once for each error the server is to blame for (5xx), after the answer was written.
   * Defaults to one line on Nest's `Logger` (core's `formatErrorLog`).
   */
  report?: (error: ApiError, context: ReportContext) => void;
}

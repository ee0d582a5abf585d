import type { ContractOptions } from "@error-contract/core/adapter";

/**
 * `format`, `catalog` and `report` (core's `ContractOptions`). The report hook is
 * `(error, { traceId, method, path, status, code })`, called once per 5xx; it defaults to core's
 * `jsonLogReport()`, one JSON line on `console.error`, as on every adapter.
 */
export type ErrorContractOptions = ContractOptions;

export interface JsonBodyOptions {
  /** The largest body accepted, in bytes; a larger one is a 413. */
  limit: number;
}

export type { ReportContext, ReportHook } from "@error-contract/core";
export {
  type JsonBodyOptions as JsonOptions,
  jsonBodyMiddleware as json,
  // The request's trace id, for handlers and logs: `traceIdOf(req)` (the one `X-Request-Id` carries).
  nodeTraceId as traceIdOf,
} from "@error-contract/core/node";
export { type ErrorContract, type ErrorContractOptions, errorContract } from "./error-contract.js";
export { type ValidateSchemas, validate } from "./validate.js";

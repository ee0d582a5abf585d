export type { ReportContext, ReportHook } from "@error-contract/core";
// The request's trace id, for handlers and logs: `traceIdOf(request)` (the one `X-Request-Id` carries).
export { nodeTraceId as traceIdOf } from "@error-contract/core/node";
export { type ErrorContractOptions, errorContract, serverOptions } from "./error-contract.js";
export { zodValidatorCompiler } from "./validator-compiler.js";

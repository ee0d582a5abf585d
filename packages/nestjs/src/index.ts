export { ErrorContractFilter } from "./error-contract-filter.js";
export { ErrorContractModule } from "./error-contract-module.js";
export { type JsonBodyOptions, useJsonBodyParser } from "./json-body-parser.js";
export type { ErrorContractOptions, ReportContext } from "./options.js";
export { RequireJson, RequireJsonGuard } from "./require-json.js";
export { TraceId, traceIdMiddleware, traceIdOf } from "./trace-id.js";
export { ZodValidationPipe } from "./zod-validation-pipe.js";

export type { ReportContext, ReportHook } from "@error-contract/core";
// `X-Request-Id` on every response, success included: `app.use(traceIdMiddleware)`.
export { traceIdMiddleware } from "@error-contract/core/node";
export { ErrorContractFilter } from "./error-contract-filter.js";
export { ErrorContractModule } from "./error-contract-module.js";
export { fastifyServerOptions } from "./fastify-server-options.js";
export { JsonBody, useJsonBodyParser } from "./json-body.js";
export type { ErrorContractOptions, JsonBodyOptions } from "./options.js";
export { TraceId, traceIdOf } from "./trace-id.js";
export { ZodValidationPipe } from "./zod-validation-pipe.js";

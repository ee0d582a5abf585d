export type { ReportContext, ReportHook } from "@error-contract/core/adapter";
export { type JsonBodyOptions as JsonOptions, jsonBodyMiddleware as json } from "@error-contract/core/node";
export { type ErrorContract, type ErrorContractOptions, errorContract } from "./error-contract.js";
export { type ValidateSchemas, validate } from "./validate.js";

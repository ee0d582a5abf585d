export type { ReportContext, ReportHook } from "@error-contract/core/adapter";
export { type ErrorContract, type ErrorContractOptions, errorContract } from "./error-contract.js";
export { type JsonOptions, json } from "./json-body.js";
export { type ValidateSchemas, validate } from "./validate.js";

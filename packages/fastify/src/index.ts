export type { ReportContext, ReportHook } from "@error-contract/core/adapter";
export { type ErrorContractOptions, errorContract, serverOptions } from "./error-contract.js";
export { zodValidatorCompiler } from "./validator-compiler.js";

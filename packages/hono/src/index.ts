export type { ReportContext, ReportHook } from "@error-contract/core";
export {
  type ContractEnv,
  type ErrorContract,
  type ErrorContractOptions,
  errorContract,
  traceIdOf,
} from "./error-contract.js";
export { exactPath } from "./exact-path.js";
export type { NodeBindings } from "./node-server.js";
export type { StreamErrorHandler } from "./stream-error.js";
export { type ValidatedInput, validate } from "./validate.js";

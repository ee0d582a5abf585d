export {
  type ContractEnv,
  type ErrorContract,
  type ErrorContractOptions,
  errorContract,
  type ReportHook,
} from "./error-contract.js";
export type { StreamErrorHandler } from "./stream-error.js";
export { type ValidatedInput, validate } from "./validate.js";

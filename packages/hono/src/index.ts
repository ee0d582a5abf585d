export {
  type ContractEnv,
  type ErrorContract,
  type ErrorContractOptions,
  errorContract,
  type ReportHook,
} from "./error-contract.js";
export { type ValidatedInput, validate } from "./validate.js";

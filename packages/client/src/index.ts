// @error-contract/client: any error answer, read once, into one typed ContractError.
export { type Action, actionFor, isIdempotent } from "./action.js";
export { type AxiosErrorLike, contractInterceptor } from "./axios-interceptor.js";
export {
  type ErrorBodyMembers,
  isErrorBody,
  isProblemBody,
  type ProblemBodyMembers,
} from "./contract-body.js";
export { ContractError, type ContractErrorInit } from "./contract-error.js";
export { type ContractFetchInit, contractFetch, type RetryPolicy } from "./contract-fetch.js";
export { type GenericCode, genericCode } from "./generic-codes.js";
export { type CatalogCode, type CodeOf, errorsOf, isError, type TypedErrors } from "./is-error.js";
export { contractBeforeError, type KyHttpErrorLike } from "./ky-hook.js";
export { contractResponseError, type OfetchContextLike } from "./ofetch-hook.js";
export { type ErrorAnswer, type HeadersLike, type ParseErrorOptions, parseError } from "./parse-error.js";
export { parseRetryAfter } from "./retry-after.js";
export { type Challenge, parseChallenges } from "./www-authenticate.js";

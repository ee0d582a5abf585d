// The entry for adapter authors: the one error path an adapter calls, and the named errors its
// platform's parsers map onto. Applications use the main entry. It exports what adapters call,
// nothing else (entries.test.ts holds it so).

export type { EarlierHeaders } from "./earlier-headers.js";
export {
  type ContractOptions,
  createErrorPath,
  type ErrorAnswer,
  type ErrorPath,
  type ErrorRequest,
  type Recogniser,
} from "./error-path.js";
export { fromHttpException, type HttpExceptionInit } from "./http-exception.js";
export { jsonRequestFailure } from "./json-request.js";
export { isJsonContentType, JSON_CONTENT_TYPE } from "./media-type.js";
export type { ErrorFormat } from "./negotiate.js";
export { malformedPath } from "./path-encoding.js";
export { isProtocolSwitch } from "./protocol-switch.js";
export {
  REQUEST_BODY_ERRORS,
  type RequestBodyErrorEntry,
  type RequestBodyFailure,
  requestBodyError,
} from "./request-body-errors.js";
export type { HeaderSource } from "./request-headers.js";
export { createWebErrorPath, type WebContractOptions, type WebErrorPath } from "./web-error-path.js";
export { readWebJsonBody } from "./web-json-body.js";
export { type NodeIncomingFacts, requestTargetPath } from "./web-request-facts.js";

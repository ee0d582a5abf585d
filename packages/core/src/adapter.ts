// The entry for adapter authors: the one error path an adapter calls, and the named errors its
// platform's parsers map onto. Applications use the main entry.

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
export { jsonRequestFailure, parseJsonBody } from "./json-request.js";
export { formatErrorLog, type LogContext } from "./log-line.js";
export { isJsonContentType } from "./media-type.js";
export { type ErrorFormat, negotiateErrorFormat } from "./negotiate.js";
export { malformedPath } from "./path-encoding.js";
export { isProtocolSwitch } from "./protocol-switch.js";
export { type RenderedError, type RenderOptions, renderError } from "./render.js";
export {
  REQUEST_BODY_ERRORS,
  type RequestBodyErrorEntry,
  type RequestBodyFailure,
  requestBodyError,
} from "./request-body-errors.js";
export type { HeaderSource } from "./request-headers.js";
export { toApiError } from "./to-api-error.js";
export { generateTraceId, isValidTraceId, resolveTraceId } from "./trace-id.js";
export {
  boundTraceId,
  createWebErrorPath,
  type FetchHandler,
  type NodeBindings,
  nodeBindings,
  type WebContractOptions,
  type WebErrorPath,
  webRequestHeaders,
} from "./web-error-path.js";
export { readWebJsonBody } from "./web-json-body.js";
export { type NodeIncomingFacts, requestTargetPath } from "./web-request-facts.js";

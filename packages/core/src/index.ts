export { ApiError, type ApiErrorInit, type ErrorFields, type ErrorHeaders, isApiError } from "./api-error.js";
export { answerClientError, type ClientErrorSocket } from "./client-error.js";
export {
  type AnyErrorCatalog,
  type CustomErrorOptions,
  defineErrors,
  type ErrorCatalog,
  type ErrorDefinition,
  type ErrorDefinitionEntry,
  type ErrorFactory,
  isDeclaredCode,
  listErrors,
  type ValidCode,
} from "./define-errors.js";
export {
  ErrorBody,
  ErrorCode,
  ErrorFields as ErrorFieldsSchema,
  errorBodyJsonSchema,
  ProblemBody,
  problemBodyJsonSchema,
} from "./error-body.js";
export {
  type BearerChallenge,
  badGateway,
  badRequest,
  conflict,
  type ErrorOptions,
  forbidden,
  gatewayTimeout,
  gone,
  internal,
  methodNotAllowed,
  notAcceptable,
  notFound,
  notImplemented,
  payloadTooLarge,
  preconditionFailed,
  preconditionRequired,
  type RetryAfter,
  serviceUnavailable,
  tooManyRequests,
  unauthenticated,
  unsupportedMediaType,
  validationFailed,
} from "./factories.js";
export { defaultKind, type FromZodOptions, fromZodError, type IssueKind, type ZodIssue } from "./from-zod.js";
export { fromHttpException, type HttpExceptionInit, shouldReport } from "./http-exception.js";
export { describeThrown, formatErrorLog, type LogContext } from "./log-line.js";
export { isJsonContentType } from "./media-type.js";
export { type ErrorFormat, negotiateErrorFormat } from "./negotiate.js";
export { type RenderedError, type RenderOptions, renderError } from "./render.js";
export {
  codeForStatus,
  type ErrorStatus,
  genericCodes,
  genericMessage,
  isErrorStatus,
  type KnownStatus,
  reasonPhrase,
} from "./status-codes.js";
export { toApiError } from "./to-api-error.js";
export { generateTraceId, type HeaderSource, isValidTraceId, resolveTraceId } from "./trace-id.js";

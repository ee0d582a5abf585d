// The main entry, for applications: errors, factories, your own codes, schemas, zod issues, and
// the status table. Adapter authors: `@error-contract/core/adapter`; Node's HTTP layer: `/node`.
export { ApiError, type ApiErrorInit, type ErrorFields, type ErrorHeaders, isApiError } from "./api-error.js";
export { readBearerToken } from "./bearer-credential.js";
export {
  type AnyErrorCatalog,
  type CustomErrorOptions,
  defineErrors,
  type ErrorCatalog,
  type ErrorDefinition,
  type ErrorDefinitionEntry,
  type ErrorFactory,
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
  type ApiErrorOptions,
  type BearerChallenge,
  badGateway,
  badRequest,
  conflict,
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
export { type FromZodOptions, fromZodError, type IssueKind, type ZodIssue } from "./from-zod.js";
export {
  type ErrorLogRecord,
  type JsonLogReportOptions,
  jsonLogReport,
  type LogRecordContext,
} from "./json-log.js";
export { formatErrorLog, type LogContext } from "./log-line.js";
export type { ErrorFormat } from "./negotiate.js";
export { parseOrThrow } from "./parse-or-throw.js";
export { type PinoLike, pinoReport } from "./pino-report.js";
export type { ReportContext, ReportHook } from "./report.js";
export { type SerializedError, serializeError } from "./serialize-error.js";
export {
  codeForStatus,
  type ErrorStatus,
  genericCodes,
  genericMessage,
  isErrorStatus,
  type KnownStatus,
  reasonPhrase,
} from "./status-codes.js";
export { generateTraceId, isValidTraceId, resolveTraceId } from "./trace-id.js";

export { type CreateDocumentOptions, createDocument } from "./create-document.js";
export {
  codesForStatus,
  documentedStatuses,
  type ErrorComponents,
  type ErrorComponentsOptions,
  errorComponents,
  responseName,
} from "./error-components.js";
export { errorHeaders, headerRef, headersForStatus } from "./error-headers.js";
export { errorResponse } from "./error-response.js";
export { type ErrorResponseItem, errorResponses } from "./error-responses.js";
export { ERROR_BODY_REF, errorSchemas, PROBLEM_BODY_REF } from "./error-schemas.js";
export type {
  HeaderObject,
  JsonSchema,
  MediaTypeObject,
  ReferenceObject,
  ResponseObject,
  ResponsesObject,
} from "./openapi-types.js";

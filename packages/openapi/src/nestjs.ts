import { type ErrorStatus, reasonPhrase } from "@error-contract/core";
import { applyDecorators } from "@nestjs/common";
import { ApiResponse } from "@nestjs/swagger";
import { type ErrorComponentsOptions, errorComponents } from "./error-components.js";
import { type ErrorResponseItem, errorResponses } from "./error-responses.js";
import type { ReferenceObject, ResponseObject } from "./openapi-types.js";

/**
 * The error responses of a handler (@nestjs/swagger): `@ApiErrorResponses(400, 422, errors.email_taken)`.
 * Bare statuses refer to the components that `addErrorComponents` puts in the document.
 */
export function ApiErrorResponses(...items: ErrorResponseItem[]): MethodDecorator & ClassDecorator {
  const decorators = Object.entries(errorResponses(items)).map(([status, response]) =>
    ApiResponse({ status: Number(status), ...toMetadata(Number(status) as ErrorStatus, response) }),
  );
  return applyDecorators(...decorators);
}

// A reference keeps its `$ref` (OpenAPI 3.1 allows a `description` beside it).
function toMetadata(
  status: ErrorStatus,
  response: ResponseObject | ReferenceObject,
): Record<string, unknown> {
  return "$ref" in response ? { $ref: response.$ref, description: reasonPhrase(status) } : { ...response };
}

/**
 * Adds the contract's components to a document from `SwaggerModule.createDocument`, and
 * returns it: `addErrorComponents(SwaggerModule.createDocument(app, config), { catalog: errors })`.
 */
export function addErrorComponents<D extends { components?: object }>(
  document: D,
  options: ErrorComponentsOptions = {},
): D {
  const components = (document.components ?? {}) as Record<string, Record<string, unknown>>;
  for (const [kind, entries] of Object.entries(errorComponents(options))) {
    components[kind] = { ...(components[kind] ?? {}), ...entries };
  }
  document.components = components;
  return document;
}

export { errorResponses } from "./error-responses.js";

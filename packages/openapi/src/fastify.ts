import { type ErrorComponentsOptions, errorComponents } from "./error-components.js";
import { type ErrorResponseItem, errorResponses } from "./error-responses.js";
import type { ResponsesObject } from "./openapi-types.js";

/**
 * The route-schema key an operation's error responses travel under: @fastify/swagger copies
 * every `x-` key of a route's schema onto its operation, and Fastify itself ignores it.
 */
export const ERROR_RESPONSES_KEY = "x-error-responses";

type OpenApiObject = {
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, unknown>;
};

/**
 * A route-schema fragment naming the operation's error responses:
 *
 *     app.get("/users/:id", { schema: { params, response: { 200: User }, ...documentErrors([400, 404]) } }, handler);
 *
 * The responses are not Fastify response schemas, so no serializer is built for them: the
 * contract's error handler answers those statuses as it always does.
 */
export function documentErrors(items: readonly ErrorResponseItem[]): {
  [ERROR_RESPONSES_KEY]: ResponsesObject;
} {
  return { [ERROR_RESPONSES_KEY]: errorResponses(items) };
}

export interface ErrorResponsesTransformObjectOptions extends ErrorComponentsOptions {
  /** Another `transformObject` to run first (for example fastify-type-provider-zod's `jsonSchemaTransformObject`). */
  transformObject?: ((input: { openapiObject: OpenApiObject }) => OpenApiObject) | undefined;
}

/**
 * @fastify/swagger's `transformObject`: moves each operation's `documentErrors(...)` into its
 * `responses` and adds the contract's components (`ErrorBody`, `ProblemBody`, headers, one
 * response per status) beside the application's.
 *
 *     await app.register(fastifySwagger, {
 *       openapi: { openapi: "3.1.0", info: { title: "Users", version: "1.0.0" } },
 *       transformObject: errorResponsesTransformObject({ catalog: errors }),
 *     });
 */
export function errorResponsesTransformObject(
  options: ErrorResponsesTransformObjectOptions = {},
): (input: { openapiObject: OpenApiObject }) => OpenApiObject {
  const { transformObject, catalog } = options;
  return (input) => {
    const document = structuredClone(transformObject ? transformObject(input) : input.openapiObject);
    for (const item of Object.values(document.paths ?? {})) {
      for (const operation of Object.values(item)) {
        if (typeof operation !== "object" || operation === null || !(ERROR_RESPONSES_KEY in operation))
          continue;
        const { [ERROR_RESPONSES_KEY]: declared, ...rest } = operation as Record<string, unknown>;
        const responses = (rest.responses ?? {}) as ResponsesObject;
        for (const status of Object.keys(declared as ResponsesObject)) {
          if (status in responses)
            throw new Error(
              `errorResponsesTransformObject: ${status} is both a response schema and an error response`,
            );
        }
        Object.assign(operation, { ...rest, responses: { ...responses, ...(declared as ResponsesObject) } });
        delete (operation as Record<string, unknown>)[ERROR_RESPONSES_KEY];
      }
    }
    const components = { ...(document.components ?? {}) } as Record<string, Record<string, unknown>>;
    for (const [kind, entries] of Object.entries(errorComponents({ catalog }))) {
      components[kind] = { ...(components[kind] ?? {}), ...entries };
    }
    document.components = components;
    return document;
  };
}

export { errorResponses } from "./error-responses.js";

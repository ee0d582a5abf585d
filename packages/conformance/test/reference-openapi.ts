import type { OpenApiDocument } from "../src/index.js";

/**
 * The reference API as an OpenAPI 3.1 document, written by hand from reference-api.md: the
 * fixture `check --openapi` runs against the reference server (until the samples serve theirs).
 */
const error = (codes?: readonly string[]) => ({
  description: "An error of the contract",
  headers: { "X-Request-Id": { $ref: "#/components/headers/RequestId" } },
  content: {
    "application/json": {
      schema: codes === undefined ? { $ref: "#/components/schemas/Error" } : withCodes("Error", codes),
    },
    "application/problem+json": {
      schema: codes === undefined ? { $ref: "#/components/schemas/Problem" } : withCodes("Problem", codes),
    },
  },
});

const withCodes = (schema: string, codes: readonly string[]) => ({
  allOf: [{ $ref: `#/components/schemas/${schema}` }, { properties: { error: { enum: codes } } }],
});

const user = {
  type: "object",
  required: ["id", "email", "name"],
  properties: { id: { type: "string" }, email: { type: "string" }, name: { type: ["string", "null"] } },
};

const traceId = { type: "string", minLength: 1 };
const fields = { type: "object", additionalProperties: { type: "string", minLength: 1 } };

export const referenceDocument: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "Users (the error-contract reference API)", version: "1.1.0" },
  paths: {
    "/users": {
      post: {
        operationId: "register",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["email", "password"],
                properties: {
                  email: { type: "string", format: "email" },
                  password: {
                    type: "string",
                    minLength: 12,
                    pattern: "\\d",
                    example: "correct-horse-9-battery",
                  },
                  name: { type: "string", minLength: 1, maxLength: 100 },
                },
              },
            },
          },
        },
        responses: {
          "201": { description: "Registered", content: { "application/json": { schema: user } } },
          "400": error(["bad_request"]),
          "409": error(["email_taken"]),
          "413": error(["payload_too_large"]),
          "415": error(["unsupported_media_type"]),
          "422": error(["validation_failed"]),
          "500": error(["internal_error"]),
        },
      },
    },
    "/users/{id}": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      get: {
        operationId: "getUser",
        responses: {
          "200": { description: "The user", content: { "application/json": { schema: user } } },
          "404": error(["not_found"]),
          "500": error(["internal_error"]),
        },
      },
      delete: {
        operationId: "deleteUser",
        security: [{ bearer: [] }],
        responses: {
          "204": { description: "Deleted" },
          "401": error(["unauthenticated"]),
          "403": error(["forbidden"]),
          "404": error(["not_found"]),
          "500": error(["internal_error"]),
        },
      },
    },
    "/me": {
      get: {
        operationId: "me",
        security: [{ bearer: [] }],
        responses: {
          "200": { description: "The caller", content: { "application/json": { schema: user } } },
          "401": error(["unauthenticated"]),
          "500": error(["internal_error"]),
        },
      },
    },
  },
  components: {
    securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    headers: { RequestId: { schema: { type: "string" } } },
    schemas: {
      Error: {
        type: "object",
        required: ["error", "message", "traceId"],
        additionalProperties: false,
        properties: {
          error: { type: "string", pattern: "^[a-z][a-z0-9_]*$" },
          message: { type: "string", minLength: 1 },
          fields,
          traceId,
        },
      },
      Problem: {
        type: "object",
        required: ["type", "title", "status", "detail", "error", "traceId"],
        properties: {
          type: { type: "string" },
          title: { type: "string" },
          status: { type: "integer", minimum: 400, maximum: 599 },
          detail: { type: "string" },
          error: { type: "string", pattern: "^[a-z][a-z0-9_]*$" },
          fields,
          traceId,
        },
      },
    },
  },
};

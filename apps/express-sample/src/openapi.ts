import { createDocument, errorResponses, headerRef } from "@error-contract/openapi";
import { z } from "zod";
import { errors } from "./errors.js";
import { RegisterBody } from "./schemas.js";

// What the routes answer on success (see routes/users.ts and routes/me.ts); every live answer is checked against it.
const PublicUser = z.strictObject({ id: z.string().min(1), email: z.string(), name: z.string().nullable() });
const Me = z.strictObject({ ...PublicUser.shape, role: z.enum(["user", "admin"]) });

/** A zod schema as an OpenAPI 3.1 (JSON Schema 2020-12) schema object; `io: "input"` for what a request sends. */
const schema = (type: z.ZodType, io: "input" | "output" = "output") => {
  const { $schema: _, ...rest } = z.toJSONSchema(type, { target: "draft-2020-12", io });
  return rest;
};
const json = (type: z.ZodType, io?: "input" | "output") => ({
  "application/json": { schema: schema(type, io) },
});
const traced = { "X-Request-Id": headerRef("X-Request-Id") };
const bearer = [{ bearer: [] }];
const userId = [{ name: "id", in: "path", required: true, schema: { type: "string", minLength: 1 } }];

const info = {
  title: "Users (error-contract reference API)",
  version: "1.1.0",
  description:
    "Every error answers with the error contract: `ErrorBody`, or `ProblemBody` for `Accept: application/problem+json`.",
  license: { name: "MIT", url: "https://opensource.org/license/mit" },
};

/** GET /openapi.json: the OpenAPI 3.1 document of the reference API (the fault routes left out). */
export const openApiDocument = createDocument({
  info,
  servers: [{ url: "http://127.0.0.1:3000", description: "npm start" }],
  tags: [
    { name: "users", description: "The registration scenario" },
    { name: "meta", description: "About the API" },
  ],
  catalog: errors,
  components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
  paths: {
    "/users": {
      post: {
        operationId: "registerUser",
        summary: "Register a user",
        tags: ["users"],
        security: [],
        requestBody: { required: true, content: json(RegisterBody, "input") },
        responses: {
          "201": {
            description: "Registered",
            headers: {
              ...traced,
              Location: { required: true, description: "/users/<id>", schema: { type: "string" } },
            },
            content: json(PublicUser),
          },
          ...errorResponses([400, 413, 415, 422, errors.email_taken, 500]),
        },
      },
    },
    "/users/{id}": {
      get: {
        operationId: "getUser",
        summary: "A user",
        tags: ["users"],
        security: [],
        parameters: userId,
        responses: {
          "200": { description: "The user", headers: traced, content: json(PublicUser) },
          ...errorResponses([400, 404, 500]),
        },
      },
      delete: {
        operationId: "deleteUser",
        summary: "Delete a user (admins only)",
        tags: ["users"],
        security: bearer,
        parameters: userId,
        responses: {
          "204": { description: "Deleted", headers: traced },
          ...errorResponses([400, 401, 403, 404, 500]),
        },
      },
    },
    "/me": {
      get: {
        operationId: "getMe",
        summary: "The caller",
        tags: ["users"],
        security: bearer,
        responses: {
          "200": { description: "The caller, with their role", headers: traced, content: json(Me) },
          ...errorResponses([401, 500]),
        },
      },
    },
    "/openapi.json": {
      get: {
        operationId: "getOpenApiDocument",
        summary: "This document",
        tags: ["meta"],
        security: [],
        responses: {
          "200": {
            description: "The OpenAPI 3.1 document",
            headers: traced,
            content: json(z.looseObject({})),
          },
        },
      },
    },
  },
});
